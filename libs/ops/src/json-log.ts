/**
 * Structured logs of the distributed services: one JSON object a line on stdout, with the service's
 * name and, where there is one, the correlation id that ties a request to its commands and events.
 * Callers log ids, types, outcomes and durations — never a command's or an event's data.
 */
export type LogFields = Readonly<Record<string, string | number | boolean | null | undefined>>;

export function jsonLogger(service: string) {
  const write = (level: 'info' | 'warn' | 'error', msg: string, fields: LogFields = {}) => {
    process.stdout.write(`${JSON.stringify({ time: new Date().toISOString(), level, service, msg, ...fields })}\n`);
  };
  return {
    info: (msg: string, fields?: LogFields) => write('info', msg, fields),
    warn: (msg: string, fields?: LogFields) => write('warn', msg, fields),
    error: (msg: string, fields?: LogFields) => write('error', msg, fields),
  };
}

export type JsonLogger = ReturnType<typeof jsonLogger>;
