import { sql, type Expression, type RawBuilder } from 'kysely';

/*
 * Every SQLite-specific fragment the stats queries use, in one place so a PostgreSQL port
 * knows exactly what to rewrite. Everything else in server/stats/ is plain SQL through the
 * query builder.
 *
 * Text order: the payload orders text by Unicode code point (lib/schema/stats.ts). SQLite's
 * default BINARY collation compares UTF-8 bytes, which is that order. PostgreSQL needs
 * `COLLATE "C"` on those ORDER BY keys; `byCodePoint` is where to add it.
 */

/** An ORDER BY key that compares text by code point. SQLite: BINARY, its default. */
export function byCodePoint<T>(text: Expression<T>): RawBuilder<T> {
  return sql<T>`${text}`;
}

/**
 * The UTC day (`YYYY-MM-DD`) of a stored `at`. Ingestion writes `at` with `toISOString()`
 * (`2025-03-05T10:00:00.000Z`), so the day is its first ten characters.
 */
export function utcDayOf(at: Expression<string>): RawBuilder<string> {
  return sql<string>`substr(${at}, 1, 10)`;
}

/**
 * The Monday on or before a `YYYY-MM-DD` day: back six days, then forward to the next Monday
 * ('weekday 1' stays put on a Monday). PostgreSQL: `to_char(date_trunc('week', d::date), 'YYYY-MM-DD')`.
 */
export function mondayOf(day: Expression<string>): RawBuilder<string> {
  return sql<string>`date(${day}, '-6 days', 'weekday 1')`;
}

/**
 * Whether a JSON array at `path` in a JSON text column holds `value` (a JSON string).
 * PostgreSQL: `(${json})::jsonb #> '{…}' ? ${value}`.
 */
export function jsonArrayHas(json: Expression<string>, path: string, value: string): RawBuilder<boolean> {
  return sql<boolean>`exists (select 1 from json_each(${json}, ${path}) where value = ${value})`;
}

/**
 * A row per element of the JSON array at `path`, as a table to join; the element is its
 * `value` column. PostgreSQL: `jsonb_array_elements_text((${json})::jsonb #> '{…}') as alias(value)`.
 */
export function jsonArrayElements(json: Expression<string>, path: string) {
  return sql<{ value: string }>`json_each(${json}, ${path})`;
}
