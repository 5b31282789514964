export * from './embedded-postgres-server.js';
export * from './free-port.js';
export * from './system-settings.js';
export * from './connection-file.js';
export * from './pool-statements.js';
export * from './process-presence.js';
