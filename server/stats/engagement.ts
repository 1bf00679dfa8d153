import { engagementFromGroups, type EngagementGroups, type ShareGroup } from '../../lib/kpi/engagement';
import type { ContentType, JourneyStage } from '../../lib/schema/content';
import type { Engagement } from '../../lib/schema/stats';
import { usersNamed, type StatsScope } from './event-scope';

/**
 * Prospect engagement (lib/schema/stats.ts) in SQL: the org's share links created in range
 * and matching the filters, counted per item, stage and type in one grouped query; the
 * payload's order and rates come from lib/kpi/engagement.ts, shared with the browser.
 */
export async function engagement(scope: StatsScope): Promise<Engagement> {
  const { db, orgId, query } = scope;
  const links = db
    .selectFrom('share_links as l')
    .where('l.org_id', '=', orgId)
    .where('l.created_at', '>=', `${query.from}T00:00:00.000Z`)
    .where('l.created_at', '<=', `${query.to}T23:59:59.999Z`)
    .$if(query.stage !== undefined, (q) => q.where('l.stage', '=', query.stage!))
    .$if(query.site !== undefined, (q) => q.where('l.site', '=', query.site!))
    .$if(query.type !== undefined, (q) => q.where('l.content_type', '=', query.type!))
    .$if(query.user !== undefined, (q) => q.where('l.user_id', 'in', usersNamed(scope, query.user!)));

  const grouped = await links
    .select((eb) => [
      'l.content_id',
      'l.stage',
      'l.content_type',
      eb.fn.countAll<number>().as('links'),
      eb.fn.sum<number>(eb.case().when('l.views', '>', 0).then(1).else(0).end()).as('opened'),
      eb.fn.sum<number>('l.views').as('views'),
    ])
    .groupBy(['l.content_id', 'l.stage', 'l.content_type'])
    .execute();
  const firstOpens = await links.select(['l.created_at', 'l.first_opened_at']).where('l.views', '>', 0).where('l.first_opened_at', 'is not', null).execute();

  const groups: EngagementGroups = {
    total: { links: 0, opened: 0, views: 0 },
    byItem: new Map(),
    byStage: new Map(),
    byType: new Map(),
    firstOpenMs: firstOpens.map((r) => Math.max(0, Date.parse(r.first_opened_at!) - Date.parse(r.created_at))),
  };
  const add = <K>(map: Map<K, ShareGroup>, key: K, row: ShareGroup) => {
    const group = map.get(key) ?? { links: 0, opened: 0, views: 0 };
    map.set(key, group);
    group.links += row.links;
    group.opened += row.opened;
    group.views += row.views;
  };
  for (const row of grouped) {
    const counts = { links: Number(row.links), opened: Number(row.opened), views: Number(row.views) };
    add(new Map([[null, groups.total]]), null, counts);
    add(groups.byItem, row.content_id, counts);
    add(groups.byStage, row.stage as JourneyStage | null, counts);
    add(groups.byType, row.content_type as ContentType, counts);
  }

  const ids = [...groups.byItem.keys()];
  const library = new Map<string, { title: string; type: ContentType }>();
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await db
      .selectFrom('content_items')
      .select(['id', 'title', 'type'])
      .where('org_id', '=', orgId)
      .where('deleted_at', 'is', null)
      .where('id', 'in', ids.slice(i, i + 500))
      .execute();
    for (const row of rows) library.set(row.id, { title: row.title, type: row.type as ContentType });
  }
  return engagementFromGroups(groups, library);
}
