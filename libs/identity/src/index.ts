export * from './org-tree.seed.js';
export * from './identity.schema.js';
export * from './org-unit.entity.js';
export * from './user.entity.js';
export * from './password-hasher.js';
export * from './access-token.js';
export * from './org-units.js';
export * from './users.js';
