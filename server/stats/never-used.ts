import { sql } from 'kysely';
import type { ContentType } from '../../lib/schema/content';
import { STATS_LIST_LIMIT, type NeverUsed } from '../../lib/schema/stats';
import type { StatsScope } from './event-scope';
import { facts } from './facts';
import { scopedItems } from './item-scope';

/**
 * Items of the (filtered) library that no rep used in scope; previews and suggestions shown
 * do not save an item. The used ids are one uncorrelated subquery, which SQLite (and
 * PostgreSQL, as a hashed subplan) builds once rather than probing usage per item.
 */
export async function neverUsed(scope: StatsScope): Promise<NeverUsed> {
  const usedIds = facts(scope, ['content_id']).select('f.content_id').where('f.content_id', 'is not', null).where('f.uses', '>', 0);

  const library = await scopedItems(scope)
    .select(sql<number>`count(*)`.as('n'))
    .executeTakeFirstOrThrow();
  const unused = await scopedItems(scope)
    .where('ci.id', 'not in', usedIds as never)
    // The window counts every unused item before LIMIT cuts the list: the count stays exact.
    .select(['ci.id', 'ci.title', 'ci.type', 'ci.owner', sql<number>`count(*) over ()`.as('unused')])
    .orderBy(scope.sql.byCodePoint(sql.ref<string>('ci.id')))
    .limit(STATS_LIST_LIMIT)
    .execute();

  const libraryItems = Number(library.n);
  const count = Number(unused[0]?.unused ?? 0);
  return {
    libraryItems,
    count,
    // Divided here, not in SQL, so the float is the one JavaScript's `/` gives the dashboard.
    share: libraryItems === 0 ? null : count / libraryItems,
    items: unused.map((row) => ({ id: row.id, title: row.title, type: row.type as ContentType, owner: row.owner })),
  };
}
