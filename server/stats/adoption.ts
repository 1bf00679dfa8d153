import { sql } from 'kysely';
import type { Adoption } from '../../lib/schema/stats';
import { bucketOf, bucketStarts, fillBuckets } from './calendar';
import type { StatsScope } from './event-scope';
import { facts } from './facts';

const distinctReps = sql<number>`count(distinct ${sql.ref('f.user_id')})`;

/**
 * Distinct reps with any in-scope event (a search that found nothing counts: that rep is
 * using the tool), over the range and per Monday week whatever the trend's bucket. A user id
 * stands for its email: emails are unique within an org.
 */
export async function adoption(scope: StatsScope): Promise<Adoption> {
  const { from, to } = scope.query;
  const week = bucketOf(scope.sql, sql.ref('f.day'), 'week');
  const [overall, weeks] = await Promise.all([
    facts(scope, ['user_id', 'day']).select(distinctReps.as('reps')).executeTakeFirstOrThrow(),
    facts(scope, ['user_id', 'day']).select([week.as('start'), distinctReps.as('reps')]).groupBy(week).execute(),
  ]);
  const perWeek = new Map(weeks.map((row) => [row.start, { activeReps: Number(row.reps) }]));
  return {
    activeReps: Number(overall.reps),
    weeks: fillBuckets(bucketStarts(from, to, 'week'), perWeek, () => ({ activeReps: 0 })),
  };
}
