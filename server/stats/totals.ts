import { sql } from 'kysely';
import type { StatsTotals } from '../../lib/schema/stats';
import { activityColumns, activityOf } from './activity-columns';
import { scopedEvents, type StatsScope } from './event-scope';

/** Every in-scope event, and each activity counter over them all. */
export async function totals(scope: StatsScope): Promise<StatsTotals> {
  const row = await scopedEvents(scope)
    .select([sql<number>`count(*)`.as('events'), ...activityColumns()])
    .executeTakeFirstOrThrow();
  return { events: Number(row.events), ...activityOf(row) };
}
