import type { EntityManager } from 'typeorm';
import type { RepeatCandidate } from '#hotline';

export type Standing = RepeatCandidate['standing'];

/** What the detector remembers of one complaint (a row of `repeat_call_keys`). */
export interface CallKey {
  readonly complaintId: string;
  /** The employer's name, normalised (`normaliseEmployerName`). */
  readonly employerKey: string;
  /** The caller's phone as a keyed hash, never in clear. */
  readonly phoneHash?: string;
  /** The caller's ID number as a keyed hash (`personKeyOf`), never in clear. */
  readonly idHash?: string;
  readonly receivedAt: Date;
  standing: Standing;
}

/** Earlier complaints a call is compared with: the earliest this many in its window, as before. */
const CANDIDATES_PER_CALL = 50;
const DAY_MS = 86_400_000;

interface KeyRow {
  complaint_id: string;
  employer_key: string;
  caller_phone_hash: string | null;
  caller_id_hash: string | null;
  received_at: Date;
  standing: Standing;
}

/**
 * The keys one batch works on, in memory: those loaded for the batch's calls (same employer or phone,
 * received in a window before one of them) plus the batch's own calls as they are judged in log order.
 * Standings change as the batch goes; `save` writes the new keys and the changed standings at once.
 */
export class RepeatCallKeys {
  private readonly byId = new Map<string, CallKey>();
  private readonly byEmployer = new Map<string, CallKey[]>();
  private readonly byPhone = new Map<string, CallKey[]>();
  private readonly byIdNumber = new Map<string, CallKey[]>();
  private readonly added: CallKey[] = [];
  private readonly standings = new Map<string, Standing>();

  private constructor(loaded: readonly CallKey[]) {
    for (const key of loaded) this.index(key);
  }

  /** One query for the whole batch, by the employer and phone indexes. */
  static async load(tx: Pick<EntityManager, 'query'>, calls: readonly CallKey[], windowDays: number): Promise<RepeatCallKeys> {
    if (calls.length === 0) return new RepeatCallKeys([]);
    const times = calls.map((call) => call.receivedAt.getTime());
    const since = new Date(Math.min(...times) - windowDays * DAY_MS);
    const until = new Date(Math.max(...times));
    const employers = [...new Set(calls.flatMap((call) => (call.employerKey ? [call.employerKey] : [])))];
    const phones = [...new Set(calls.flatMap((call) => (call.phoneHash ? [call.phoneHash] : [])))];
    const idNumbers = [...new Set(calls.flatMap((call) => (call.idHash ? [call.idHash] : [])))];
    const rows: KeyRow[] = await tx.query(
      `SELECT complaint_id, employer_key, caller_phone_hash, caller_id_hash, received_at, standing FROM repeat_call_keys
        WHERE received_at BETWEEN $1 AND $2 AND (employer_key = ANY($3) OR caller_phone_hash = ANY($4) OR caller_id_hash = ANY($5))`,
      [since, until, employers, phones, idNumbers],
    );
    return new RepeatCallKeys(
      rows.map((row) => ({
        complaintId: row.complaint_id,
        employerKey: row.employer_key,
        phoneHash: row.caller_phone_hash ?? undefined,
        idHash: row.caller_id_hash ?? undefined,
        receivedAt: row.received_at,
        standing: row.standing,
      })),
    );
  }

  /**
   * Earlier complaints about the same employer or from the same phone, received in the window before
   * `call` (itself excluded), earliest first: what `findRepeatCall` chooses from.
   */
  candidatesFor(call: CallKey, windowDays: number): RepeatCandidate[] {
    const since = call.receivedAt.getTime() - windowDays * DAY_MS;
    const until = call.receivedAt.getTime();
    const matching = new Set([
      ...(call.employerKey ? this.byEmployer.get(call.employerKey) ?? [] : []),
      ...(call.phoneHash ? this.byPhone.get(call.phoneHash) ?? [] : []),
      ...(call.idHash ? this.byIdNumber.get(call.idHash) ?? [] : []),
    ]);
    return [...matching]
      .filter((key) => key.complaintId !== call.complaintId && key.receivedAt.getTime() >= since && key.receivedAt.getTime() <= until)
      .sort((a, b) => a.receivedAt.getTime() - b.receivedAt.getTime())
      .slice(0, CANDIDATES_PER_CALL)
      .map((key) => ({ complaintId: key.complaintId, receivedAt: key.receivedAt, employerName: key.employerKey, callerPhoneHash: key.phoneHash, callerIdHash: key.idHash, standing: key.standing }));
  }

  /** Remembers a judged call; a call already known (a redelivered batch) keeps what is stored. */
  add(call: CallKey): void {
    if (this.byId.has(call.complaintId)) return;
    const key = { ...call };
    this.index(key);
    this.added.push(key);
  }

  setStanding(complaintId: string, standing: Standing): void {
    const key = this.byId.get(complaintId);
    if (key) key.standing = standing;
    this.standings.set(complaintId, standing);
  }

  /** Two statements: the new keys (with their standing as of the batch's end), then the standings of older ones. */
  async save(tx: Pick<EntityManager, 'query'>): Promise<void> {
    if (this.added.length > 0) {
      await tx.query(
        `INSERT INTO repeat_call_keys (complaint_id, employer_key, caller_phone_hash, received_at, standing, caller_id_hash)
         SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::timestamptz[], $5::text[], $6::text[])
         ON CONFLICT (complaint_id) DO NOTHING`,
        [
          this.added.map((key) => key.complaintId),
          this.added.map((key) => key.employerKey),
          this.added.map((key) => key.phoneHash ?? null),
          this.added.map((key) => key.receivedAt),
          this.added.map((key) => key.standing),
          this.added.map((key) => key.idHash ?? null),
        ],
      );
    }
    if (this.standings.size > 0) {
      await tx.query(
        `UPDATE repeat_call_keys k SET standing = s.standing FROM unnest($1::text[], $2::text[]) AS s(complaint_id, standing)
          WHERE k.complaint_id = s.complaint_id AND k.standing <> s.standing`,
        [[...this.standings.keys()], [...this.standings.values()]],
      );
    }
  }

  private index(key: CallKey): void {
    this.byId.set(key.complaintId, key);
    if (key.employerKey) push(this.byEmployer, key.employerKey, key);
    if (key.phoneHash) push(this.byPhone, key.phoneHash, key);
    if (key.idHash) push(this.byIdNumber, key.idHash, key);
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
