import { JOURNEY_STAGES, type ContentType, type JourneyStage } from '../schema/content';
import type { Site } from '../schema/page-context';
import { STATS_LIST_LIMIT, type Engagement, type ShareCounts, type StatsQuery } from '../schema/stats';
import { compareText } from './compare';
import { dayOfIso, dayOfMs } from './days';
import type { KpiItem } from './item-scope';
import { nearestRank } from './percentile';

/** A share link as the engagement figures read it (the server's `share_links` row). */
export interface EngagementLink {
  /** The rep's email. */
  user: string;
  contentId: string;
  contentType: ContentType;
  stage: JourneyStage | null;
  site: Site | null;
  /** ISO instant. */
  createdAt: string;
  /** Counted views. */
  views: number;
  firstOpenedAt: string | null;
}

/** Counts of one group: what the server's SQL groups by, and what lib/kpi counts in memory. */
export interface ShareGroup {
  links: number;
  opened: number;
  views: number;
}

export interface EngagementGroups {
  total: ShareGroup;
  byItem: Map<string, ShareGroup>;
  byStage: Map<JourneyStage | null, ShareGroup>;
  byType: Map<ContentType, ShareGroup>;
  /** ms from creation to the first counted view, one per opened link. */
  firstOpenMs: number[];
}

function counts(group: ShareGroup): ShareCounts {
  return { links: group.links, opened: group.opened, views: group.views, openRate: group.links === 0 ? null : group.opened / group.links };
}

const empty = (): ShareGroup => ({ links: 0, opened: 0, views: 0 });

/**
 * The payload from grouped counts, with the orders of lib/schema/stats.ts: the server builds
 * the groups in SQL and calls this; `engagement` below builds them from links in memory.
 */
export function engagementFromGroups(groups: EngagementGroups, library: ReadonlyMap<string, Pick<KpiItem, 'title' | 'type'>>): Engagement {
  const sortedOpen = [...groups.firstOpenMs].sort((a, b) => a - b);
  return {
    ...counts(groups.total),
    medianFirstOpenMs: nearestRank(sortedOpen, 50),
    byItem: [...groups.byItem]
      .map(([contentId, group]) => ({
        contentId,
        title: library.get(contentId)?.title ?? null,
        type: library.get(contentId)?.type ?? null,
        ...counts(group),
      }))
      .sort((a, b) => b.links - a.links || b.opened - a.opened || compareText(a.contentId, b.contentId))
      .slice(0, STATS_LIST_LIMIT),
    byStage: [...JOURNEY_STAGES, null].map((stage) => ({ stage, ...counts(groups.byStage.get(stage) ?? empty()) })),
    byType: [...groups.byType].map(([type, group]) => ({ type, ...counts(group) })).sort((a, b) => b.links - a.links || compareText(a.type, b.type)),
  };
}

/** Prospect engagement from share links, as GET /api/v1/stats computes it in SQL. */
export function engagement(links: readonly EngagementLink[], library: ReadonlyMap<string, Pick<KpiItem, 'title' | 'type'>>, query: StatsQuery): Engagement {
  const fromDay = dayOfIso(query.from);
  const toDay = dayOfIso(query.to);
  const groups: EngagementGroups = { total: empty(), byItem: new Map(), byStage: new Map(), byType: new Map(), firstOpenMs: [] };
  const add = <K>(map: Map<K, ShareGroup>, key: K, link: EngagementLink) => {
    const group = map.get(key) ?? empty();
    map.set(key, group);
    group.links += 1;
    group.views += link.views;
    if (link.views > 0) group.opened += 1;
  };
  for (const link of links) {
    if (query.stage !== undefined && link.stage !== query.stage) continue;
    if (query.site !== undefined && link.site !== query.site) continue;
    if (query.type !== undefined && link.contentType !== query.type) continue;
    if (query.user !== undefined && link.user !== query.user) continue;
    const created = Date.parse(link.createdAt);
    const day = dayOfMs(created);
    if (Number.isNaN(created) || day < fromDay || day > toDay) continue;
    groups.total.links += 1;
    groups.total.views += link.views;
    if (link.views > 0) {
      groups.total.opened += 1;
      if (link.firstOpenedAt !== null) groups.firstOpenMs.push(Math.max(0, Date.parse(link.firstOpenedAt) - created));
    }
    add(groups.byItem, link.contentId, link);
    add(groups.byStage, link.stage, link);
    add(groups.byType, link.contentType, link);
  }
  return engagementFromGroups(groups, library);
}
