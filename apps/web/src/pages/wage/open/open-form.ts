import type { OrgUnit } from '../../../api-types';
import type { ChainRole, SourceKind } from '../wage-types';

/** What the caseworker types to open a wage case, as strings until it is sent. */
export interface OpenForm {
  sourceKind: SourceKind;
  complaintId: string;
  referredBy: string;
  respondentKind: 'employer' | 'project';
  name: string;
  district: string;
  creditCode: string;
  chain: ChainRow[];
  summary: string;
  unitId: string;
}

export interface ChainRow {
  key: number;
  role: ChainRole | '';
  name: string;
  creditCode: string;
}

let nextKey = 1;
export const chainRow = (role: ChainRole | '' = ''): ChainRow => ({ key: nextKey++, role, name: '', creditCode: '' });

/** The district of a unit: itself, or the district above a township station. */
export function districtOf(unitId: string, units: readonly OrgUnit[]): string {
  const unit = units.find((u) => u.id === unitId);
  if (!unit) return '';
  if (unit.kind === 'district') return unit.code;
  if (unit.kind === 'township') return units.find((u) => u.id === unit.parentId)?.code ?? '';
  return '';
}

/** A unit and every unit below it: where the user may have a case handled. */
export function subtreeOf(rootId: string, units: readonly OrgUnit[]): OrgUnit[] {
  const ids = new Set([rootId]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const unit of units) if (unit.parentId && ids.has(unit.parentId) && !ids.has(unit.id)) (ids.add(unit.id), (grew = true));
  }
  return units.filter((u) => ids.has(u.id) && u.kind !== 'mediation_room');
}

export function emptyOpenForm(unitId: string, units: readonly OrgUnit[]): OpenForm {
  return {
    sourceKind: 'walk_in', complaintId: '', referredBy: '', respondentKind: 'employer', name: '', district: districtOf(unitId, units),
    creditCode: '', chain: [chainRow('developer'), chainRow('main_contractor')], summary: '', unitId,
  };
}

const text = (value: string) => (value.trim() === '' ? undefined : value.trim());

/** The chain's rows as the API takes them (empty rows left out), and which form row each party sent came from. */
export function toChainBody(rows: readonly ChainRow[]): { chain: Record<string, unknown>[]; chainIndex: number[] } {
  const chainIndex: number[] = [];
  const chain = rows.flatMap((row, index) => {
    if (!row.name.trim() && !row.creditCode.trim()) return [];
    chainIndex.push(index);
    return [{ role: row.role, name: row.name.trim(), ...(text(row.creditCode) ? { creditCode: text(row.creditCode) } : {}) }];
  });
  return { chain, chainIndex };
}

/**
 * The body of `POST /api/wage-cases`. Chain rows left empty are not sent; `chainIndex[i]` is the form
 * row of the i-th party sent, so the API's `respondent.chain.<i>.*` errors land on the right row.
 */
export function toOpenBody(form: OpenForm): { body: Record<string, unknown>; chainIndex: number[] } {
  const { chain, chainIndex } = toChainBody(form.chain);
  const source = form.sourceKind === 'complaint' ? { kind: 'complaint', complaintId: form.complaintId.trim() }
    : form.sourceKind === 'referral' ? { kind: 'referral', referredBy: form.referredBy.trim() }
    : { kind: 'walk_in' };
  const respondent = form.respondentKind === 'project'
    ? { kind: 'project', name: form.name.trim(), district: form.district, chain }
    : { kind: 'employer', name: form.name.trim(), district: form.district, ...(text(form.creditCode) ? { creditCode: text(form.creditCode) } : {}) };
  return { body: { source, respondent, summary: form.summary.trim(), ...(form.unitId ? { unitId: form.unitId } : {}) }, chainIndex };
}

/** `respondent.chain.1.name` (the second party sent) → `chain.<form row>.name`; other fields as they are. */
export function formErrors(fieldErrors: Record<string, string>, chainIndex: readonly number[]): Record<string, string> {
  const placed: Record<string, string> = {};
  for (const [field, message] of Object.entries(fieldErrors)) {
    const chain = /^respondent\.chain\.(\d+)\.(\w+)$/.exec(field);
    placed[chain ? `chain.${chainIndex[Number(chain[1])] ?? chain[1]}.${chain[2]}` : field] ??= message;
  }
  return placed;
}
