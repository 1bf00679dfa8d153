import { sql } from 'kysely';
import type { ActivityCounts, TrendBucket } from '../../lib/schema/stats';
import { activityColumns, activityOf, zeroActivity } from './activity-columns';
import { bucketOf, bucketStarts, fillBuckets } from './calendar';
import type { StatsScope } from './event-scope';
import { facts } from './facts';

/** Activity per UTC day or Monday week, every bucket of the range present, empty ones as zeros. */
export async function trend(scope: StatsScope): Promise<TrendBucket[]> {
  const { from, to, bucket } = scope.query;
  const start = bucketOf(scope.sql, sql.ref('f.day'), bucket);
  const rows = await facts(scope, ['day'])
    .select([start.as('start'), ...activityColumns()])
    .groupBy(start)
    .execute();
  const counted = new Map<string, ActivityCounts>(rows.map((row) => [row.start, activityOf(row)]));
  return fillBuckets(bucketStarts(from, to, bucket), counted, zeroActivity);
}
