import { z } from 'zod';
import { isoDateSchema } from './content';
import { pageKindSchema, siteSchema } from './page-context';

/*
 * Site health: whether the site adapters still find what they expect on the pages reps open.
 * A site-health event says which site and kind of page, which extension and browser version, on
 * which UTC day, and which probes failed. Nothing else: no URL, no time of day, no page content, names
 * or addresses (there is no field that could hold them). They travel through the same outbox
 * as usage events and are counted by GET /api/v1/site-health and `quiver site-health`.
 */

/**
 * What a probe looks for. `context`: what the page is about (the recipient of a compose, the
 * person of a profile, the stage of a deal…); `editor`: the message box of a compose that is
 * open; `insert`: an Insert that did not take.
 */
export const SITE_HEALTH_PROBES = ['context', 'editor', 'insert'] as const;
export const siteHealthProbeSchema = z.enum(SITE_HEALTH_PROBES);
export type SiteHealthProbe = z.infer<typeof siteHealthProbeSchema>;

/** `page`: one page the rep opened, checked once; `insert`: one Insert from the panel. */
export const SITE_HEALTH_CHECKS = ['page', 'insert'] as const;

export const SITE_HEALTH_KIND = 'site_health';

export const siteHealthEventSchema = z
  .object({
    id: z.string().uuid(),
    kind: z.literal(SITE_HEALTH_KIND),
    /** The UTC day of the check: a day, never a time. */
    day: isoDateSchema,
    site: siteSchema,
    pageKind: pageKindSchema,
    /** The extension's version (manifest `version`). */
    version: z.string().regex(/^\d{1,9}(\.\d{1,9}){0,3}$/, 'must be an extension version such as 1.4.0'),
    /** The browser and its major version, `chrome 131`, `edge 131`, `firefox 140`: a redesign may reach one browser first. */
    browser: z
      .string()
      .regex(/^(?:chrome|edge|opera|firefox|other) \d{1,4}$/, 'must be a browser and its major version such as chrome 131')
      .optional(),
    check: z.enum(SITE_HEALTH_CHECKS),
    /** Page checks: whether a compose was open, so a message box was expected. */
    editorExpected: z.boolean(),
    /** The probes that failed; empty when the page was read in full. */
    failed: z.array(siteHealthProbeSchema).max(SITE_HEALTH_PROBES.length),
  })
  .strict()
  .superRefine((e, ctx) => {
    if (new Set(e.failed).size !== e.failed.length) ctx.addIssue({ code: 'custom', path: ['failed'], message: 'names a probe twice' });
    if (e.check === 'page' && e.failed.includes('insert')) {
      ctx.addIssue({ code: 'custom', path: ['failed'], message: 'a page check cannot fail the insert probe' });
    }
    if (e.check === 'insert' && e.failed.some((p) => p !== 'insert')) {
      ctx.addIssue({ code: 'custom', path: ['failed'], message: 'an insert check can only fail the insert probe' });
    }
    if (e.failed.includes('editor') && !e.editorExpected) {
      ctx.addIssue({ code: 'custom', path: ['failed'], message: 'the editor probe fails only where an editor was expected' });
    }
  });
export type SiteHealthEvent = z.infer<typeof siteHealthEventSchema>;

export function isSiteHealthEvent(raw: unknown): boolean {
  return typeof raw === 'object' && raw !== null && (raw as { kind?: unknown }).kind === SITE_HEALTH_KIND;
}

/* ---- the report ---- */

const DAY_MS = 86_400_000;
/** Days a query without `from` covers, ending on `to`. */
export const SITE_HEALTH_DEFAULT_DAYS = 30;
export const SITE_HEALTH_MAX_RANGE_DAYS = 731;
/** The windows a drop is judged on: the last 7 days of the range against the 7 before. */
export const SITE_HEALTH_WINDOW_DAYS = 7;
/** A drop is flagged when the earlier window saw at least this many pages… */
export const SITE_HEALTH_MIN_PAGES = 5;
/** …and the success rate fell by at least this many percentage points. */
export const SITE_HEALTH_DROP_POINTS = 10;

export const siteHealthQuerySchema = z
  .object({
    /** First UTC day, YYYY-MM-DD, inclusive. */
    from: isoDateSchema,
    /** Last UTC day, YYYY-MM-DD, inclusive. */
    to: isoDateSchema,
  })
  .strict()
  .refine((q) => q.from <= q.to, { message: 'from must not be after to', path: ['from'] })
  .refine((q) => (Date.parse(q.to) - Date.parse(q.from)) / DAY_MS < SITE_HEALTH_MAX_RANGE_DAYS, {
    message: `the range must be at most ${SITE_HEALTH_MAX_RANGE_DAYS} days`,
    path: ['to'],
  });
export type SiteHealthQuery = z.infer<typeof siteHealthQuerySchema>;

const ISO_TIMESTAMP = /^(\d{4}-\d{2}-\d{2})T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})?$/i;

function dayOfParam(value: string): string {
  const m = ISO_TIMESTAMP.exec(value);
  if (!m) return value;
  const at = new Date(m[2] ? value : `${value}Z`);
  return Number.isNaN(at.getTime()) ? value : at.toISOString().slice(0, 10);
}

export function shiftDay(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/**
 * Reads `?from=&to=` as the server and the CLI receive them: UTC days or full ISO timestamps;
 * without them the last 30 days up to `today`. Unknown parameters are refused.
 */
export function parseSiteHealthParams(raw: Record<string, string | undefined>, today: string) {
  const defined = Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== undefined));
  const to = defined.to ? dayOfParam(defined.to) : today;
  const from = defined.from ? dayOfParam(defined.from) : isoDateSchema.safeParse(to).success ? shiftDay(to, 1 - SITE_HEALTH_DEFAULT_DAYS) : to;
  return siteHealthQuerySchema.safeParse({ ...defined, from, to });
}

/**
 * `from: must be a date written YYYY-MM-DD`, or which parameters are unknown. A problem with
 * a parameter that was given comes first: a bad `to` also spoils the `from` derived from it.
 */
export function siteHealthProblem(issues: readonly z.core.$ZodIssue[], given: Record<string, string | undefined> = {}): string {
  const issue = issues.find((i) => i.path.length > 0 && given[String(i.path[0])] !== undefined) ?? issues[0];
  if (!issue) return 'the query is not valid';
  if (issue.code === 'unrecognized_keys') {
    return `unknown parameter${issue.keys.length > 1 ? 's' : ''}: ${issue.keys.join(', ')}; use from, to`;
  }
  const param = issue.path.map(String).join('.');
  if (param === '') return issue.message;
  return issue.message.startsWith(`${param} `) ? issue.message : `${param}: ${issue.message}`;
}

const count = z.number().int().nonnegative();
/** A share in percent with one decimal, `null` when nothing was there to find. */
const percent = z.number().min(0).max(100).nullable();

/**
 * One site, page kind, extension version and UTC day. `contextFound`: of the pages seen, the
 * share where the adapter read what the page is about; `editorFound`: of the pages with a
 * compose open (`editorPages`), the share where it found the message box.
 */
export const siteHealthRowSchema = z.object({
  day: isoDateSchema,
  site: siteSchema,
  pageKind: pageKindSchema,
  version: z.string(),
  pages: count,
  contextFound: percent,
  editorPages: count,
  editorFound: percent,
  insertFailures: count,
});
export type SiteHealthRow = z.infer<typeof siteHealthRowSchema>;

/** All sites together on one day of the range (every day present), for the trend chart. */
export const siteHealthDaySchema = z.object({
  day: isoDateSchema,
  pages: count,
  /** Pages where a probe failed. */
  failedPages: count,
  insertFailures: count,
});
export type SiteHealthDay = z.infer<typeof siteHealthDaySchema>;

/**
 * A site and page kind whose success rate (pages read in full, every probe passing) over the
 * last 7 days of the range fell against the 7 days before.
 */
export const siteHealthDropSchema = z.object({
  site: siteSchema,
  pageKind: pageKindSchema,
  previousPages: count,
  previousRate: z.number().min(0).max(100),
  currentPages: count,
  currentRate: z.number().min(0).max(100),
});
export type SiteHealthDrop = z.infer<typeof siteHealthDropSchema>;

/**
 * GET /api/v1/site-health. Rows sorted by day descending, then site, page kind and version
 * ascending (code point order).
 */
export const siteHealthReportSchema = z.object({
  from: isoDateSchema,
  to: isoDateSchema,
  rows: z.array(siteHealthRowSchema),
  trend: z.array(siteHealthDaySchema),
  drops: z.array(siteHealthDropSchema),
});
export type SiteHealthReport = z.infer<typeof siteHealthReportSchema>;
