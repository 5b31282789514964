/**
 * One error type per kind of failure, mapped once to HTTP by the gateway's exception filter.
 * `code` is stable and machine-readable; `message` is Chinese for the user; details name fields.
 */
export abstract class CaseworkError extends Error {
  abstract readonly kind: 'validation' | 'not_found' | 'conflict' | 'forbidden' | 'rule_broken' | 'unauthenticated' | 'too_many_requests' | 'unavailable';
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export interface FieldViolation {
  /** Dotted path of the field, e.g. `employer.district`. */
  readonly field: string;
  /** Stable rule code, e.g. `required`, `one_of`, `max_length`. */
  readonly rule: string;
  /** Chinese explanation naming the field and what would be right. */
  readonly message: string;
}

export class ValidationError extends CaseworkError {
  readonly kind = 'validation' as const;
  constructor(readonly violations: readonly FieldViolation[]) {
    super('validation_failed', violations.map((v) => v.message).join('；'));
  }
}

export class NotFoundError extends CaseworkError {
  readonly kind = 'not_found' as const;
  constructor(code: string, message: string) {
    super(code, message);
  }
}

/** The version the client saw is not the current one. */
export class ConcurrencyConflictError extends CaseworkError {
  readonly kind = 'conflict' as const;
  constructor(readonly currentVersion: number, message = `记录已被他人修改，当前版本为 ${currentVersion}，请刷新后重试`) {
    super('version_conflict', message);
  }
}

export class ForbiddenError extends CaseworkError {
  readonly kind = 'forbidden' as const;
}

export class UnauthenticatedError extends CaseworkError {
  readonly kind = 'unauthenticated' as const;
}

/** A domain rule forbids the command in the current state (e.g. signing for an order not assigned to you). */
export class RuleBrokenError extends CaseworkError {
  readonly kind = 'rule_broken' as const;
}

/** Too many attempts (failed log-ins, reveals of personal data): the caller must wait before trying again. */
export class TooManyAttemptsError extends CaseworkError {
  readonly kind = 'too_many_requests' as const;
  constructor(
    readonly retryAfterSeconds: number,
    code = 'too_many_attempts',
    message = `登录失败次数过多，请 ${retryAfterSeconds} 秒后再试`,
  ) {
    super(code, message);
  }
}

/**
 * A service this request needed did not answer (the distributed runtime: a context service down or
 * restarting). Nothing was recorded unless the service finished before the answer was lost, so a retry
 * with the same Idempotency-Key is always safe.
 */
export class ServiceUnavailableError extends CaseworkError {
  readonly kind = 'unavailable' as const;
  constructor(readonly service: string) {
    super('service_unavailable', '服务暂时不可用，请稍后用同一幂等键（Idempotency-Key）重试');
  }
}
