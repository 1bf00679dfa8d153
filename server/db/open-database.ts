import { mkdirSync } from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, sql, SqliteDialect } from 'kysely';
import pg from 'pg';
import { describeDbTarget, parseDbTarget } from './db-target';
import { MIGRATION_NAMES, migrationProvider } from './migrations';
import type { Database } from './schema';
import { POOL_SIZES } from './read-snapshot';
import { SqliteReadDialect } from './sqlite-read-dialect';

export type Db = Kysely<Database>;

/** Connections of one pool, as /metrics reports them. */
export interface PoolFigures {
  pool: string;
  max: number;
  total: number;
  idle: number;
  /** Requests waiting for a connection. */
  waiting: number;
}

export type Readiness = { ok: true } | { ok: false; reason: string };

/** The database as the server uses it: one handle for requests, one for long reads. */
export interface ServerDatabase {
  kind: 'sqlite' | 'postgres';
  /** Reads and writes of requests: uploads, sync pages, authentication. */
  db: Db;
  /**
   * Long reads (stats). PostgreSQL: a pool of its own, so managers asking for figures never
   * hold the connections uploads need. SQLite: a second, read-only connection on a worker
   * thread, so with WAL neither the writer nor the event loop waits for it.
   */
  reads: Db;
  /** `--db` as it may be shown: a URL without its password. */
  description: string;
  /** Database reachable and its schema exactly what this server was built for. */
  readiness(): Promise<Readiness>;
  pools(): PoolFigures[];
  close(): Promise<void>;
}

export interface OpenOptions {
  /** PostgreSQL connections for requests. */
  poolSize?: number;
  /** PostgreSQL connections for stats (a stats request uses two at once). */
  readPoolSize?: number;
  /** Called with a pool's background errors (a connection dropped while idle). */
  onPoolError?: (error: Error) => void;
}

/**
 * Opens `--db` (a SQLite file, created with its folder when absent, or a `postgres://` URL)
 * and brings its schema up to date. One handle: what the CLI commands use.
 */
export async function openDatabase(target: string, options: OpenOptions = {}): Promise<Db> {
  const parsed = parseDbTarget(target);
  if (parsed.kind === 'sqlite') return openSqlite(parsed.file);
  const { db } = await openPostgresPool(parsed.url, options.poolSize ?? 4, 'quiver', options.onPoolError);
  return migrated(db, () => migratePostgres(db));
}

/** Opens `--db` for `quiver serve`: request and read handles, readiness and pool figures. */
export async function openServerDatabase(target: string, options: OpenOptions = {}): Promise<ServerDatabase> {
  const parsed = parseDbTarget(target);
  const description = describeDbTarget(target);
  if (parsed.kind === 'sqlite') {
    const db = await openSqlite(parsed.file);
    let reads: Db = db;
    if (parsed.file !== ':memory:') {
      reads = new Kysely<Database>({ dialect: new SqliteReadDialect(parsed.file) });
    }
    return {
      kind: 'sqlite',
      db,
      reads,
      description,
      readiness: () => readiness(db),
      pools: () => [
        { pool: 'main', max: 1, total: 1, idle: 1, waiting: 0 },
        { pool: 'reads', max: 1, total: 1, idle: 1, waiting: 0 },
      ],
      close: async () => {
        if (reads !== db) await reads.destroy();
        await db.destroy();
      },
    };
  }
  const main = await openPostgresPool(parsed.url, options.poolSize ?? 10, 'quiver', options.onPoolError);
  const db = await migrated(main.db, () => migratePostgres(main.db));
  const readPoolSize = options.readPoolSize ?? 4;
  const reads = await openPostgresPool(parsed.url, readPoolSize, 'quiver-stats', options.onPoolError);
  POOL_SIZES.set(reads.db, readPoolSize);
  return {
    kind: 'postgres',
    db,
    reads: reads.db,
    description,
    readiness: () => readiness(db),
    pools: () => [poolFigures('main', main.pool), poolFigures('reads', reads.pool)],
    close: async () => {
      await reads.db.destroy();
      await db.destroy();
    },
  };
}

/**
 * SQLite: WAL lets the CLI import and the stats connection read while the server keeps
 * writing; `synchronous = FULL` because an acknowledged usage event must survive a power cut,
 * not just a crash.
 */
async function openSqlite(file: string): Promise<Db> {
  if (file !== ':memory:') mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  // Another process (an import during serve) may hold the write lock briefly.
  sqlite.pragma('busy_timeout = 5000');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  return migrated(db, () => migrate(db));
}

/** PostgreSQL bigint and numeric (count(*), sum()) as numbers: every such figure here is a count. */
const pgTypes = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === pg.types.builtins.INT8 || oid === pg.types.builtins.NUMERIC) return (value: string) => Number(value);
    return pg.types.getTypeParser(oid, format);
  },
};

async function openPostgresPool(url: string, max: number, applicationName: string, onError?: (error: Error) => void) {
  const pool = new pg.Pool({
    connectionString: url,
    max,
    application_name: applicationName,
    types: pgTypes as pg.CustomTypesConfig,
    connectionTimeoutMillis: 10_000,
    idleTimeoutMillis: 30_000,
  });
  // An idle connection the server dropped (a restart, a failover) is reported here; without a
  // listener it would end the process.
  pool.on('error', (error) => onError?.(error));
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  try {
    await sql`select 1`.execute(db);
  } catch (error) {
    await db.destroy();
    throw new Error(`cannot reach PostgreSQL at ${describeDbTarget(url)}: ${error instanceof Error ? error.message : String(error)}`);
  }
  return { pool, db };
}

function poolFigures(name: string, pool: pg.Pool): PoolFigures {
  return { pool: name, max: pool.options.max ?? 10, total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount };
}

async function migrated(db: Db, run: () => Promise<void>): Promise<Db> {
  try {
    await run();
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return db;
}

/** Any fixed number: the advisory lock every Quiver instance takes to migrate one at a time. */
const MIGRATION_LOCK = 7_351_202_611;

/**
 * Several instances starting together on one database: each takes the same session-level
 * advisory lock before migrating, so one runs the migrations and the others, once it is
 * released, find nothing left to do. The lock is held on a connection of its own while the
 * migrations run on others.
 */
async function migratePostgres(db: Db): Promise<void> {
  await db.connection().execute(async (locked) => {
    await sql`select pg_advisory_lock(${MIGRATION_LOCK})`.execute(locked);
    try {
      await migrate(db);
    } finally {
      await sql`select pg_advisory_unlock(${MIGRATION_LOCK})`.execute(locked);
    }
  });
}

async function migrate(db: Db): Promise<void> {
  const { error, results } = await new Migrator({ db, provider: migrationProvider }).migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`database migration ${failed} failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** Whether the database answers and holds exactly the migrations this server knows. */
async function readiness(db: Db): Promise<Readiness> {
  let applied: string[];
  try {
    const rows = await sql<{ name: string }>`select name from kysely_migration`.execute(db);
    applied = rows.rows.map((r) => r.name);
  } catch (error) {
    return { ok: false, reason: `database unreachable: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}` };
  }
  const missing = MIGRATION_NAMES.filter((name) => !applied.includes(name));
  if (missing.length > 0) return { ok: false, reason: `schema behind this server: migration ${missing[0]} not applied` };
  const unknown = applied.filter((name) => !MIGRATION_NAMES.includes(name));
  if (unknown.length > 0) return { ok: false, reason: `schema ahead of this server: migration ${unknown[0]} is unknown to it` };
  return { ok: true };
}
