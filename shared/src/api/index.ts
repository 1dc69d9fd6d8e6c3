export * from './common.js';
export * from './me.js';
export * from './health.js';
export * from './audit.js';
export * from './retractions.js';
export * from './reports.js';
export * from './campaigns.js';
export * from './user-reported-settings.js';
