import { render } from '@testing-library/react';
import { vi } from 'vitest';
import { DashboardApp } from '../../../components/dashboard/dashboard-app';
import type { DashboardEnv } from '../../../lib/dashboard/dashboard-env';
import { QuiverDb, type StoredItem } from '../../../lib/db';
import type { KpiItem } from '../../../lib/kpi/item-scope';
import type { FetchLike } from '../../../lib/dashboard/stats-source';
import type { UsageEvent } from '../../../lib/schema/events';
import { settingsStore } from '../../../lib/settings';
import { LIBRARY, TODAY } from '../kpi/fixture';

let dbCount = 0;

/** A fresh extension database in fake-indexeddb holding the KPI fixture's library and events. */
export async function seededDb(
  events: readonly UsageEvent[],
  extraRows: { id: string; at: string; event: unknown }[] = [],
  library: readonly KpiItem[] = LIBRARY,
) {
  dbCount += 1;
  const db = new QuiverDb(`quiver-dashboard-test-${dbCount}`);
  const items: StoredItem[] = library.map((item) => ({ ...item, tags: [], summary: '', body: '' }));
  await db.items.bulkPut(items);
  await db.outbox.bulkAdd([...events.map((event) => ({ id: event.id, at: event.at, event })), ...extraRows]);
  return db;
}

/** The fixture's fortnight, as a manager would open it from a link. */
export const FIXTURE_SEARCH = '?from=2025-03-05&to=2025-03-16';

export function renderDashboard(db: QuiverDb, options: { fetch?: FetchLike; search?: string } = {}) {
  const env: DashboardEnv = {
    fetch: options.fetch ?? vi.fn<FetchLike>(() => Promise.reject(new Error('no server in this test'))),
    db,
    today: () => TODAY,
    settings: settingsStore,
    search: options.search ?? FIXTURE_SEARCH,
    replaceSearch: vi.fn(),
  };
  return { env, ...render(<DashboardApp env={env} />) };
}

export function jsonResponse(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

/** jsdom's Blob has no text(); FileReader decodes it as a browser would (dropping the BOM). */
export function readBlob(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as string);
    reader.onerror = () => reject(reader.error);
    reader.readAsText(blob);
  });
}
