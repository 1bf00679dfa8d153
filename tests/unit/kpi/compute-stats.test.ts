import { describe, expect, test } from 'vitest';
import { computeStats } from '../../../lib/kpi/compute-stats';
import { statsQuerySchema, statsSchema } from '../../../lib/schema/stats';
import { EVENTS, LIBRARY, TODAY } from './fixture';

/*
 * Every figure below is worked out by hand from tests/unit/kpi/fixture.ts (event numbers
 * #n refer to its comments). In range, 2025-03-05..2025-03-16 UTC: #1–#29 and x3 = 30
 * events; x1 (03-04 23:59:59Z), x2 (03-17 00:00Z) and x5 (February) are out.
 */
const query = statsQuerySchema.parse({ from: '2025-03-05', to: '2025-03-16' });
const stats = computeStats(EVENTS, LIBRARY, query, TODAY);

describe('computeStats over the whole team, no filters', () => {
  test('the payload is what the schema (and so the server) promises', () => {
    expect(statsSchema.parse(stats)).toEqual(stats);
  });

  test('totals count each kind as the definitions say', () => {
    // insert: #1 #2 #10 #11 #17 #20 #23 #24 x3 = 9, expand_shortcut #16 = 1 → inserts 10
    // copy #5 #12 #26 + copy_link #8 → copies 4;  open_asset #9 #29 → opens 2
    // uses = 10 + 4 + 2 = 16; previews #3 #18 #19 #28 = 4
    // search #4 #27 + search_no_results #6 #7 #13 #14 #15 #25 → searches 8, no results 6
    // + suggestion_shown #21, suggestion_used #22: 9+1+4+2+4+2+6+2 = 30 events
    expect(stats.totals).toEqual({
      events: 30,
      inserts: 10,
      copies: 4,
      opens: 2,
      previews: 4,
      uses: 16,
      searches: 8,
      noResultSearches: 6,
    });
  });

  test('top content: uses per item, most used first, ties by id', () => {
    // roi-email: inserts #1 #2 #23 #24, copy #5 → 5 (suggestions #21 #22 do not count)
    // northwind-case: inserts #10 #11 x3, copy #12 → 4, preview #3
    // battlecard-acme: inserts #17 #20, open #29 → 3, previews #18 #19
    // pricing-deck: copy_link #8, open #9 → 2
    // deleted-item: copy #26 → 1 (no longer in the library: no title); intro-snippet: #16 → 1
    //   tie at 1 broken by id: "deleted-item" < "intro-snippet"
    // old-ebook: preview #28 only → 0 uses, listed because previewed
    expect(stats.content).toEqual([
      {
        contentId: 'roi-email',
        title: 'ROI follow-up email',
        type: 'email_template',
        owner: 'maria@example.com',
        inserts: 4,
        copies: 1,
        opens: 0,
        previews: 0,
        uses: 5,
      },
      {
        contentId: 'northwind-case',
        title: 'Northwind case study',
        type: 'case_study',
        owner: 'maria@example.com',
        inserts: 3,
        copies: 1,
        opens: 0,
        previews: 1,
        uses: 4,
      },
      {
        contentId: 'battlecard-acme',
        title: 'Acme battlecard',
        type: 'battlecard',
        owner: 'olga@example.com',
        inserts: 2,
        copies: 0,
        opens: 1,
        previews: 2,
        uses: 3,
      },
      { contentId: 'pricing-deck', title: 'Pricing deck', type: 'deck', owner: 'ivan@example.com', inserts: 0, copies: 1, opens: 1, previews: 0, uses: 2 },
      { contentId: 'deleted-item', title: null, type: null, owner: null, inserts: 0, copies: 1, opens: 0, previews: 0, uses: 1 },
      { contentId: 'intro-snippet', title: 'Intro snippet', type: 'snippet', owner: 'ivan@example.com', inserts: 1, copies: 0, opens: 0, previews: 0, uses: 1 },
      { contentId: 'old-ebook', title: 'Cold chain ebook', type: 'ebook', owner: 'maria@example.com', inserts: 0, copies: 0, opens: 0, previews: 1, uses: 0 },
    ]);
  });

  test('usage over time by day: twelve buckets, the weekend empty, offsets read as UTC', () => {
    const z = { inserts: 0, copies: 0, opens: 0, previews: 0, uses: 0, searches: 0, noResultSearches: 0 };
    expect(stats.trend).toEqual([
      // #1 #2 insert, #5 copy (UTC−1 evening of the 4th), #3 preview, #4 search
      { ...z, start: '2025-03-05', inserts: 2, copies: 1, previews: 1, uses: 3, searches: 1 },
      // #8 copy_link, #9 open, #6 #7 no results
      { ...z, start: '2025-03-06', copies: 1, opens: 1, uses: 2, searches: 2, noResultSearches: 2 },
      // #10 #11 insert, #12 copy, #13 no results
      { ...z, start: '2025-03-07', inserts: 2, copies: 1, uses: 3, searches: 1, noResultSearches: 1 },
      { ...z, start: '2025-03-08' },
      { ...z, start: '2025-03-09' },
      // #16 expand_shortcut, #17 insert, #14 #15 no results
      { ...z, start: '2025-03-10', inserts: 2, uses: 2, searches: 2, noResultSearches: 2 },
      // #18 #19 preview, #20 insert
      { ...z, start: '2025-03-11', inserts: 1, previews: 2, uses: 1 },
      // #23 insert (#21 #22 suggestions count nowhere here)
      { ...z, start: '2025-03-12', inserts: 1, uses: 1 },
      // #24 insert, #25 no results
      { ...z, start: '2025-03-13', inserts: 1, uses: 1, searches: 1, noResultSearches: 1 },
      // #26 copy, #27 search
      { ...z, start: '2025-03-14', copies: 1, uses: 1, searches: 1 },
      // #28 preview
      { ...z, start: '2025-03-15', previews: 1 },
      // #29 open, x3 insert (01:30 UTC+2 on the 17th)
      { ...z, start: '2025-03-16', inserts: 1, opens: 1, uses: 2 },
    ]);
  });

  test('usage over time by week: buckets start on Monday, even before the range starts', () => {
    const weekly = computeStats(EVENTS, LIBRARY, { ...query, bucket: 'week' }, TODAY).trend;
    // week of 03-03 = days 05..07: inserts 2+0+2, copies 1+1+1, opens 1, previews 1,
    //   uses 3+2+3 = 8, searches 1+2+1 = 4, no results 0+2+1 = 3
    // week of 03-10 = days 10..16: inserts 2+1+1+1+0+0+1 = 6, copies 1 (#26), opens 1 (#29),
    //   previews 2+1 = 3, uses 8, searches 2+1+1 = 4, no results 2+1 = 3
    expect(weekly).toEqual([
      { start: '2025-03-03', inserts: 4, copies: 3, opens: 1, previews: 1, uses: 8, searches: 4, noResultSearches: 3 },
      { start: '2025-03-10', inserts: 6, copies: 1, opens: 1, previews: 3, uses: 8, searches: 4, noResultSearches: 3 },
    ]);
  });

  test('usage by journey stage: five stages in order, then events with no stage', () => {
    expect(stats.byStage).toEqual([
      // #16 expand, #28 preview
      { stage: 'awareness', inserts: 1, copies: 0, opens: 0, previews: 1, uses: 1, searches: 0, noResultSearches: 0 },
      // inserts #1 #2 #23 #24 x3, copy #5, preview #3, searches #4 #14 #15 (2 without results)
      { stage: 'interest', inserts: 5, copies: 1, opens: 0, previews: 1, uses: 6, searches: 3, noResultSearches: 2 },
      // inserts #10 #11 #17, copy #12, open #29, no results #13
      { stage: 'engagement', inserts: 3, copies: 1, opens: 1, previews: 0, uses: 5, searches: 1, noResultSearches: 1 },
      // insert #20, copies #8 #26, open #9, previews #18 #19, searches #6 #7 #27
      { stage: 'conversion', inserts: 1, copies: 2, opens: 1, previews: 2, uses: 4, searches: 3, noResultSearches: 2 },
      { stage: 'advocacy', inserts: 0, copies: 0, opens: 0, previews: 0, uses: 0, searches: 0, noResultSearches: 0 },
      // #25, the search with logging off
      { stage: null, inserts: 0, copies: 0, opens: 0, previews: 0, uses: 0, searches: 1, noResultSearches: 1 },
    ]);
  });

  test('usage by site, by content type and by rep: most used first, ties by name, none last', () => {
    // gmail: #1 #2 #17 #24 x3 = 5 uses; linkedin: #5 #10 #11 #12 #29 = 5 → tie, "gmail" first
    // salesforce: #8 #9 #20 #26 = 4; hubspot: #23 = 1; no site: #16 = 1 → tie, null last
    expect(stats.bySite.map((r) => [r.site, r.uses, r.previews, r.searches])).toEqual([
      ['gmail', 5, 1, 3],
      ['linkedin', 5, 1, 1],
      ['salesforce', 4, 2, 3],
      ['hubspot', 1, 0, 0],
      [null, 1, 0, 1],
    ]);
    // email_template 5, case_study 4, battlecard 3, deck 2, one_pager 1 (#26), snippet 1,
    // ebook 0 (preview only), none 0: the 8 searches, which name no type
    expect(stats.byType.map((r) => [r.type, r.uses, r.searches])).toEqual([
      ['email_template', 5, 0],
      ['case_study', 4, 0],
      ['battlecard', 3, 0],
      ['deck', 2, 0],
      ['one_pager', 1, 0],
      ['snippet', 1, 0],
      ['ebook', 0, 0],
      [null, 0, 8],
    ]);
    // anna: #1 #2 #5 #16 #17 x3 = 6 uses, previews #3 #28, searches #4 #14 #15
    // chen: #10 #11 #12 #23 #29 = 5, searches #13 #25; boris: #8 #9 #20 #26 = 4,
    // previews #18 #19, searches #6 #7 #27; the unnamed rep "": #24 = 1
    expect(stats.byRep.map((r) => [r.user, r.uses, r.previews, r.searches, r.noResultSearches])).toEqual([
      ['anna@example.com', 6, 2, 3, 2],
      ['chen@example.com', 5, 0, 2, 2],
      ['boris@example.com', 4, 2, 3, 2],
      ['', 1, 0, 0, 0],
    ]);
  });

  test('never used: the referral guide and the ebook that was only previewed', () => {
    // used: roi-email, northwind-case, pricing-deck, intro-snippet, battlecard-acme → 2 of 7 unused
    expect(stats.neverUsed).toEqual({
      libraryItems: 7,
      count: 2,
      share: 2 / 7,
      items: [
        { id: 'old-ebook', title: 'Cold chain ebook', type: 'ebook', owner: 'maria@example.com' },
        { id: 'referral-guide', title: 'Referral programme guide', type: 'guide', owner: 'olga@example.com' },
      ],
    });
  });

  test('searches with no results: grouped by query and stage filter, most frequent first', () => {
    // #6 #7 → 2; #13 (filter written engagement,interest) + #14 → 2, last at #14;
    // #15 (no filter) → 1; #25 (query not logged) → 1. Ties: by query text, "" first.
    expect(stats.contentGaps).toEqual([
      { query: 'pricing germany', stageFilter: 'conversion', count: 2, lastSeen: '2025-03-06T09:01:00.000Z' },
      { query: 'soc2 report', stageFilter: 'interest,engagement', count: 2, lastSeen: '2025-03-10T08:00:00.000Z' },
      { query: '', stageFilter: '', count: 1, lastSeen: '2025-03-13T10:30:00.000Z' },
      { query: 'soc2 report', stageFilter: '', count: 1, lastSeen: '2025-03-10T08:01:00.000Z' },
    ]);
  });

  test('time to content: nearest-rank median and p90, per site and per stage', () => {
    // timed inserts/copies: 500 1000 1500 2000 2500 3000 4000 6000 7000 8000 9000 12000 20000 30000
    // (n = 14; #9 is an open_asset, x1 is out of range). median index ceil(7)−1 = 6 → 4000;
    // p90 index ceil(12.6)−1 = 12 → 20000
    expect(stats.timeToContent.overall).toEqual({ count: 14, medianMs: 4000, p90Ms: 20000 });
    expect(stats.timeToContent.bySite).toEqual([
      // 2500 3000 4000 6000 7000: indexes ceil(2.5)−1 = 2, ceil(4.5)−1 = 4
      { site: 'gmail', count: 5, medianMs: 4000, p90Ms: 7000 },
      { site: 'hubspot', count: 1, medianMs: 1500, p90Ms: 1500 },
      // 1000 2000 8000 12000: indexes 1 and ceil(3.6)−1 = 3
      { site: 'linkedin', count: 4, medianMs: 2000, p90Ms: 12000 },
      // 9000 20000 30000: indexes ceil(1.5)−1 = 1 and ceil(2.7)−1 = 2
      { site: 'salesforce', count: 3, medianMs: 20000, p90Ms: 30000 },
      { site: null, count: 1, medianMs: 500, p90Ms: 500 },
    ]);
    expect(stats.timeToContent.byStage).toEqual([
      { stage: 'awareness', count: 1, medianMs: 500, p90Ms: 500 },
      // 1500 2000 2500 4000 6000 7000: indexes 2 and ceil(5.4)−1 = 5
      { stage: 'interest', count: 6, medianMs: 2500, p90Ms: 7000 },
      // 1000 3000 8000 12000
      { stage: 'engagement', count: 4, medianMs: 3000, p90Ms: 12000 },
      { stage: 'conversion', count: 3, medianMs: 20000, p90Ms: 30000 },
    ]);
  });

  test('stage coverage: items listing each stage against uses at that stage', () => {
    // awareness: intro-snippet, old-ebook; interest: roi-email, northwind-case;
    // engagement: those two + battlecard-acme; conversion: pricing-deck, battlecard-acme;
    // advocacy: referral-guide. Uses from the stage breakdown: 1, 6, 5, 4, 0.
    expect(stats.stageCoverage).toEqual([
      { stage: 'awareness', items: 2, uses: 1 },
      { stage: 'interest', items: 2, uses: 6 },
      { stage: 'engagement', items: 3, uses: 5 },
      { stage: 'conversion', items: 2, uses: 4 },
      { stage: 'advocacy', items: 1, uses: 0 },
    ]);
  });

  test('governance on 2025-03-20: stale and expired per owner, and stale content still used', () => {
    // stale (review_by < today): northwind-case, pricing-deck, referral-guide (review was the 19th)
    // expired (expires < today): pricing-deck; old-ebook expires today, so not yet
    // stale uses: #8 #9 (pricing-deck), #10 #11 #12 x3 (northwind-case), #26 (deleted-item) = 7;
    // #3 is a preview of a stale item: not a use
    // ivan: 2 items, 1 stale, 1 expired, 2 stale uses; maria: 3 items, 1 stale, 4 stale uses;
    // olga: 2 items, 1 stale. Order: stale+expired 2 > 1 = 1, then stale uses 4 > 0.
    expect(stats.governance).toEqual({
      staleItems: 3,
      expiredItems: 1,
      staleUses: 7,
      byOwner: [
        { owner: 'ivan@example.com', items: 2, stale: 1, expired: 1, staleUses: 2 },
        { owner: 'maria@example.com', items: 3, stale: 1, expired: 0, staleUses: 4 },
        { owner: 'olga@example.com', items: 2, stale: 1, expired: 0, staleUses: 0 },
      ],
    });
  });

  test('adoption: distinct reps with any event, per Monday week and overall', () => {
    // week of 03-03: anna, boris, chen; week of 03-10: those three and the unnamed rep (#24)
    expect(stats.adoption).toEqual({
      activeReps: 4,
      weeks: [
        { start: '2025-03-03', activeReps: 3 },
        { start: '2025-03-10', activeReps: 4 },
      ],
    });
  });

  test('the order of the events does not change a single figure', () => {
    expect(computeStats([...EVENTS].reverse(), [...LIBRARY].reverse(), query, TODAY)).toEqual(stats);
  });
});
