/** The complaint decider, built once with the calendar and the configured time limits. */
export const COMPLAINT_DECIDER = Symbol('COMPLAINT_DECIDER');
export const HOTLINE_TIME_LIMITS = Symbol('HOTLINE_TIME_LIMITS');
