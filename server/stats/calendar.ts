import { dayOfIso, isoOfDay, mondayOf } from '../../lib/kpi/days';
import type { StatsBucket } from '../../lib/schema/stats';
import { sql, type Expression, type RawBuilder } from 'kysely';
import type { SqlDialect } from '../db/sql-dialect';

/**
 * First days of every bucket overlapping [from, to], in time order: each day, or each Monday
 * on or before. SQL only returns buckets that had events; these fill the holes.
 */
export function bucketStarts(from: string, to: string, bucket: StatsBucket): string[] {
  const last = dayOfIso(to);
  const step = bucket === 'week' ? 7 : 1;
  const starts: string[] = [];
  for (let day = bucket === 'week' ? mondayOf(dayOfIso(from)) : dayOfIso(from); day <= last; day += step) {
    starts.push(isoOfDay(day));
  }
  return starts;
}

/** The SQL expression for the first day of the bucket a UTC day (`YYYY-MM-DD`) falls in. */
export function bucketOf(dialect: SqlDialect, day: Expression<string>, bucket: StatsBucket): RawBuilder<string> {
  return bucket === 'week' ? dialect.mondayOf(day) : sql<string>`${day}`;
}

/** Rows from SQL keyed by bucket start, laid over every bucket; missing ones get `empty()`. */
export function fillBuckets<T>(starts: readonly string[], rows: ReadonlyMap<string, T>, empty: () => T): (T & { start: string })[] {
  return starts.map((start) => ({ start, ...(rows.get(start) ?? empty()) }));
}
