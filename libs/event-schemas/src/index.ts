export * from './upcasters.js';
