export const COMMAND_CONTEXT = Symbol('COMMAND_CONTEXT');
export const SERVICE_METRICS = Symbol('SERVICE_METRICS');
