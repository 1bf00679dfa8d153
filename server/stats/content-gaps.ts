import { sql } from 'kysely';
import { STATS_LIST_LIMIT, type ContentGap } from '../../lib/schema/stats';
import { scopedEvents, type StatsScope } from './event-scope';

/**
 * Searches that found nothing, grouped by exact query text ("" when query logging was off)
 * and stage filter (stored at ingest, lib/kpi's stageFilterKey); most frequent first, then
 * query, then stage filter. `at` is stored as `toISOString()` text, so its maximum is the
 * latest instant, already in the payload's format.
 */
export async function contentGaps(scope: StatsScope): Promise<ContentGap[]> {
  const searches = scopedEvents(scope)
    .where('e.kind', '=', 'search_no_results')
    .select([sql<string>`coalesce(${sql.ref('e.query')}, '')`.as('query'), sql<string>`coalesce(${sql.ref('e.stage_filter')}, '')`.as('stageFilter'), 'e.at']);

  const rows = await scope.db
    .selectFrom(searches.as('s'))
    .select(['s.query', 's.stageFilter', sql<number>`count(*)`.as('count'), sql<string>`max(${sql.ref('s.at')})`.as('lastSeen')])
    .groupBy(['s.query', 's.stageFilter'])
    .orderBy('count', 'desc')
    .orderBy(scope.sql.byCodePoint(sql.ref<string>('s.query')))
    .orderBy(scope.sql.byCodePoint(sql.ref<string>('s.stageFilter')))
    .limit(STATS_LIST_LIMIT)
    .execute();

  return rows.map((row) => ({ query: row.query, stageFilter: row.stageFilter, count: Number(row.count), lastSeen: row.lastSeen }));
}
