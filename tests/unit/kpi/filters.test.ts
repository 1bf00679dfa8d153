import { describe, expect, test } from 'vitest';
import { computeStats } from '../../../lib/kpi/compute-stats';
import { statsQuerySchema } from '../../../lib/schema/stats';
import { EVENTS, LIBRARY, TODAY } from './fixture';

/* Filtered views of the fixture; arithmetic by hand, event numbers as in fixture.ts. */
const statsFor = (filters: Record<string, string>) =>
  computeStats(EVENTS, LIBRARY, statsQuerySchema.parse({ from: '2025-03-05', to: '2025-03-16', ...filters }), TODAY);

describe('a stage filter', () => {
  // Events whose stage is interest: #1 #2 #3 #4 #5 #14 #15 #21 #22 #23 #24 x3 = 12.
  // Items listing interest: roi-email, northwind-case.
  const stats = statsFor({ stage: 'interest', bucket: 'week' });

  test('keeps events at that stage only', () => {
    // inserts #1 #2 #23 #24 x3 = 5, copy #5 → uses 6; preview #3; searches #4 #14 #15
    expect(stats.totals).toMatchObject({ events: 12, uses: 6, inserts: 5, copies: 1, previews: 1, searches: 3, noResultSearches: 2 });
    expect(stats.byStage.filter((r) => r.uses + r.searches > 0).map((r) => r.stage)).toEqual(['interest']);
  });

  test('narrows the library the same way for never used, coverage and governance', () => {
    // both interest items were used at interest (roi-email #1…, northwind-case x3)
    expect(stats.neverUsed).toEqual({ libraryItems: 2, count: 0, share: 0, items: [] });
    // the two items list interest and engagement; uses only at interest
    expect(stats.stageCoverage.map((r) => [r.stage, r.items, r.uses])).toEqual([
      ['awareness', 0, 0],
      ['interest', 2, 6],
      ['engagement', 2, 0],
      ['conversion', 0, 0],
      ['advocacy', 0, 0],
    ]);
    // northwind-case is stale; of its stale uses only x3 was at interest
    expect(stats.governance).toEqual({
      staleItems: 1,
      expiredItems: 0,
      staleUses: 1,
      byOwner: [{ owner: 'maria@example.com', items: 2, stale: 1, expired: 0, staleUses: 1 }],
    });
  });

  test('content gaps and adoption follow', () => {
    // #14 and #15 only: one each; same query, so "" sorts before "interest,engagement"
    expect(stats.contentGaps.map((g) => [g.query, g.stageFilter, g.count])).toEqual([
      ['soc2 report', '', 1],
      ['soc2 report', 'interest,engagement', 1],
    ]);
    // week of 03-03: anna (#1–#5); week of 03-10: anna (#14 #15 x3), chen (#21–#23), "" (#24)
    expect(stats.adoption.weeks.map((w) => w.activeReps)).toEqual([1, 3]);
    expect(stats.adoption.activeReps).toBe(3);
    // weekly trend: #1 #2 #5 → 3 uses; #23 #24 x3 → 3 uses
    expect(stats.trend.map((b) => [b.start, b.uses, b.searches])).toEqual([
      ['2025-03-03', 3, 1],
      ['2025-03-10', 3, 2],
    ]);
  });
});

describe('a content type filter', () => {
  // Events naming battlecard: #17 #18 #19 #20 #29. Searches name no type and drop out.
  const stats = statsFor({ type: 'battlecard' });

  test('counts that type only and drops searches', () => {
    expect(stats.totals).toMatchObject({ events: 5, uses: 3, inserts: 2, opens: 1, previews: 2, searches: 0 });
    expect(stats.contentGaps).toEqual([]);
    expect(stats.content.map((r) => r.contentId)).toEqual(['battlecard-acme']);
    expect(stats.neverUsed).toMatchObject({ libraryItems: 1, count: 0 });
  });

  test('reps tie at one use each and are listed by name', () => {
    // anna #17, boris #20, chen #29
    expect(stats.byRep.map((r) => [r.user, r.uses])).toEqual([
      ['anna@example.com', 1],
      ['boris@example.com', 1],
      ['chen@example.com', 1],
    ]);
    // 3000 (#17), 20000 (#20): median index ceil(1)−1 = 0, p90 index ceil(1.8)−1 = 1
    expect(stats.timeToContent.overall).toEqual({ count: 2, medianMs: 3000, p90Ms: 20000 });
  });
});

describe('site and rep filters', () => {
  // anna on gmail: #1 #2 #3 #4 #14 #15 #17 x3. #24 is on gmail but names no user: dropped.
  const stats = statsFor({ site: 'gmail', user: 'anna@example.com' });

  test('narrow events but not the library', () => {
    expect(stats.totals).toMatchObject({ events: 8, uses: 4, inserts: 4 });
    // used: roi-email, battlecard-acme, northwind-case → 4 of all 7 items unused
    expect(stats.neverUsed.libraryItems).toBe(7);
    expect(stats.neverUsed.items.map((i) => i.id)).toEqual(['intro-snippet', 'old-ebook', 'pricing-deck', 'referral-guide']);
    expect(stats.neverUsed.share).toBe(4 / 7);
  });
});

describe('edge cases', () => {
  test('an empty library has no never-used share rather than 0 of 0', () => {
    const stats = computeStats(EVENTS, [], statsQuerySchema.parse({ from: '2025-03-05', to: '2025-03-16' }), TODAY);
    expect(stats.neverUsed).toEqual({ libraryItems: 0, count: 0, share: null, items: [] });
    expect(stats.content[0]).toMatchObject({ contentId: 'roi-email', title: null, uses: 5 });
  });

  test('a quiet period still has every bucket, all zero, and no percentiles', () => {
    const stats = computeStats(EVENTS, LIBRARY, statsQuerySchema.parse({ from: '2025-01-06', to: '2025-01-19', bucket: 'week' }), TODAY);
    expect(stats.trend.map((b) => [b.start, b.uses])).toEqual([
      ['2025-01-06', 0],
      ['2025-01-13', 0],
    ]);
    expect(stats.timeToContent).toEqual({ overall: { count: 0, medianMs: null, p90Ms: null }, bySite: [], byStage: [] });
    expect(stats.neverUsed.count).toBe(7);
    expect(stats.adoption).toEqual({
      activeReps: 0,
      weeks: [
        { start: '2025-01-06', activeReps: 0 },
        { start: '2025-01-13', activeReps: 0 },
      ],
    });
  });

  test('a one-day range counts exactly that UTC day', () => {
    // 2025-03-04: only x1 at 23:59:59Z (#5 at 23:30 UTC−1 is already the 5th in UTC)
    const stats = computeStats(EVENTS, LIBRARY, statsQuerySchema.parse({ from: '2025-03-04', to: '2025-03-04' }), TODAY);
    expect(stats.totals).toMatchObject({ events: 1, inserts: 1 });
  });
});
