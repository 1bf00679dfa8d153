import type { UsageEvent } from '../schema/events';
import type { Stats, StatsQuery } from '../schema/stats';
import { adoption } from './adoption';
import { countActivity, emptyActivity } from './activity-counts';
import { byRep, bySite, byStage, byType } from './breakdowns';
import { contentGaps } from './content-gaps';
import { contentUsage } from './content-usage';
import { engagement, type EngagementLink } from './engagement';
import { scopeEvents } from './event-scope';
import { governance } from './governance';
import { scopeItems, type KpiItem } from './item-scope';
import { neverUsed } from './never-used';
import { stageCoverage } from './stage-coverage';
import { timeToContent } from './time-to-content';
import { trend } from './trend';

/**
 * Every KPI of the dashboard from raw usage events and the current library, as the server's
 * `GET /api/v1/stats` computes them in SQL (definitions in lib/schema/stats.ts). Pure: the
 * same input gives the same payload, rows in the same order.
 *
 * @param today the UTC day (YYYY-MM-DD) governance judges review and expiry dates against.
 * @param links the org's share links (prospect engagement); none without a server.
 */
export function computeStats(
  events: readonly UsageEvent[],
  items: readonly KpiItem[],
  query: StatsQuery,
  today: string,
  links: readonly EngagementLink[] = [],
): Stats {
  const scoped = scopeEvents(events, query);
  const library = new Map(items.map((item) => [item.id, item]));
  const scopedItems = scopeItems(items, query);

  const totals = { events: scoped.length, ...emptyActivity() };
  for (const { event } of scoped) countActivity(totals, event.kind);
  const stageActivity = byStage(scoped);
  const reps = adoption(scoped, query.from, query.to);

  return {
    query,
    today,
    totals,
    content: contentUsage(scoped, library),
    trend: trend(scoped, query),
    byStage: stageActivity,
    byType: byType(scoped),
    bySite: bySite(scoped),
    byRep: byRep(scoped),
    neverUsed: neverUsed(scoped, scopedItems),
    contentGaps: contentGaps(scoped),
    timeToContent: timeToContent(scoped),
    stageCoverage: stageCoverage(scopedItems, stageActivity),
    governance: governance(scoped, scopedItems, library, today),
    adoption: reps,
    engagement: engagement(links, library, query),
  };
}
