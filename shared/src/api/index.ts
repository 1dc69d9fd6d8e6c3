export * from './common.js';
export * from './me.js';
export * from './health.js';
export * from './audit.js';
