import { PostgresAdapter, sql, type Expression, type RawBuilder } from 'kysely';
import type { UntypedDb } from './schema';

/*
 * Every fragment of SQL that SQLite and PostgreSQL spell differently, in one place. Everything
 * else in server/ is plain SQL through the query builder and runs on both as written; a query
 * that needs something dialect-specific gets it from `dialectOf(db)`, and a new fragment is a
 * new member of SqlDialect with both spellings side by side.
 *
 * Text order: the stats payload orders text by Unicode code point (lib/schema/stats.ts).
 * SQLite's default BINARY collation compares UTF-8 bytes, which is that order; PostgreSQL
 * compares with the database's collation unless told `COLLATE "C"`, which is byte order in a
 * UTF-8 database.
 */
export interface SqlDialect {
  kind: 'sqlite' | 'postgres';
  /** An ORDER BY key that compares text by code point. */
  byCodePoint<T>(text: Expression<T>): RawBuilder<T>;
  /** The Monday on or before a `YYYY-MM-DD` day, as `YYYY-MM-DD` text. */
  mondayOf(day: Expression<string>): RawBuilder<string>;
  /** Whether the JSON array at `path` (`$.a.b`) in a JSON text column holds the string `value`. */
  jsonArrayHas(json: Expression<string>, path: string, value: string): RawBuilder<boolean>;
}

/**
 * The UTC day (`YYYY-MM-DD`) of a stored `at`. Ingestion writes `at` with `toISOString()`
 * (`2025-03-05T10:00:00.000Z`), so the day is its first ten characters: the same in both.
 */
export function utcDayOf(at: Expression<string>): RawBuilder<string> {
  return sql<string>`substr(${at}, 1, 10)`;
}

/** `$.filters.stages` as PostgreSQL's path array text `{filters,stages}`. */
function pgPath(path: string): string {
  if (!/^\$(\.[A-Za-z_][A-Za-z0-9_]*)+$/.test(path)) throw new Error(`unsupported JSON path ${path}`);
  return `{${path.slice(2).split('.').join(',')}}`;
}

const sqlite: SqlDialect = {
  kind: 'sqlite',
  // BINARY, SQLite's default, already compares UTF-8 bytes.
  byCodePoint: (text) => sql`${text}`,
  // Back six days, then forward to the next Monday ('weekday 1' stays put on a Monday).
  mondayOf: (day) => sql<string>`date(${day}, '-6 days', 'weekday 1')`,
  jsonArrayHas: (json, path, value) => sql<boolean>`exists (select 1 from json_each(${json}, ${path}) where value = ${value})`,
};

const postgres: SqlDialect = {
  kind: 'postgres',
  byCodePoint: (text) => sql`${text} collate "C"`,
  mondayOf: (day) => sql<string>`to_char(date_trunc('week', (${day})::date), 'YYYY-MM-DD')`,
  // `?` tests membership of a string in a jsonb array; a missing path gives null, i.e. false.
  jsonArrayHas: (json, path, value) => sql<boolean>`coalesce(((${json})::jsonb #> ${sql.lit(pgPath(path))}) ? ${value}, false)`,
};

/** The dialect a Kysely instance (or a transaction of one) talks to. */
export function dialectOf(db: UntypedDb): SqlDialect {
  return db.getExecutor().adapter instanceof PostgresAdapter ? postgres : sqlite;
}
