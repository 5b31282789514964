import {
  CaseworkError,
  ConcurrencyConflictError,
  ForbiddenError,
  NotFoundError,
  RuleBrokenError,
  ServiceUnavailableError,
  TooManyAttemptsError,
  UnauthenticatedError,
  ValidationError,
  type FieldViolation,
} from './domain-errors.js';

/** A `CaseworkError` as it crosses between processes (a command answered by another service). */
export interface WireError {
  readonly kind: CaseworkError['kind'] | 'internal';
  readonly code: string;
  readonly message: string;
  readonly violations?: readonly FieldViolation[];
  readonly currentVersion?: number;
  readonly retryAfterSeconds?: number;
}

/**
 * What the caller may learn of a failure: a `CaseworkError` whole (its message is written for users);
 * anything else only as "internal" — its text may quote values (a driver's message), so it stays in
 * the service's own log.
 */
export function errorToWire(error: unknown): WireError {
  if (!(error instanceof CaseworkError)) return { kind: 'internal', code: 'internal_error', message: '服务器内部错误，请稍后重试' };
  return {
    kind: error.kind,
    code: error.code,
    message: error.message,
    ...(error instanceof ValidationError ? { violations: error.violations } : {}),
    ...(error instanceof ConcurrencyConflictError ? { currentVersion: error.currentVersion } : {}),
    ...(error instanceof TooManyAttemptsError ? { retryAfterSeconds: error.retryAfterSeconds } : {}),
  };
}

/** The failure again, as the class the gateway's exception filter maps to HTTP. */
export function errorFromWire(wire: WireError): Error {
  switch (wire.kind) {
    case 'validation':
      return new ValidationError(wire.violations ?? []);
    case 'conflict':
      return new ConcurrencyConflictError(wire.currentVersion ?? -1, wire.message);
    case 'not_found':
      return new NotFoundError(wire.code, wire.message);
    case 'forbidden':
      return new ForbiddenError(wire.code, wire.message);
    case 'unauthenticated':
      return new UnauthenticatedError(wire.code, wire.message);
    case 'rule_broken':
      return new RuleBrokenError(wire.code, wire.message);
    case 'unavailable':
      return new ServiceUnavailableError(wire.code);
    case 'too_many_requests':
      return new TooManyAttemptsError(wire.retryAfterSeconds ?? 60);
    default:
      return new Error(`A service failed: ${wire.code}`);
  }
}

export function isWireError(value: unknown): value is WireError {
  return typeof value === 'object' && value !== null && typeof (value as WireError).kind === 'string' && typeof (value as WireError).code === 'string';
}
