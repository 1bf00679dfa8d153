import { sql, type RawBuilder } from 'kysely';
import { JOURNEY_STAGES } from '../../lib/schema/content';
import { STATS_LIST_LIMIT, type ContentGap } from '../../lib/schema/stats';
import { scopedEvents, type StatsScope } from './event-scope';
import { byCodePoint, jsonArrayHas } from './sql-dialect';

/**
 * The stage filter a search ran with as one text, from the stored event's `filters.stages`:
 * journey order, no repeats, joined by "," ("" for none). Each stage present adds ",stage" in
 * journey order; the leading comma is cut off.
 */
function stageFilterKey(): RawBuilder<string> {
  const parts = JOURNEY_STAGES.map(
    (stage) => sql`case when ${jsonArrayHas(sql.ref('e.payload'), '$.filters.stages', stage)} then ${`,${stage}`} else '' end`,
  );
  return sql<string>`substr(${sql.join(parts, sql` || `)}, 2)`;
}

/**
 * Searches that found nothing, grouped by exact query text ("" when query logging was off)
 * and stage filter; most frequent first, then query, then stage filter. `at` is stored as
 * `toISOString()` text, so its maximum is the latest instant, already in the payload's format.
 */
export async function contentGaps(scope: StatsScope): Promise<ContentGap[]> {
  const searches = scopedEvents(scope)
    .where('e.kind', '=', 'search_no_results')
    .select([sql<string>`coalesce(${sql.ref('e.query')}, '')`.as('query'), stageFilterKey().as('stageFilter'), 'e.at']);

  const rows = await scope.db
    .selectFrom(searches.as('s'))
    .select(['s.query', 's.stageFilter', sql<number>`count(*)`.as('count'), sql<string>`max(${sql.ref('s.at')})`.as('lastSeen')])
    .groupBy(['s.query', 's.stageFilter'])
    .orderBy('count', 'desc')
    .orderBy(byCodePoint(sql.ref<string>('s.query')))
    .orderBy(byCodePoint(sql.ref<string>('s.stageFilter')))
    .limit(STATS_LIST_LIMIT)
    .execute();

  return rows.map((row) => ({ query: row.query, stageFilter: row.stageFilter, count: Number(row.count), lastSeen: row.lastSeen }));
}
