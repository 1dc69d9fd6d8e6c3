// Every table, for Drizzle's typed queries and drizzle-kit's migration generation.
export * from './audit.js';
export * from './message-index.js';
export * from './retractions.js';
export * from './collections.js';
export * from './reports.js';
export * from './directory.js';
