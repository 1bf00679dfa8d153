import { sql } from 'kysely';
import type { StatsTotals } from '../../lib/schema/stats';
import { activityColumns, activityOf } from './activity-columns';
import type { StatsScope } from './event-scope';
import { facts } from './facts';

/** Every in-scope event, and each activity counter over them all. */
export async function totals(scope: StatsScope): Promise<StatsTotals> {
  const row = await facts(scope, [])
    .select([sql<number>`sum(${sql.ref('f.events')})`.as('events'), ...activityColumns()])
    .executeTakeFirstOrThrow();
  return { events: Number(row.events ?? 0), ...activityOf(row) };
}
