export * from './wage-services.js';
export * from './wage.module.js';
