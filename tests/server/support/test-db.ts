import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { openDatabase } from '../../../server/db/open-database';
import { createDatabase, dropDatabase } from './postgres-cluster';

/*
 * The database a test runs on. The server suites run twice: on SQLite (a file in a temp
 * folder) and, in the vitest projects ending in `-pg`, on PostgreSQL (a database of its own
 * on the throw-away cluster tests/server/support/postgres-global-setup.ts starts once per run).
 */

export type TestDbKind = 'sqlite' | 'postgres';

export const TEST_DB_KIND: TestDbKind = process.env.QUIVER_TEST_DB === 'postgres' ? 'postgres' : 'sqlite';

/** Set by the global setup: the cluster's admin URL, and a migrated database to copy. */
export const POSTGRES_URL_ENV = 'QUIVER_TEST_POSTGRES_URL';
export const POSTGRES_TEMPLATE_ENV = 'QUIVER_TEST_POSTGRES_TEMPLATE';

export interface TestDb {
  kind: TestDbKind;
  /** What `--db` takes: a file path or a postgres:// URL. */
  target: string;
  /** Removes the database (and its folder). */
  remove(): Promise<void>;
}

function adminUrl(): string {
  const url = process.env[POSTGRES_URL_ENV];
  if (!url) throw new Error(`no PostgreSQL test cluster: ${POSTGRES_URL_ENV} is unset (run through the vitest projects ending in -pg)`);
  return url;
}

/**
 * A new database for one test or test file. `empty`: nothing in it yet (SQLite: no file; PostgreSQL:
 * no tables), as a first `quiver import` finds it; otherwise already migrated where that is faster.
 */
export async function freshTestDb(options: { empty?: boolean; dir?: string } = {}): Promise<TestDb> {
  if (TEST_DB_KIND === 'sqlite') {
    const dir = options.dir ?? mkdtempSync(path.join(tmpdir(), 'quiver-db-'));
    return { kind: 'sqlite', target: path.join(dir, 'quiver.db'), remove: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const template = options.empty ? 'template0' : (process.env[POSTGRES_TEMPLATE_ENV] ?? 'template0');
  const target = await createDatabase(adminUrl(), template);
  return { kind: 'postgres', target, remove: () => dropDatabase(target) };
}

/** Whether the database holds any Quiver table yet. */
export async function hasQuiverTables(target: string): Promise<boolean> {
  if (TEST_DB_KIND === 'sqlite') {
    const { existsSync } = await import('node:fs');
    return existsSync(target);
  }
  const pg = (await import('pg')).default;
  const client = new pg.Client({ connectionString: target });
  await client.connect();
  try {
    const { rows } = await client.query(`select count(*)::int as n from information_schema.tables where table_schema = 'public'`);
    return rows[0].n > 0;
  } finally {
    await client.end();
  }
}

/** Whether `text` appears anywhere in the stored tokens: the database file itself, or every row of access_tokens. */
export async function storedTokensContain(target: string, text: string): Promise<boolean> {
  if (TEST_DB_KIND === 'sqlite') {
    const { readFileSync, existsSync } = await import('node:fs');
    return [target, `${target}-wal`].some((f) => existsSync(f) && readFileSync(f).includes(Buffer.from(text)));
  }
  const db = await openDatabase(target);
  try {
    const rows = await sql`select * from access_tokens`.execute(db);
    return JSON.stringify(rows.rows).includes(text);
  } finally {
    await db.destroy();
  }
}
