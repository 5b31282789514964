/**
 * The messages of the command bus between the HTTP gateway and each context's one handler: any step of
 * a case, with its metadata, carried unchanged by @nestjs/cqrs in one process and by the command
 * transport between processes (ADR 0010). A lib, so the gateway and the contexts share them without
 * importing one another.
 */
export * from './execute-complaint-command.js';
export * from './execute-wage-case-command.js';
export * from './execute-hardship-command.js';
export * from './execute-mediation-command.js';
