import { z } from 'zod';
import { contentTypeSchema, isoDateSchema, journeyStageSchema } from './content';
import { siteSchema } from './page-context';

/*
 * The KPI payload of `GET /api/v1/stats` and of the dashboard's local mode. Both producers —
 * the server in SQL, `lib/kpi/computeStats` in the browser — must give the same numbers for
 * the same events, items, query and `today`; a parity test compares them. The definitions
 * below are the contract.
 *
 * Scope of events (applied before every KPI):
 * - In range: the UTC calendar day of the event's `at` (its instant, whatever offset it was
 *   written with) lies in [from, to], both inclusive.
 * - Filters: `stage` keeps events whose `stage` equals it; `site` keeps events whose `site`
 *   equals it; `type` keeps events whose `contentType` equals it; `user` keeps events whose
 *   `user` equals it. An event lacking the field a filter names is dropped by that filter
 *   (so a type filter drops searches, which name no content type).
 * - An event without `user` belongs to one unnamed rep, `""` (only local events can lack it:
 *   the server always writes the token's user).
 *
 * Scope of library items (never used, stage coverage, governance): the items of the current
 * library whose `stages` include the `stage` filter and whose `type` equals the `type`
 * filter, when those filters are set. `site` and `user` do not narrow items.
 *
 * Counting (a "use" is what a rep did with content for a prospect):
 * - inserts  = events of kind `insert` or `expand_shortcut` (a shortcut puts the body in the page)
 * - copies   = events of kind `copy` or `copy_link`
 * - opens    = events of kind `open_asset` (link opens)
 * - previews = events of kind `preview` (looking is not using: not part of uses)
 * - uses     = inserts + copies + opens, i.e. the kinds in USE_KINDS
 * - searches = events of kind `search` or `search_no_results` (one event per search: the
 *   emitter logs a search that found nothing as `search_no_results`, not also as `search`)
 * - noResultSearches = events of kind `search_no_results`
 * `suggestion_shown` and `suggestion_used` count in `totals.events` and adoption only.
 *
 * Orders are total so both producers list rows identically; text compares by Unicode code
 * point (SQLite's BINARY collation on UTF-8), `null` keys sort after every value.
 */

/** Longest list a payload carries (top content, never used, content gaps); counts stay exact. */
export const STATS_LIST_LIMIT = 1000;
/** Longest range one query may ask for: two years of days keeps day buckets drawable. */
export const STATS_MAX_RANGE_DAYS = 731;

export const STATS_BUCKETS = ['day', 'week'] as const;
export const statsBucketSchema = z.enum(STATS_BUCKETS);
export type StatsBucket = z.infer<typeof statsBucketSchema>;

/** Query strings send absent filters as `stage=`: an empty value means no filter. */
const optionalFilter = <T extends z.core.SomeType>(schema: T) => z.preprocess((v) => (v === '' || v === null ? undefined : v), z.optional(schema));

const DAY_MS = 86_400_000;

export const statsQuerySchema = z
  .object({
    /** First UTC day, YYYY-MM-DD, inclusive. */
    from: isoDateSchema,
    /** Last UTC day, YYYY-MM-DD, inclusive. */
    to: isoDateSchema,
    stage: optionalFilter(journeyStageSchema),
    site: optionalFilter(siteSchema),
    type: optionalFilter(contentTypeSchema),
    user: optionalFilter(z.string().min(1).max(320)),
    /** Trend buckets: UTC days, or ISO weeks starting Monday. */
    bucket: z.preprocess((v) => (v === '' || v === null ? undefined : v), statsBucketSchema.default('day')),
  })
  .strict()
  .refine((q) => q.from <= q.to, { message: 'from must not be after to', path: ['from'] })
  .refine((q) => (Date.parse(q.to) - Date.parse(q.from)) / DAY_MS < STATS_MAX_RANGE_DAYS, {
    message: `the range must be at most ${STATS_MAX_RANGE_DAYS} days`,
    path: ['to'],
  });
export type StatsQuery = z.infer<typeof statsQuerySchema>;
export type StatsQueryInput = z.input<typeof statsQuerySchema>;

const FILTER_KEYS = ['stage', 'site', 'type', 'user'] as const;

/** The query as URL parameters, in a fixed order; unset filters are left out. */
export function statsQueryToSearchParams(query: StatsQuery): URLSearchParams {
  const params = new URLSearchParams({ from: query.from, to: query.to });
  for (const key of FILTER_KEYS) {
    const value = query[key];
    if (value !== undefined) params.set(key, value);
  }
  params.set('bucket', query.bucket);
  return params;
}

/** Days a query without `from` covers, ending on `to` (today when absent too). */
export const STATS_DEFAULT_DAYS = 30;

/** `2026-11-05T18:30:00Z`, `…+01:00`, with or without seconds; no zone reads as UTC. */
const ISO_TIMESTAMP = /^(\d{4}-\d{2}-\d{2})T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})?$/i;

/** A full ISO timestamp as the UTC day it falls on; anything else as it came (the schema judges it). */
function utcDayOf(value: string): string {
  const m = ISO_TIMESTAMP.exec(value);
  if (!m) return value;
  const at = new Date(m[2] ? value : `${value}Z`);
  return Number.isNaN(at.getTime()) ? value : at.toISOString().slice(0, 10);
}

function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/**
 * Reads `?from=&to=&stage=…` as the server receives it; unknown parameters are rejected.
 * `from` and `to` take UTC days or full ISO timestamps (read as the UTC day they fall on);
 * without them the query covers the last 30 days up to `today`.
 */
export function parseStatsSearchParams(params: URLSearchParams, today: string) {
  const raw = Object.fromEntries(params);
  const to = raw.to ? utcDayOf(raw.to) : today;
  const from = raw.from ? utcDayOf(raw.from) : isoDateSchema.safeParse(to).success ? addDays(to, 1 - STATS_DEFAULT_DAYS) : to;
  return statsQuerySchema.safeParse({ ...raw, from, to });
}

const count = z.number().int().nonnegative();

/** What reps did with content, counted as defined above. */
export const usageCountsSchema = z.object({
  inserts: count,
  copies: count,
  opens: count,
  previews: count,
  uses: count,
});
export type UsageCounts = z.infer<typeof usageCountsSchema>;

/** Usage plus searching: the counts of a breakdown row or a trend bucket. */
export const activityCountsSchema = usageCountsSchema.extend({
  searches: count,
  noResultSearches: count,
});
export type ActivityCounts = z.infer<typeof activityCountsSchema>;

/**
 * One content item's usage. Rows exist for every `contentId` with at least one use or preview
 * in scope, sorted by uses descending, then contentId ascending; at most STATS_LIST_LIMIT.
 * title/type/owner come from the current library, `null` when the item is no longer in it.
 */
export const contentUsageSchema = usageCountsSchema.extend({
  contentId: z.string(),
  title: z.string().nullable(),
  type: z.nullable(contentTypeSchema),
  owner: z.string().nullable(),
});
export type ContentUsage = z.infer<typeof contentUsageSchema>;

/**
 * One trend bucket. Every bucket overlapping [from, to] is present, empty ones included, in
 * time order. `start` is the bucket's first day: the day itself, or the Monday of its week
 * (which may precede `from`); only in-range events are counted.
 */
export const trendBucketSchema = activityCountsSchema.extend({ start: isoDateSchema });
export type TrendBucket = z.infer<typeof trendBucketSchema>;

/** By journey stage: the five stages in journey order, then `null` (events naming no stage); always six rows. */
export const stageActivitySchema = activityCountsSchema.extend({ stage: z.nullable(journeyStageSchema) });
/** By content type / site / rep: a row per value found on an in-scope event; uses desc, then key asc, null last. */
export const typeActivitySchema = activityCountsSchema.extend({ type: z.nullable(contentTypeSchema) });
export const siteActivitySchema = activityCountsSchema.extend({ site: z.nullable(siteSchema) });
export const repActivitySchema = activityCountsSchema.extend({ user: z.string() });
export type StageActivity = z.infer<typeof stageActivitySchema>;
export type TypeActivity = z.infer<typeof typeActivitySchema>;
export type SiteActivity = z.infer<typeof siteActivitySchema>;
export type RepActivity = z.infer<typeof repActivitySchema>;

/** An item of the library, as the never-used list names it. */
export const libraryItemRefSchema = z.object({
  id: z.string(),
  title: z.string(),
  type: contentTypeSchema,
  owner: z.string(),
});
export type LibraryItemRef = z.infer<typeof libraryItemRefSchema>;

/**
 * Items in the item scope with zero in-scope uses (previews and suggestions shown do not
 * save an item from this list). share = count / libraryItems, `null` for an empty scope.
 * `items` sorted by id ascending, at most STATS_LIST_LIMIT.
 */
export const neverUsedSchema = z.object({
  libraryItems: count,
  count: count,
  share: z.number().min(0).max(1).nullable(),
  items: z.array(libraryItemRefSchema),
});
export type NeverUsed = z.infer<typeof neverUsedSchema>;

/**
 * A content gap: in-scope `search_no_results` events grouped by exact `query` text (`""`
 * when query logging was off) and `stageFilter`: the event's `filters.stages` in journey
 * order, de-duplicated, joined by "," (`""` for none). lastSeen = the latest `at` of the
 * group as UTC ISO with milliseconds (`2025-03-04T10:00:00.000Z`). Sorted by count desc,
 * then query asc, then stageFilter asc; at most STATS_LIST_LIMIT.
 */
export const contentGapSchema = z.object({
  query: z.string(),
  stageFilter: z.string(),
  count: count,
  lastSeen: z.string(),
});
export type ContentGap = z.infer<typeof contentGapSchema>;

/**
 * Time to content over in-scope events of kind insert, copy, copy_link or expand_shortcut
 * that carry `timeToContentMs`. Percentiles are nearest-rank: sort the values ascending and
 * take index ceil(p·n) − 1 (median p = 0.5, p90 p = 0.9); `null` when n = 0.
 */
export const timeToContentSchema = z.object({
  count: count,
  medianMs: count.nullable(),
  p90Ms: count.nullable(),
});
export type TimeToContent = z.infer<typeof timeToContentSchema>;

export const timeToContentStatsSchema = z.object({
  overall: timeToContentSchema,
  /** Rows only for sites with n > 0; key asc, null (no supported site) last. */
  bySite: z.array(timeToContentSchema.extend({ site: z.nullable(siteSchema) })),
  /** Rows only for stages with n > 0; journey order, null last. */
  byStage: z.array(timeToContentSchema.extend({ stage: z.nullable(journeyStageSchema) })),
});
export type TimeToContentStats = z.infer<typeof timeToContentStatsSchema>;

/**
 * Per stage, in journey order, always five rows: `items` = items in the item scope listing
 * the stage; `uses` = in-scope uses whose event `stage` is it.
 */
export const stageCoverageSchema = z.object({
  stage: journeyStageSchema,
  items: count,
  uses: count,
});
export type StageCoverage = z.infer<typeof stageCoverageSchema>;

/**
 * Governance as of `today`, over the item scope: stale = review_by < today, expired =
 * expires < today (an item may be both). staleUses = in-scope uses with `stale: true` (any
 * use kind: a copied link to stale content reaches the prospect too). Per owner, a stale use
 * goes to the owner its contentId has in the current library (item scope or not); uses of
 * items no longer in the library count only in the total. Owner rows exist when
 * stale + expired + staleUses > 0, sorted by stale + expired desc, staleUses desc, owner asc;
 * `items` is the owner's item count in the item scope.
 */
export const ownerGovernanceSchema = z.object({
  owner: z.string(),
  items: count,
  stale: count,
  expired: count,
  staleUses: count,
});
export type OwnerGovernance = z.infer<typeof ownerGovernanceSchema>;

export const governanceSchema = z.object({
  staleItems: count,
  expiredItems: count,
  staleUses: count,
  byOwner: z.array(ownerGovernanceSchema),
});
export type Governance = z.infer<typeof governanceSchema>;

/**
 * Adoption: distinct users with any in-scope event, over the whole range (`activeReps`) and
 * per ISO week (Monday start, every week overlapping the range, in time order, whatever
 * `bucket` says).
 */
export const adoptionSchema = z.object({
  activeReps: count,
  weeks: z.array(z.object({ start: isoDateSchema, activeReps: count })),
});
export type Adoption = z.infer<typeof adoptionSchema>;

export const statsTotalsSchema = activityCountsSchema.extend({
  /** Every in-scope event, of any kind. */
  events: count,
});
export type StatsTotals = z.infer<typeof statsTotalsSchema>;

/**
 * Prospect engagement: share links created in scope — the UTC day of the link's creation in
 * [from, to], and `stage`/`site`/`type`/`user` equal to the link's (the page's stage and site
 * when it was created, the item's type, its rep), a link lacking the field dropped by that
 * filter. links = links in scope; opened = those with at least one counted view; views = their
 * counted views (scanners, previews, prefetches, repeat opens are not counted by the server);
 * openRate = opened / links, `null` for none; medianFirstOpenMs = nearest-rank median of
 * (first counted view − creation) over opened links, `null` for none.
 * byItem: a row per contentId, title and type from the current library (`null` once it left),
 * sorted by links desc, opened desc, contentId asc; at most STATS_LIST_LIMIT.
 * byStage: the five stages in journey order, then `null`; always six rows.
 * byType: a row per type found, links desc, type asc.
 */
const shareCountsSchema = z.object({
  links: count,
  opened: count,
  views: count,
  openRate: z.number().min(0).max(1).nullable(),
});
export type ShareCounts = z.infer<typeof shareCountsSchema>;

export const engagementSchema = shareCountsSchema.extend({
  medianFirstOpenMs: count.nullable(),
  byItem: z.array(shareCountsSchema.extend({ contentId: z.string(), title: z.string().nullable(), type: z.nullable(contentTypeSchema) })),
  byStage: z.array(shareCountsSchema.extend({ stage: z.nullable(journeyStageSchema) })),
  byType: z.array(shareCountsSchema.extend({ type: contentTypeSchema })),
});
export type Engagement = z.infer<typeof engagementSchema>;

export const statsSchema = z.object({
  /** The query the figures answer, with defaults applied. */
  query: statsQuerySchema,
  /** The UTC day governance was judged on. */
  today: isoDateSchema,
  totals: statsTotalsSchema,
  content: z.array(contentUsageSchema),
  trend: z.array(trendBucketSchema),
  byStage: z.array(stageActivitySchema),
  byType: z.array(typeActivitySchema),
  bySite: z.array(siteActivitySchema),
  byRep: z.array(repActivitySchema),
  neverUsed: neverUsedSchema,
  contentGaps: z.array(contentGapSchema),
  timeToContent: timeToContentStatsSchema,
  stageCoverage: z.array(stageCoverageSchema),
  governance: governanceSchema,
  adoption: adoptionSchema,
  /** Absent from servers older than share links. */
  engagement: engagementSchema.optional(),
});
export type Stats = z.infer<typeof statsSchema>;
