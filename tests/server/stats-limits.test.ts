import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeStats } from '../../lib/kpi/compute-stats';
import type { UsageEvent } from '../../lib/schema/events';
import { STATS_LIST_LIMIT, statsQuerySchema } from '../../lib/schema/stats';
import { contentItems } from './support/content-items';
import { getStats } from './support/stats-client';
import { call, startTestServer, type TestServer } from './support/test-server';

/*
 * Lists stop at STATS_LIST_LIMIT rows while their counts stay exact. The library's ids are
 * item-001 … item-999, item-1000 … item-1005, so "by id" is text order, not number order.
 */

const REP = 'rep@acme.test';
const LIBRARY = contentItems(STATS_LIST_LIMIT + 5);
const pad = (n: number) => String(n).padStart(4, '0');

function event(kind: UsageEvent['kind'], at: string, fields: Partial<UsageEvent>): UsageEvent {
  return { id: crypto.randomUUID(), kind, at, user: REP, stage: 'interest', site: 'gmail', ...fields };
}

const EVENTS: UsageEvent[] = [
  // 1001 items outside the library used once each, one of them twice.
  ...Array.from({ length: STATS_LIST_LIMIT + 1 }, (_, i) =>
    event('insert', '2025-06-02T10:00:00.000Z', { contentId: `used-${pad(i + 1)}`, contentType: 'snippet' }),
  ),
  event('copy', '2025-06-03T10:00:00.000Z', { contentId: 'used-0500', contentType: 'snippet' }),
  // 1001 different searches with no results, one of them twice.
  ...Array.from({ length: STATS_LIST_LIMIT + 1 }, (_, i) =>
    event('search_no_results', '2025-06-04T10:00:00.000Z', { query: `q-${pad(i + 1)}`, resultCount: 0 }),
  ),
  event('search_no_results', '2025-06-05T10:00:00.000Z', { query: 'q-0777', resultCount: 0 }),
];

let server: TestServer;
let manager: string;

beforeAll(async () => {
  server = await startTestServer();
  manager = await server.tokenFor('acme', 'lead@acme.test', 'manager');
  const rep = await server.tokenFor('acme', REP, 'rep');
  await server.setLibrary('acme', LIBRARY);
  for (let i = 0; i < EVENTS.length; i += 1000) {
    const res = await call(`${server.url}/api/v1/events`, { token: rep, body: { events: EVENTS.slice(i, i + 1000) } });
    expect(res.json.accepted).toBe(Math.min(1000, EVENTS.length - i));
  }
});
afterAll(() => server.dispose());

describe('long lists', () => {
  it('cut top content, never used and content gaps at the limit, counts exact, as lib/kpi does', async () => {
    const params = { from: '2025-06-01', to: '2025-06-30' };
    const stats = await getStats(server.url, manager, params);
    expect(stats).toEqual(computeStats(EVENTS, LIBRARY, statsQuerySchema.parse(params), stats.today));

    expect(stats.totals.uses).toBe(STATS_LIST_LIMIT + 2);
    expect(stats.content).toHaveLength(STATS_LIST_LIMIT);
    expect(stats.content[0]).toMatchObject({ contentId: 'used-0500', uses: 2, title: null });
    // used-1001 is the one left off: ties at one use are listed by id
    expect(stats.content.at(-1)?.contentId).toBe('used-1000');

    expect(stats.neverUsed).toMatchObject({ libraryItems: STATS_LIST_LIMIT + 5, count: STATS_LIST_LIMIT + 5, share: 1 });
    expect(stats.neverUsed.items).toHaveLength(STATS_LIST_LIMIT);
    expect(stats.neverUsed.items.slice(0, 3).map((i) => i.id)).toEqual(['item-001', 'item-002', 'item-003']);
    // "item-1000" sorts between "item-100" and "item-101"
    expect(stats.neverUsed.items.slice(99, 102).map((i) => i.id)).toEqual(['item-100', 'item-1000', 'item-1001']);

    expect(stats.contentGaps).toHaveLength(STATS_LIST_LIMIT);
    expect(stats.contentGaps[0]).toMatchObject({ query: 'q-0777', count: 2, lastSeen: '2025-06-05T10:00:00.000Z' });
  });
});
