import { sql } from 'kysely';
import type { ActivityCounts, TrendBucket } from '../../lib/schema/stats';
import { activityColumns, activityOf, zeroActivity } from './activity-columns';
import { bucketOf, bucketStarts, fillBuckets } from './calendar';
import { scopedEvents, type StatsScope } from './event-scope';

/** Activity per UTC day or Monday week, every bucket of the range present, empty ones as zeros. */
export async function trend(scope: StatsScope): Promise<TrendBucket[]> {
  const { from, to, bucket } = scope.query;
  const start = bucketOf(sql.ref('e.at'), bucket);
  const rows = await scopedEvents(scope)
    .select([start.as('start'), ...activityColumns()])
    .groupBy(start)
    .execute();
  const counted = new Map<string, ActivityCounts>(rows.map((row) => [row.start, activityOf(row)]));
  return fillBuckets(bucketStarts(from, to, bucket), counted, zeroActivity);
}
