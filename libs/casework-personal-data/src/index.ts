export * from './connect-personal-data.js';
