import type { GraphRoute } from './registry.js';

export const routes: GraphRoute[] = [];
