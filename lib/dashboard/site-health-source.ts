import type { QuiverDb } from '../db';
import { computeSiteHealth } from '../kpi/site-health';
import { siteHealthEventSchema, siteHealthReportSchema, type SiteHealthEvent, type SiteHealthQuery, type SiteHealthReport } from '../schema/site-health';
import { isServerConfigured } from '../settings';
import type { FetchLike } from './stats-source';

/*
 * Where the Site health section's figures come from, as for the rest of the dashboard
 * (lib/dashboard/stats-source.ts): the team's from the server when a server and token are set
 * and it answers; else this browser's own checks, from the outbox and the upload history.
 */

export type SiteHealthResult = { source: 'server'; report: SiteHealthReport } | { source: 'local'; report: SiteHealthReport };

const SERVER_TIMEOUT_MS = 15_000;

export async function localSiteHealth(db: QuiverDb, query: SiteHealthQuery): Promise<SiteHealthReport> {
  const [queued, confirmed] = await Promise.all([db.outbox.toArray(), db.history.toArray()]);
  const events = new Map<string, SiteHealthEvent>();
  for (const row of [...confirmed, ...queued]) {
    const parsed = siteHealthEventSchema.safeParse(row.event);
    if (parsed.success) events.set(parsed.data.id, parsed.data);
  }
  return computeSiteHealth([...events.values()], query);
}

export async function loadSiteHealth(
  deps: { fetch: FetchLike; db: QuiverDb; settings: { serverUrl: string; token: string } },
  query: SiteHealthQuery,
): Promise<SiteHealthResult> {
  if (isServerConfigured(deps.settings)) {
    const base = deps.settings.serverUrl.trim().replace(/\/+$/, '');
    try {
      const response = await deps.fetch(`${base}/api/v1/site-health?${new URLSearchParams({ from: query.from, to: query.to })}`, {
        headers: { Authorization: `Bearer ${deps.settings.token.trim()}`, Accept: 'application/json' },
        signal: AbortSignal.timeout(SERVER_TIMEOUT_MS),
      });
      if (response.ok) {
        const parsed = siteHealthReportSchema.safeParse(await response.json());
        if (parsed.success) return { source: 'server', report: parsed.data };
      }
    } catch {
      // Unreachable or not JSON: this browser's own checks, as the rest of the page does.
    }
  }
  return { source: 'local', report: await localSiteHealth(deps.db, query) };
}
