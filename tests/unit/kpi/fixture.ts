import type { UsageEvent } from '../../../lib/schema/events';
import type { KpiItem } from '../../../lib/kpi/item-scope';

/*
 * A small team's fortnight, written out so every KPI can be worked out by hand.
 * "Today" is 2025-03-20; the range under test is 2025-03-05 (a Wednesday) to 2025-03-16
 * (a Sunday): ISO weeks starting Monday 2025-03-03 and Monday 2025-03-10.
 */

export const TODAY = '2025-03-20';

export const LIBRARY: KpiItem[] = [
  // A: not stale (review in December).
  {
    id: 'roi-email',
    title: 'ROI follow-up email',
    type: 'email_template',
    owner: 'maria@example.com',
    stages: ['interest', 'engagement'],
    review_by: '2025-12-31',
  },
  // B: stale since February.
  {
    id: 'northwind-case',
    title: 'Northwind case study',
    type: 'case_study',
    owner: 'maria@example.com',
    stages: ['interest', 'engagement'],
    review_by: '2025-02-01',
  },
  // C: stale and expired.
  {
    id: 'pricing-deck',
    title: 'Pricing deck',
    type: 'deck',
    owner: 'ivan@example.com',
    stages: ['conversion'],
    review_by: '2025-01-15',
    expires: '2025-03-01',
  },
  // D: no dates.
  { id: 'intro-snippet', title: 'Intro snippet', type: 'snippet', owner: 'ivan@example.com', stages: ['awareness'] },
  // E: expires next month, so not expired yet.
  {
    id: 'battlecard-acme',
    title: 'Acme battlecard',
    type: 'battlecard',
    owner: 'olga@example.com',
    stages: ['engagement', 'conversion'],
    expires: '2025-04-30',
  },
  // F: review date was yesterday: stale. Never used.
  { id: 'referral-guide', title: 'Referral programme guide', type: 'guide', owner: 'olga@example.com', stages: ['advocacy'], review_by: '2025-03-19' },
  // G: expires today, which is not yet expired. Only ever previewed.
  { id: 'old-ebook', title: 'Cold chain ebook', type: 'ebook', owner: 'maria@example.com', stages: ['awareness'], expires: '2025-03-20' },
];

const ANNA = 'anna@example.com';
const BORIS = 'boris@example.com';
const CHEN = 'chen@example.com';

const A = { contentId: 'roi-email', contentType: 'email_template' } as const;
const B = { contentId: 'northwind-case', contentType: 'case_study' } as const;
const C = { contentId: 'pricing-deck', contentType: 'deck' } as const;
const D = { contentId: 'intro-snippet', contentType: 'snippet' } as const;
const E = { contentId: 'battlecard-acme', contentType: 'battlecard' } as const;
const G = { contentId: 'old-ebook', contentType: 'ebook' } as const;
/** An item deleted from the library since it was used. */
const Z = { contentId: 'deleted-item', contentType: 'one_pager' } as const;

let serial = 0;
function ev(kind: UsageEvent['kind'], at: string, fields: Omit<UsageEvent, 'id' | 'kind' | 'at'>): UsageEvent {
  serial += 1;
  return { id: `00000000-0000-4000-8000-${String(serial).padStart(12, '0')}`, kind, at, ...fields };
}

/** The numbered comments (#1…#29, x1…x5) are what the hand arithmetic in the tests refers to. */
export const EVENTS: UsageEvent[] = [
  // Out of range: a second before the first day, the first second after the last, February.
  ev('insert', '2025-03-04T23:59:59Z', { user: ANNA, ...A, stage: 'interest', site: 'gmail', timeToContentMs: 100 }), // x1
  ev('insert', '2025-03-17T00:00:00Z', { user: CHEN, contentId: 'referral-guide', contentType: 'guide', stage: 'advocacy', site: 'gmail' }), // x2
  ev('insert', '2025-02-20T10:00:00Z', { user: BORIS, ...D, stage: 'awareness' }), // x5

  // Week of Monday 2025-03-03.
  ev('insert', '2025-03-05T10:00:00Z', { user: ANNA, ...A, stage: 'interest', site: 'gmail', pageKind: 'compose', timeToContentMs: 4000 }), // #1
  ev('insert', '2025-03-05T10:05:00Z', { user: ANNA, ...A, stage: 'interest', site: 'gmail', pageKind: 'compose', timeToContentMs: 6000 }), // #2
  // A stale item previewed: not a use, so not a stale use either.
  ev('preview', '2025-03-05T10:10:00Z', { user: ANNA, ...B, stage: 'interest', site: 'gmail', stale: true }), // #3
  ev('search', '2025-03-05T11:00:00Z', { user: ANNA, query: 'roi', resultCount: 3, stage: 'interest', site: 'gmail' }), // #4
  // Written at 23:30 on the 4th in UTC−1: 00:30 UTC on the 5th, so in range.
  ev('copy', '2025-03-04T23:30:00-01:00', { user: ANNA, ...A, stage: 'interest', site: 'linkedin', timeToContentMs: 2000 }), // #5 (x4)
  ev('search_no_results', '2025-03-06T09:00:00Z', {
    user: BORIS,
    query: 'pricing germany',
    resultCount: 0,
    filters: { stages: ['conversion'], types: [] },
    stage: 'conversion',
    site: 'salesforce',
  }), // #6
  ev('search_no_results', '2025-03-06T09:01:00Z', {
    user: BORIS,
    query: 'pricing germany',
    resultCount: 0,
    filters: { stages: ['conversion'], types: [] },
    stage: 'conversion',
    site: 'salesforce',
  }), // #7
  ev('copy_link', '2025-03-06T09:05:00Z', { user: BORIS, ...C, stage: 'conversion', site: 'salesforce', timeToContentMs: 30000, stale: true }), // #8
  // Opening an asset is a use but does not stop the time-to-content clock: 999 must not count.
  ev('open_asset', '2025-03-06T09:06:00Z', { user: BORIS, ...C, stage: 'conversion', site: 'salesforce', timeToContentMs: 999, stale: true }), // #9
  ev('insert', '2025-03-07T14:00:00Z', { user: CHEN, ...B, stage: 'engagement', site: 'linkedin', timeToContentMs: 8000, stale: true }), // #10
  ev('insert', '2025-03-07T14:02:00Z', { user: CHEN, ...B, stage: 'engagement', site: 'linkedin', timeToContentMs: 12000, stale: true }), // #11
  ev('copy', '2025-03-07T14:03:00Z', { user: CHEN, ...B, stage: 'engagement', site: 'linkedin', timeToContentMs: 1000, stale: true }), // #12
  // Stage filter written out of journey order: still the gap "interest,engagement".
  ev('search_no_results', '2025-03-07T15:00:00Z', {
    user: CHEN,
    query: 'soc2 report',
    resultCount: 0,
    filters: { stages: ['engagement', 'interest'], types: [] },
    stage: 'engagement',
    site: 'linkedin',
  }), // #13

  // Week of Monday 2025-03-10.
  ev('search_no_results', '2025-03-10T08:00:00Z', {
    user: ANNA,
    query: 'soc2 report',
    resultCount: 0,
    filters: { stages: ['interest', 'engagement'], types: [] },
    stage: 'interest',
    site: 'gmail',
  }), // #14
  ev('search_no_results', '2025-03-10T08:01:00Z', { user: ANNA, query: 'soc2 report', resultCount: 0, stage: 'interest', site: 'gmail' }), // #15
  // A shortcut expanded on a page no adapter supports: no site.
  ev('expand_shortcut', '2025-03-10T08:05:00Z', { user: ANNA, ...D, stage: 'awareness', timeToContentMs: 500 }), // #16
  ev('insert', '2025-03-10T08:06:00Z', { user: ANNA, ...E, stage: 'engagement', site: 'gmail', timeToContentMs: 3000 }), // #17
  ev('preview', '2025-03-11T12:00:00Z', { user: BORIS, ...E, stage: 'conversion', site: 'salesforce' }), // #18
  ev('preview', '2025-03-11T12:01:00Z', { user: BORIS, ...E, stage: 'conversion', site: 'salesforce' }), // #19
  ev('insert', '2025-03-11T12:05:00Z', { user: BORIS, ...E, stage: 'conversion', site: 'salesforce', timeToContentMs: 20000 }), // #20
  ev('suggestion_shown', '2025-03-12T16:00:00Z', { user: CHEN, ...A, stage: 'interest', site: 'hubspot' }), // #21
  ev('suggestion_used', '2025-03-12T16:01:00Z', { user: CHEN, ...A, stage: 'interest', site: 'hubspot' }), // #22
  ev('insert', '2025-03-12T16:02:00Z', { user: CHEN, ...A, stage: 'interest', site: 'hubspot', timeToContentMs: 1500 }), // #23
  // No user: a browser whose rep set no email. One unnamed rep, "".
  ev('insert', '2025-03-13T10:00:00Z', { ...A, stage: 'interest', site: 'gmail', timeToContentMs: 7000 }), // #24
  // Query logging off: no query text, no stage, no site.
  ev('search_no_results', '2025-03-13T10:30:00Z', { user: CHEN, resultCount: 0 }), // #25
  ev('copy', '2025-03-14T09:00:00Z', { user: BORIS, ...Z, stage: 'conversion', site: 'salesforce', timeToContentMs: 9000, stale: true }), // #26
  ev('search', '2025-03-14T09:30:00Z', { user: BORIS, query: 'case study', resultCount: 5, stage: 'conversion', site: 'salesforce' }), // #27
  ev('preview', '2025-03-15T17:00:00Z', { user: ANNA, ...G, stage: 'awareness', site: 'linkedin' }), // #28
  ev('open_asset', '2025-03-16T20:00:00Z', { user: CHEN, ...E, stage: 'engagement', site: 'linkedin' }), // #29
  // 01:30 on the 17th in UTC+2 is 23:30 UTC on the 16th: in range.
  ev('insert', '2025-03-17T01:30:00+02:00', { user: ANNA, ...B, stage: 'interest', site: 'gmail', timeToContentMs: 2500, stale: true }), // x3
];
