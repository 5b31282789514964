export * from './mediation-calendar.js';
export * from './mediation-services.js';
export * from './mediation.module.js';
