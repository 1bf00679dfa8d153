import { sql } from 'kysely';
import type { ContentType } from '../../lib/schema/content';
import { USE_KINDS } from '../../lib/schema/events';
import { STATS_LIST_LIMIT, type ContentUsage } from '../../lib/schema/stats';
import { countKinds, usageColumns, usageOf } from './activity-columns';
import { scopedEvents, type StatsScope } from './event-scope';
import { byCodePoint } from './sql-dialect';

/**
 * Usage per content item: a row for each contentId used or previewed in scope, most uses
 * first, ties by id; title, type and owner from the current library (null once deleted).
 * Events are grouped first and the library joined to the groups, not to every event.
 */
export async function contentUsage(scope: StatsScope): Promise<ContentUsage[]> {
  const perItem = scopedEvents(scope)
    .select(['e.content_id', ...usageColumns()])
    .where('e.content_id', 'is not', null)
    .groupBy('e.content_id')
    // A suggestion shown names an item but is neither a use nor a preview.
    .having(countKinds([...USE_KINDS, 'preview']), '>', 0);

  const rows = await scope.db
    .selectFrom(perItem.as('t'))
    .leftJoin('content_items as ci', (join) =>
      join
        .on('ci.org_id', '=', scope.orgId)
        .onRef('ci.id', '=', 't.content_id')
        .on('ci.deleted_at', 'is', null),
    )
    .select(['t.content_id', 't.inserts', 't.copies', 't.opens', 't.previews', 't.uses', 'ci.title', 'ci.type', 'ci.owner'])
    .orderBy('t.uses', 'desc')
    .orderBy(byCodePoint(sql.ref<string>('t.content_id')))
    .limit(STATS_LIST_LIMIT)
    .execute();

  return rows.map((row) => ({
    contentId: row.content_id as string,
    title: row.title,
    type: row.type as ContentType | null,
    owner: row.owner,
    ...usageOf(row),
  }));
}
