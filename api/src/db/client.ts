// One database handle for the app: embedded PGlite (a directory under DATA_DIR, or memory://) by
// default, node-postgres when DATABASE_URL is set. Both speak PostgreSQL, so schema, queries and
// migrations are the same; pg-boss gets an adapter over the same connection.
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/node-postgres';
import { migrate as migratePostgres } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import pg from 'pg';
import * as schema from './schema/index.js';

export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;
/** A database or a transaction: repositories accept either. */
export type Executor = Pick<Database, 'select' | 'insert' | 'update' | 'delete' | 'execute' | 'transaction'>;

export interface SqlExecutor {
  executeSql(text: string, values?: unknown[]): Promise<{ rows: unknown[] }>;
}

export interface DatabaseHandle {
  kind: 'pglite' | 'postgres';
  db: Database;
  /** For pg-boss: runs raw SQL on the same store. */
  sql: SqlExecutor;
  /** node-postgres connection string, when on PostgreSQL (pg-boss opens its own pool). */
  connectionString: string | null;
  close(): Promise<void>;
}

const MIGRATIONS = fileURLToPath(new URL('../../drizzle', import.meta.url));

export async function openDatabase(options: {
  url: string | null;
  pgliteDir: string;
}): Promise<DatabaseHandle> {
  if (options.url && /^postgres(ql)?:/.test(options.url)) return openPostgres(options.url);
  const dataDir = options.url === 'memory://' ? undefined : options.pgliteDir;
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const client = await PGlite.create(dataDir);
  const db = drizzlePglite(client, { schema }) as unknown as Database;
  await migratePglite(db as never, { migrationsFolder: MIGRATIONS });
  return {
    kind: 'pglite',
    db,
    sql: {
      // PGlite's extended protocol takes one statement; pg-boss sends multi-statement scripts
      // without parameters, which the simple protocol (exec) runs.
      async executeSql(text, values) {
        if (values && values.length) return client.query(text, values as never[]);
        const results = await client.exec(text);
        return { rows: results.at(-1)?.rows ?? [] };
      },
    },
    connectionString: null,
    close: () => client.close(),
  };
}

async function openPostgres(url: string): Promise<DatabaseHandle> {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // An idle client the server drops (restart, DROP DATABASE ... WITH (FORCE)) must not crash the
  // process: the pool discards it and the next query opens a new connection.
  pool.on('error', () => undefined);
  const db = drizzlePostgres(pool, { schema }) as unknown as Database;
  await migratePostgres(db as never, { migrationsFolder: MIGRATIONS });
  return {
    kind: 'postgres',
    db,
    sql: { executeSql: (text, values) => pool.query(text, values as unknown[]) },
    connectionString: url,
    close: () => pool.end(),
  };
}
