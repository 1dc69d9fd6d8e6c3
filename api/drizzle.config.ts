import { defineConfig } from 'drizzle-kit';

// Migrations are generated from the schema (`npm run db:generate -w api`), committed, and applied
// at start by the db plugin on PGlite and PostgreSQL alike.
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/db/schema/*.ts',
  out: './drizzle',
});
