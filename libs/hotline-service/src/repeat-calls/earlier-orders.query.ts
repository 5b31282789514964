import type { DataSource } from 'typeorm';

/** A caller's earlier order as the intake page lists it: no personal data, only what identifies the order. */
export interface EarlierOrder {
  readonly id: string;
  readonly caseNumber: string | null;
  readonly title: string;
  readonly status: string;
  readonly unitId: string;
  readonly receivedAt: string;
  readonly matchedOn: readonly ('same_phone' | 'same_id_number')[];
}

/** The most recent orders shown while a number is typed; older ones are in the person's journey. */
const SHOWN = 20;

/**
 * 来电弹屏: the earlier orders of the caller whose phone or ID number is being typed, found by the keyed
 * hashes the repeat-call detector keeps (`repeat_call_keys`: the numbers themselves are never stored
 * in clear), as far as the user may see each order (the case list's scope).
 */
export async function queryEarlierOrders(
  dataSource: Pick<DataSource, 'query'>,
  keys: { readonly phoneHash?: string; readonly idHash?: string },
  scope: { readonly unitIds: readonly string[]; readonly kinds: readonly string[] },
): Promise<EarlierOrder[]> {
  if (!scope.kinds.includes('complaint') || (!keys.phoneHash && !keys.idHash)) return [];
  const rows: { complaint_id: string; case_number: string | null; title: string; status: string; unit_id: string; received_at: Date; same_phone: boolean; same_id: boolean }[] = await dataSource.query(
    `SELECT k.complaint_id, c.case_number, c.title, c.status, c.unit_id, k.received_at,
            coalesce(k.caller_phone_hash = $1, false) AS same_phone, coalesce(k.caller_id_hash = $2, false) AS same_id
       FROM repeat_call_keys k JOIN case_list c ON c.case_id = k.complaint_id AND c.kind = 'complaint'
      WHERE (k.caller_phone_hash = $1 OR k.caller_id_hash = $2) AND (c.unit_id = ANY($3) OR c.opened_by_unit_id = ANY($3))
      ORDER BY k.received_at DESC, k.complaint_id
      LIMIT ${SHOWN}`,
    [keys.phoneHash ?? null, keys.idHash ?? null, scope.unitIds],
  );
  return rows.map((row) => ({
    id: row.complaint_id,
    caseNumber: row.case_number,
    title: row.title,
    status: row.status,
    unitId: row.unit_id,
    receivedAt: row.received_at.toISOString(),
    matchedOn: [...(row.same_phone ? (['same_phone'] as const) : []), ...(row.same_id ? (['same_id_number'] as const) : [])],
  }));
}
