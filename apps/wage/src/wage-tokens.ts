/** The wage-case decider, built once with the working calendar and the configured time limits. */
export const WAGE_CASE_DECIDER = Symbol('WAGE_CASE_DECIDER');
export const WAGE_TIME_LIMITS = Symbol('WAGE_TIME_LIMITS');
