import { ReadModelReshapedError } from './read-model-reshaped.js';

/**
 * Why applying an event failed, as far as it may be kept and shown: the error's class and
 * PostgreSQL's SQLSTATE, the schema objects it names, and its message with every quoted or numeric
 * value masked. Drivers quote the values they refused (`invalid input syntax for type uuid: "…"`,
 * `date/time field value out of range: "0000-01-01"`), and a value may be a name or a phone number:
 * none of it reaches the parked-events table, the logs or `/health`.
 */
export interface ApplyFailure {
  /** e.g. `TypeError`, `QueryFailedError 23502`. */
  readonly errorClass: string;
  readonly message: string;
}

interface DriverErrorFields {
  readonly code?: unknown;
  readonly table?: unknown;
  readonly column?: unknown;
  readonly constraint?: unknown;
  readonly driverError?: DriverErrorFields;
}

const MAX_MESSAGE = 300;
const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*(?:\.[A-Za-z_$][A-Za-z0-9_$]*)*$/;
const SQLSTATE = /^[0-9A-Z]{5}$/;

export function describeFailure(error: unknown): ApplyFailure {
  const name = error instanceof Error ? error.name : typeof error;
  const fields = (error ?? {}) as DriverErrorFields;
  const driver = fields.driverError ?? fields;
  const code = typeof driver.code === 'string' && SQLSTATE.test(driver.code) ? driver.code : undefined;
  const raw = error instanceof Error ? error.message : String(error);
  // A database error's quoted words may be values; its table, column and constraint come apart, from the schema.
  let message = maskValues(raw, code ? 'all' : 'non-identifiers');
  const objects = (['table', 'column', 'constraint'] as const)
    .filter((key) => typeof driver[key] === 'string' && IDENTIFIER.test(driver[key] as string))
    .map((key) => `${key} ${driver[key] as string}`);
  if (objects.length > 0) message += ` (${objects.join(', ')})`;
  return { errorClass: code ? `${name} ${code}` : name, message: truncate(message) };
}

/**
 * Quoted segments become `"…"` (kept in a JavaScript error when they are identifiers: property
 * paths of the code, as in `Cannot destructure property 'name' of 'claimant.details'`); runs of
 * three or more digits become `#`.
 */
function maskValues(text: string, quoted: 'all' | 'non-identifiers'): string {
  return text
    .replace(/(["'`])([^"'`]*)\1/g, (whole, quote: string, inner: string) => (quoted === 'non-identifiers' && IDENTIFIER.test(inner) && inner.length <= 40 ? whole : `${quote}…${quote}`))
    .replace(/\d{3,}/g, '#');
}

function truncate(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length > MAX_MESSAGE ? `${oneLine.slice(0, MAX_MESSAGE - 1)}…` : oneLine;
}

/**
 * Errors that say nothing about the event: the same batch passes when tried again. Serialization
 * failures and deadlocks (class 40), a lock not had in time (55P03), connections lost or refused
 * (class 08, 57P01–57P03 shutdown, 53300 too many connections), the driver's own socket errors, and
 * live tables of another schema version than this code writes (`ReadModelReshapedError`).
 * These are retried, never parked: parking every event while the database restarts would empty the
 * read models.
 */
export function isTransient(error: unknown): boolean {
  if (error instanceof ReadModelReshapedError) return true;
  const fields = (error ?? {}) as DriverErrorFields;
  const code = (fields.driverError ?? fields).code;
  if (typeof code === 'string') {
    if (code.startsWith('40') || code.startsWith('08') || ['55P03', '57P01', '57P02', '57P03', '53300', '53400'].includes(code)) return true;
    if (['ECONNRESET', 'ECONNREFUSED', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH'].includes(code)) return true;
  }
  const message = error instanceof Error ? error.message : '';
  return /Connection terminated|connection timeout|Client has encountered a connection error/i.test(message);
}

export interface RetryPolicy {
  /** Tries in all, the first included (default 4). */
  readonly attempts?: number;
  /** The pause before the second try; doubled before each next (default 50 ms: 50, 100, 200). */
  readonly firstDelayMs?: number;
}

/** Runs `work`, trying again after a growing pause while it fails with a transient error. */
export async function withRetries<T>(work: () => Promise<T>, policy: RetryPolicy = {}): Promise<T> {
  const attempts = policy.attempts ?? 4;
  let delay = policy.firstDelayMs ?? 50;
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (attempt >= attempts || !isTransient(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, delay));
      delay *= 2;
    }
  }
}
