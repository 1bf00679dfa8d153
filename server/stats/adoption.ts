import { sql } from 'kysely';
import type { Adoption } from '../../lib/schema/stats';
import { bucketOf, bucketStarts, fillBuckets } from './calendar';
import type { StatsScope } from './event-scope';
import { facts } from './facts';

/**
 * Distinct reps with any in-scope event (a search that found nothing counts: that rep is
 * using the tool), over the range and per Monday week whatever the trend's bucket. A user id
 * stands for its email: emails are unique within an org. One read: each (week, rep) pair
 * once, counted here per week and over the range (at most reps × weeks rows).
 */
export async function adoption(scope: StatsScope): Promise<Adoption> {
  const { from, to } = scope.query;
  const week = bucketOf(scope.sql, sql.ref('f.day'), 'week');
  const pairs = await facts(scope, ['user_id', 'day'])
    .select([week.as('start'), 'f.user_id'])
    .groupBy([week, 'f.user_id'])
    .execute();
  const reps = new Set(pairs.map((p) => p.user_id));
  const counts = new Map<string, number>();
  for (const p of pairs) counts.set(p.start, (counts.get(p.start) ?? 0) + 1);
  const perWeek = new Map([...counts].map(([start, n]) => [start, { activeReps: n }]));
  return {
    activeReps: reps.size,
    weeks: fillBuckets(bucketStarts(from, to, 'week'), perWeek, () => ({ activeReps: 0 })),
  };
}
