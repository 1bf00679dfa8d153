import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { computeStats } from '../../lib/kpi/compute-stats';
import type { UsageEvent } from '../../lib/schema/events';
import { statsQuerySchema, type Stats } from '../../lib/schema/stats';
import { engagementLinks, loadShareLinks } from './support/share-fixture';
import { getStats } from './support/stats-client';
import { ALL_EVENTS, asStored, DANA, DELETED_ID, FROM, LIBRARY_ITEMS, loadLibrary, sendEvents, TO, TODAY } from './support/stats-fixture';
import { startTestServer, type TestServer } from './support/test-server';

/*
 * The same fortnight through the server's SQL and through lib/kpi in the browser must give
 * the same payload, row for row, for every kind of query the dashboard sends. A second org
 * holds the same event ids with other content, so any leak across orgs shows as a mismatch.
 */

let server: TestServer;
let manager: string;

beforeAll(async () => {
  // The server judges governance on its own UTC date: pin it to the fixture's "today".
  vi.useFakeTimers({ toFake: ['Date'], shouldAdvanceTime: true });
  vi.setSystemTime(new Date(`${TODAY}T15:00:00Z`));
  server = await startTestServer();
  manager = await server.tokenFor('acme', 'lead@acme.test', 'manager');
  await loadLibrary(server, 'acme');
  await sendEvents(server, 'acme', ALL_EVENTS);
  await loadShareLinks(server, 'acme');

  await server.setLibrary('globex', LIBRARY_ITEMS.slice(0, 2));
  await sendEvents(
    server,
    'globex',
    ALL_EVENTS.filter((e) => e.kind === 'insert').map((e) => ({ ...e, user: 'rep@globex.test' })),
  );
  // The same links in another org, its library permitting: a leak across orgs shows as a mismatch.
  await loadShareLinks(server, 'globex');
  await server.setLibrary('globex', LIBRARY_ITEMS.slice(0, 2));
});
afterAll(async () => {
  await server.dispose();
  vi.useRealTimers();
});

const expected = (params: Record<string, string>): Stats =>
  computeStats(asStored(ALL_EVENTS), LIBRARY_ITEMS, statsQuerySchema.parse(params), TODAY, engagementLinks());

const queries: [string, Record<string, string>][] = [
  ['no filter, by day', { from: FROM, to: TO }],
  ['no filter, by week', { from: FROM, to: TO, bucket: 'week' }],
  ['a stage filter', { from: FROM, to: TO, stage: 'interest', bucket: 'week' }],
  ['the conversion stage, where an item is expired', { from: FROM, to: TO, stage: 'conversion' }],
  ['a site filter', { from: FROM, to: TO, site: 'gmail' }],
  ['a content type filter, which drops searches', { from: FROM, to: TO, type: 'battlecard' }],
  ['a rep filter', { from: FROM, to: TO, user: 'anna@example.com' }],
  ["the rep who sent the fixture's user-less event", { from: FROM, to: TO, user: DANA }],
  ['a rep and a site together', { from: FROM, to: TO, site: 'salesforce', user: 'boris@example.com' }],
  ['a range excluding the first and last days, by week', { from: '2025-03-06', to: '2025-03-12', bucket: 'week' }],
  ['a one-day range at the edge of an offset event', { from: '2025-03-04', to: '2025-03-04' }],
  ['a wide range holding the out-of-range events too', { from: '2025-02-01', to: '2025-03-31', bucket: 'week' }],
  ['a quiet period', { from: '2025-01-06', to: '2025-01-19', bucket: 'week' }],
  ['a rep nobody knows', { from: FROM, to: TO, user: 'nobody@example.com' }],
];

describe('GET /api/v1/stats gives what lib/kpi computes from the same events', () => {
  it.each(queries)('%s', async (_name, params) => {
    expect(await getStats(server.url, manager, params)).toEqual(expected(params));
  });

  it('is not comparing two empty answers: the fixture fills every section', async () => {
    const stats = await getStats(server.url, manager, { from: FROM, to: TO });
    expect(stats.totals.events).toBe(35);
    for (const list of [stats.content, stats.byType, stats.bySite, stats.byRep, stats.contentGaps, stats.neverUsed.items]) {
      expect(list.length).toBeGreaterThan(1);
    }
    expect(stats.governance.byOwner.length).toBeGreaterThan(1);
    expect(stats.engagement?.links).toBe(6);
    expect(stats.engagement?.byItem.length).toBeGreaterThan(1);
  });
});

describe('time to content over many values', () => {
  it("gives lib/kpi's exact percentiles when hundreds of values share buckets and repeat", async () => {
    let seed = 3;
    const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
    const kinds = ['insert', 'copy', 'copy_link', 'expand_shortcut', 'open_asset', 'preview'] as const;
    const sites = ['gmail', 'linkedin', 'salesforce', undefined] as const;
    const stages = ['awareness', 'interest', 'conversion', undefined] as const;
    const events: UsageEvent[] = Array.from({ length: 600 }, (_, i) => {
      const site = sites[Math.floor(random() * sites.length)];
      const stage = stages[Math.floor(random() * stages.length)];
      return {
        id: crypto.randomUUID(),
        kind: kinds[Math.floor(random() * kinds.length)]!,
        at: `2025-04-${String(1 + (i % 28)).padStart(2, '0')}T10:00:00.000Z`,
        user: 'rep@initech.test',
        contentId: 'item-a',
        // Few distinct values, many in one ~1 s bucket, some far out.
        timeToContentMs: random() < 0.1 ? Math.floor(random() * 600_000) : Math.floor(random() * 40) * 50,
        ...(site ? { site } : {}),
        ...(stage ? { stage } : {}),
      };
    });
    await sendEvents(server, 'initech', events);
    const initech = await server.tokenFor('initech', 'lead@initech.test', 'manager');
    for (const params of [
      { from: '2025-04-01', to: '2025-04-30' },
      { from: '2025-04-03', to: '2025-04-09', site: 'gmail' },
    ] as Record<string, string>[]) {
      const stats = await getStats(server.url, initech, params);
      expect(stats.timeToContent).toEqual(computeStats(events, [], statsQuerySchema.parse(params), TODAY).timeToContent);
      expect(stats.timeToContent.overall.count).toBeGreaterThan(20);
    }
  });
});

/* Worked out by hand from tests/unit/kpi/fixture.ts (#n as in its comments) plus EXTRA_EVENTS. */
describe('figures a manager would check by hand', () => {
  it('puts the ROI email on top with its five uses; suggestions and a preview add no use', async () => {
    const stats = await getStats(server.url, manager, { from: FROM, to: TO });
    // inserts #1 #2 #23 #24, copy #5; the extra preview by Boris is a preview, not a use
    expect(stats.content[0]).toEqual({
      contentId: 'roi-email',
      title: 'ROI follow-up email',
      type: 'email_template',
      owner: 'maria@example.com',
      inserts: 4,
      copies: 1,
      opens: 0,
      previews: 1,
      uses: 5,
    });
    // The guide was only suggested: no row, and still never used.
    expect(stats.content.map((r) => r.contentId)).not.toContain('referral-guide');
    expect(stats.neverUsed).toMatchObject({ libraryItems: 7, count: 2 });
  });

  it('lists the searches with no results by count, then query text in code point order', async () => {
    const stats = await getStats(server.url, manager, { from: FROM, to: TO });
    expect(stats.contentGaps.map((g) => [g.query, g.stageFilter, g.count])).toEqual([
      ['pricing germany', 'conversion', 2], // #6 #7
      ['soc2 report', 'interest,engagement', 2], // #13 (filter written backwards) #14
      ['', '', 1], // #25, query logging off
      ['pricing germany', 'awareness,conversion', 1], // extra: filter with a repeat
      ['soc2 report', '', 1], // #15
      ['Ｆleet', '', 1], // U+FF26 …
      ['😀 deck', '', 1], // … before U+1F600, though UTF-16 would put the emoji first
    ]);
    expect(stats.contentGaps[0]?.lastSeen).toBe('2025-03-06T09:01:00.000Z');
  });

  it('takes the nearest-rank median and p90 time to content from inserts and copies only', async () => {
    const stats = await getStats(server.url, manager, { from: FROM, to: TO });
    // 500 1000 1500 2000 2500 3000 4000 6000 7000 8000 9000 12000 20000 30000: index 6 and 12;
    // #9 (an open) and the extra preview carry times that must not count
    expect(stats.timeToContent.overall).toEqual({ count: 14, medianMs: 4000, p90Ms: 20000 });
  });

  it("counts a deleted item's stale use in the total only, not for its former owner", async () => {
    const stats = await getStats(server.url, manager, { from: FROM, to: TO });
    // #8 #9 #10 #11 #12 x3 and #26 (the deleted one-pager) = 7; maria owns northwind-case: 4
    expect(stats.governance.staleUses).toBe(7);
    expect(stats.governance.byOwner.find((r) => r.owner === 'maria@example.com')).toEqual({
      owner: 'maria@example.com',
      items: 3,
      stale: 1,
      expired: 0,
      staleUses: 4,
    });
    expect(stats.today).toBe(TODAY);
  });

  it('counts active reps per Monday week, Dana joining in the second', async () => {
    const stats = await getStats(server.url, manager, { from: FROM, to: TO });
    expect(stats.adoption).toEqual({
      activeReps: 4,
      weeks: [
        { start: '2025-03-03', activeReps: 3 },
        { start: '2025-03-10', activeReps: 4 },
      ],
    });
  });
});

/* Worked out by hand from tests/server/support/share-fixture.ts. */
describe('prospect engagement a manager would check by hand', () => {
  it('counts links shared in range, those opened, and the median time to the first counted view', async () => {
    const stats = await getStats(server.url, manager, { from: FROM, to: TO });
    // In range: anna's two northwind links, boris's guide and ebook, chen's removed one-pager
    // and last-millisecond northwind link. Opened: 4 (the scanner-only and the unopened are not).
    // First opens: 5 min, 30 min, 2 h, 24 h: the nearest-rank median is 30 min.
    expect(stats.engagement).toMatchObject({ links: 6, opened: 4, views: 5, openRate: 4 / 6, medianFirstOpenMs: 30 * 60_000 });
    expect(stats.engagement?.byItem[0]).toEqual({
      contentId: 'northwind-case',
      title: 'Northwind case study',
      type: 'case_study',
      links: 3,
      opened: 1,
      views: 2,
      openRate: 1 / 3,
    });
    expect(stats.engagement?.byItem.find((r) => r.contentId === DELETED_ID)).toMatchObject({ title: null, type: null, links: 1, opened: 1 });
    expect(stats.engagement?.byStage.map((r) => [r.stage, r.links, r.opened])).toEqual([
      ['awareness', 1, 1],
      ['interest', 2, 1],
      ['engagement', 1, 0],
      ['conversion', 0, 0],
      ['advocacy', 1, 1],
      [null, 1, 1],
    ]);
  });
});
