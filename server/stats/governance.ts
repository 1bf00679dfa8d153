import { sql } from 'kysely';
import type { Governance, OwnerGovernance } from '../../lib/schema/stats';
import type { StatsScope } from './event-scope';
import { facts } from './facts';
import { scopedItems } from './item-scope';

/*
 * Governance as of `today`: dates are `YYYY-MM-DD` text, so "before today" is a text
 * comparison, exactly as lib/schema/content.ts's isStale/isExpired compare them.
 */

/*
 * Stale uses: in-scope uses flagged stale by the extension (any use kind: a copied link
 * reaches the prospect too), counted by the `stale_uses` counter.
 */
const staleUseCount = sql<number>`sum(${sql.ref('f.stale_uses')})`;

/**
 * Per owner: the item scope's items, stale and expired counts, and stale uses attributed to
 * the owner each used item has in the current library (in the item scope or not). Two row
 * sources, items and stale uses grouped by item, stacked with UNION ALL and summed per owner.
 */
async function ownerRows(scope: StatsScope): Promise<OwnerGovernance[]> {
  const { db, orgId, today } = scope;
  const fromItems = scopedItems(scope).select([
    'ci.owner',
    sql<number>`1`.as('items'),
    sql<number>`case when ${sql.ref('ci.review_by')} < ${today} then 1 else 0 end`.as('stale'),
    sql<number>`case when ${sql.ref('ci.expires')} < ${today} then 1 else 0 end`.as('expired'),
    sql<number>`0`.as('staleUses'),
  ]);
  const perItem = facts(scope, ['content_id'])
    .where('f.content_id', 'is not', null)
    .where('f.stale_uses', '>', 0)
    .select(['f.content_id', staleUseCount.as('n')])
    .groupBy('f.content_id');
  const fromUses = db
    .selectFrom(perItem.as('u'))
    .innerJoin('content_items as ci', (join) => join.on('ci.org_id', '=', orgId).onRef('ci.id', '=', 'u.content_id').on('ci.deleted_at', 'is', null))
    .select(['ci.owner', sql<number>`0`.as('items'), sql<number>`0`.as('stale'), sql<number>`0`.as('expired'), 'u.n as staleUses']);

  const flagged = sql<number>`sum(${sql.ref('g.stale')}) + sum(${sql.ref('g.expired')})`;
  const used = sql<number>`sum(${sql.ref('g.staleUses')})`;
  const rows = await db
    .selectFrom(fromItems.unionAll(fromUses).as('g'))
    .select([
      'g.owner',
      sql<number>`sum(${sql.ref('g.items')})`.as('items'),
      sql<number>`sum(${sql.ref('g.stale')})`.as('stale'),
      sql<number>`sum(${sql.ref('g.expired')})`.as('expired'),
      used.as('staleUses'),
    ])
    .groupBy('g.owner')
    .having(sql<number>`${flagged} + ${used}`, '>', 0)
    .orderBy(flagged, 'desc')
    .orderBy(used, 'desc')
    .orderBy(scope.sql.byCodePoint(sql.ref<string>('g.owner')))
    .execute();
  return rows.map((row) => ({
    owner: row.owner,
    items: Number(row.items),
    stale: Number(row.stale),
    expired: Number(row.expired),
    staleUses: Number(row.staleUses),
  }));
}

export async function governance(scope: StatsScope): Promise<Governance> {
  const { today } = scope;
  const [items, uses, byOwner] = await Promise.all([
    scopedItems(scope)
      .select([
        sql<number>`count(case when ${sql.ref('ci.review_by')} < ${today} then 1 end)`.as('stale'),
        sql<number>`count(case when ${sql.ref('ci.expires')} < ${today} then 1 end)`.as('expired'),
      ])
      .executeTakeFirstOrThrow(),
    // Uses of items since deleted count here, with no owner row to go to.
    facts(scope, []).select(staleUseCount.as('n')).executeTakeFirstOrThrow(),
    ownerRows(scope),
  ]);
  return { staleItems: Number(items.stale), expiredItems: Number(items.expired), staleUses: Number(uses.n ?? 0), byOwner };
}
