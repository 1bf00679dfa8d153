import type { StatsScope } from './event-scope';

/**
 * The org's current library (tombstones left out) narrowed as lib/kpi/item-scope.ts does:
 * items listing the stage filter and of the type filter, when set. Site and rep say nothing
 * about an item. Stages live only in the stored item JSON.
 */
export function scopedItems({ db, sql, orgId, query }: StatsScope) {
  return db
    .selectFrom('content_items as ci')
    .where('ci.org_id', '=', orgId)
    .where('ci.deleted_at', 'is', null)
    .$if(query.type !== undefined, (q) => q.where('ci.type', '=', query.type!))
    .$if(query.stage !== undefined, (q) => q.where((eb) => sql.jsonArrayHas(eb.ref('ci.item'), '$.stages', query.stage!)));
}
