import { describe, expect, test, vi } from 'vitest';
import { QuiverDb } from '../../../lib/db';
import { computeLocalStats, loadStats, statsUrl, type FetchLike } from '../../../lib/dashboard/stats-source';
import { statsQuerySchema } from '../../../lib/schema/stats';
import { EVENTS, LIBRARY, TODAY } from '../kpi/fixture';

const query = statsQuerySchema.parse({ from: '2025-03-05', to: '2025-03-16', user: 'anna@example.com', bucket: 'week' });

describe('the server stats address', () => {
  test('keeps a server hosted under a path, and sends only the filters that are set', () => {
    expect(statsUrl(' https://tools.example/quiver/ ', query)).toBe(
      'https://tools.example/quiver/api/v1/stats?from=2025-03-05&to=2025-03-16&user=anna%40example.com&bucket=week',
    );
  });
});

describe('local figures', () => {
  test('come from queued and already uploaded events that still fit the schema, each once', async () => {
    const db = new QuiverDb('quiver-stats-source-test');
    await db.items.bulkPut(LIBRARY.map((item) => ({ ...item, tags: [], summary: '', body: '' })));
    // the first ten events were uploaded (history); the rest wait in the outbox; #1 is in both
    const uploaded = EVENTS.slice(0, 10);
    await db.history.bulkPut(uploaded.map((event) => ({ id: event.id, at: event.at, event })));
    await db.outbox.bulkAdd([
      ...EVENTS.slice(10).map((event) => ({ id: event.id, at: event.at, event })),
      { id: EVENTS[3]!.id, at: EVENTS[3]!.at, event: EVENTS[3] },
      // damaged rows: an unknown kind, and no event at all
      { id: 'bad-1', at: '2025-03-06T10:00:00Z', event: { ...EVENTS[3], id: 'not-a-uuid', kind: 'teleport' } },
      { id: 'bad-2', at: '2025-03-06T10:00:00Z', event: null },
    ]);
    const stats = await computeLocalStats(db, statsQuerySchema.parse({ from: '2025-03-05', to: '2025-03-16' }), TODAY);
    // the hand-worked totals of compute-stats.test.ts: 30 events in range, 16 uses
    expect(stats.totals.events).toBe(30);
    expect(stats.totals.uses).toBe(16);
  });

  test('are used without asking any server when none is configured', async () => {
    const fetch = vi.fn<FetchLike>();
    const result = await loadStats({ fetch, db: new QuiverDb('quiver-stats-source-empty'), settings: { serverUrl: '', token: 'x' }, today: TODAY }, query);
    expect(result.source).toBe('local');
    expect(fetch).not.toHaveBeenCalled();
  });
});
