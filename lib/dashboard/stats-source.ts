import type { QuiverDb } from '../db';
import { isServerConfigured } from '../settings';
import { usageEventSchema, type UsageEvent } from '../schema/events';
import { statsQueryToSearchParams, statsSchema, type Stats, type StatsQuery } from '../schema/stats';
import { computeStats } from '../kpi/compute-stats';

/*
 * Where the dashboard's figures come from: the team's, from the library server, when a server
 * and token are set and the server agrees; otherwise the rep's own, computed from the usage
 * events this browser holds. A failed server answer never leaves the page empty.
 */

/** Why the server's figures are not shown; the page says so in words. */
export type ServerFallback =
  { reason: 'forbidden' } | { reason: 'rejected-token' } | { reason: 'unreachable' } | { reason: 'server-error'; status: number } | { reason: 'unreadable' };

export type StatsResult =
  { source: 'server'; serverUrl: string; stats: Stats } | { source: 'local'; stats: Stats; fallback?: ServerFallback; serverUrl?: string };

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

/** A manager waits this long at most before the page falls back to local figures. */
const SERVER_TIMEOUT_MS = 15_000;

export function statsUrl(serverUrl: string, query: StatsQuery): string {
  return `${serverUrl.trim().replace(/\/+$/, '')}/api/v1/stats?${statsQueryToSearchParams(query)}`;
}

export async function fetchServerStats(
  fetchFn: FetchLike,
  serverUrl: string,
  token: string,
  query: StatsQuery,
): Promise<{ ok: true; stats: Stats } | { ok: false; fallback: ServerFallback }> {
  let response: Response;
  try {
    response = await fetchFn(statsUrl(serverUrl, query), {
      headers: { Authorization: `Bearer ${token.trim()}`, Accept: 'application/json' },
      signal: AbortSignal.timeout(SERVER_TIMEOUT_MS),
    });
  } catch {
    return { ok: false, fallback: { reason: 'unreachable' } };
  }
  // A rep's token may read its own events but not the team's (DESIGN.md: stats are manager/admin).
  if (response.status === 403) return { ok: false, fallback: { reason: 'forbidden' } };
  if (response.status === 401) return { ok: false, fallback: { reason: 'rejected-token' } };
  if (!response.ok) return { ok: false, fallback: { reason: 'server-error', status: response.status } };
  try {
    const parsed = statsSchema.safeParse(await response.json());
    if (parsed.success) return { ok: true, stats: parsed.data };
  } catch {
    // Not JSON at all: treated like JSON of the wrong shape.
  }
  return { ok: false, fallback: { reason: 'unreadable' } };
}

/**
 * The rep's own figures: events still waiting in the outbox plus those the server already
 * confirmed (kept in `history`, bounded). An event is counted once even if, mid-upload, it
 * sits in both. Rows hold the event as written; one that no longer fits the schema (an older
 * build, a damaged row) is skipped rather than spoiling the page.
 */
export async function computeLocalStats(db: QuiverDb, query: StatsQuery, today: string): Promise<Stats> {
  const [queued, confirmed, items] = await Promise.all([db.outbox.toArray(), db.history.toArray(), db.items.toArray()]);
  const events = new Map<string, UsageEvent>();
  for (const row of [...confirmed, ...queued]) {
    const parsed = usageEventSchema.safeParse(row.event);
    if (parsed.success) events.set(parsed.data.id, parsed.data);
  }
  return computeStats([...events.values()], items, query, today);
}

export interface StatsSourceDeps {
  fetch: FetchLike;
  db: QuiverDb;
  settings: { serverUrl: string; token: string };
  today: string;
}

export async function loadStats(deps: StatsSourceDeps, query: StatsQuery): Promise<StatsResult> {
  if (!isServerConfigured(deps.settings)) {
    return { source: 'local', stats: await computeLocalStats(deps.db, query, deps.today) };
  }
  const serverUrl = deps.settings.serverUrl.trim().replace(/\/+$/, '');
  const answer = await fetchServerStats(deps.fetch, serverUrl, deps.settings.token, query);
  if (answer.ok) return { source: 'server', serverUrl, stats: answer.stats };
  return {
    source: 'local',
    serverUrl,
    fallback: answer.fallback,
    stats: await computeLocalStats(deps.db, query, deps.today),
  };
}
