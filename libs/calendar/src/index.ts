export * from './local-date.js';
export * from './working-calendar.js';
export * from './chinese-days-calendar.js';
export * from './deadlines.js';
export * from './adjustable-calendar.js';
