export * from './roles.js';
export * from './domain.js';
export * from './problems.js';
