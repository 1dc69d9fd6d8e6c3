export * from './roles.js';
export * from './domain.js';
export * from './problems.js';
export * from './api/index.js';
export * from './permissions.js';
