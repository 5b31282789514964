export * from './upcaster-registry.js';
