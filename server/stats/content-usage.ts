import { sql } from 'kysely';
import type { ContentType } from '../../lib/schema/content';
import { STATS_LIST_LIMIT, type ContentUsage } from '../../lib/schema/stats';
import { usageColumns, usageOf } from './activity-columns';
import type { StatsScope } from './event-scope';
import { facts } from './facts';

/**
 * Usage per content item: a row for each contentId used or previewed in scope, most uses
 * first, ties by id; title, type and owner from the current library (null once deleted).
 * Usage is grouped first and the library joined to the groups, not to every event.
 */
export async function contentUsage(scope: StatsScope): Promise<ContentUsage[]> {
  const perItem = facts(scope, ['content_id'])
    .select(['f.content_id', ...usageColumns()])
    .where('f.content_id', 'is not', null)
    .groupBy('f.content_id')
    // A suggestion shown names an item but is neither a use nor a preview.
    .having(sql<number>`sum(${sql.ref('f.uses')}) + sum(${sql.ref('f.previews')})`, '>', 0);

  const rows = await scope.db
    .selectFrom(perItem.as('t'))
    .leftJoin('content_items as ci', (join) => join.on('ci.org_id', '=', scope.orgId).onRef('ci.id', '=', 't.content_id').on('ci.deleted_at', 'is', null))
    .select(['t.content_id', 't.inserts', 't.copies', 't.opens', 't.previews', 't.uses', 'ci.title', 'ci.type', 'ci.owner'])
    .orderBy('t.uses', 'desc')
    .orderBy(scope.sql.byCodePoint(sql.ref<string>('t.content_id')))
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
