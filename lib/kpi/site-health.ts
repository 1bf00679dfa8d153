import {
  shiftDay,
  SITE_HEALTH_DROP_POINTS,
  SITE_HEALTH_MIN_PAGES,
  SITE_HEALTH_WINDOW_DAYS,
  type SiteHealthDay,
  type SiteHealthDrop,
  type SiteHealthEvent,
  type SiteHealthQuery,
  type SiteHealthReport,
  type SiteHealthRow,
} from '../schema/site-health';
import type { PageKind, Site } from '../schema/page-context';

/*
 * The site health report, from counts. The server counts in SQL (server/stats/site-health.ts)
 * and the JS below counts the same events in memory; both hand their counts to
 * shapeSiteHealth, and tests/server/site-health-parity.test.ts keeps the two counts equal on
 * SQLite and PostgreSQL.
 */

/** What one site, page kind, version and day add up to. */
export interface SiteHealthGroup {
  day: string;
  site: Site;
  pageKind: PageKind;
  version: string;
  pages: number;
  contextFailed: number;
  editorPages: number;
  editorFailed: number;
  /** Pages where any probe failed. */
  failedPages: number;
  insertFailures: number;
}

/** Page checks of one site and page kind in one of the two 7-day windows ending on `to`. */
export interface SiteHealthWindow {
  site: Site;
  pageKind: PageKind;
  window: 'previous' | 'current';
  pages: number;
  /** Pages where every probe passed. */
  okPages: number;
}

/** The days the drop windows cover: [previousFrom, previousTo] and [currentFrom, to]. */
export function siteHealthWindows(to: string) {
  const currentFrom = shiftDay(to, 1 - SITE_HEALTH_WINDOW_DAYS);
  return { previousFrom: shiftDay(currentFrom, -SITE_HEALTH_WINDOW_DAYS), previousTo: shiftDay(currentFrom, -1), currentFrom, to };
}

const percent = (part: number, whole: number): number | null => (whole === 0 ? null : Math.round((part / whole) * 1000) / 10);

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function shapeSiteHealth(query: SiteHealthQuery, groups: readonly SiteHealthGroup[], windows: readonly SiteHealthWindow[]): SiteHealthReport {
  const rows: SiteHealthRow[] = groups
    .filter((g) => g.pages > 0 || g.insertFailures > 0)
    .map((g) => ({
      day: g.day,
      site: g.site,
      pageKind: g.pageKind,
      version: g.version,
      pages: g.pages,
      contextFound: percent(g.pages - g.contextFailed, g.pages),
      editorPages: g.editorPages,
      editorFound: percent(g.editorPages - g.editorFailed, g.editorPages),
      insertFailures: g.insertFailures,
    }))
    .sort((a, b) => byText(b.day, a.day) || byText(a.site, b.site) || byText(a.pageKind, b.pageKind) || byText(a.version, b.version));

  const perDay = new Map<string, SiteHealthDay>();
  for (let day = query.from; day <= query.to; day = shiftDay(day, 1)) perDay.set(day, { day, pages: 0, failedPages: 0, insertFailures: 0 });
  for (const g of groups) {
    const d = perDay.get(g.day);
    if (!d) continue;
    d.pages += g.pages;
    d.failedPages += g.failedPages;
    d.insertFailures += g.insertFailures;
  }

  const pairs = new Map<string, { site: Site; pageKind: PageKind; previous?: SiteHealthWindow; current?: SiteHealthWindow }>();
  for (const w of windows) {
    const key = `${w.site}\u0000${w.pageKind}`;
    const pair = pairs.get(key) ?? { site: w.site, pageKind: w.pageKind };
    pair[w.window] = w;
    pairs.set(key, pair);
  }
  const drops: SiteHealthDrop[] = [];
  for (const { site, pageKind, previous, current } of pairs.values()) {
    if (!previous || !current || previous.pages < SITE_HEALTH_MIN_PAGES || current.pages === 0) continue;
    const previousRate = percent(previous.okPages, previous.pages)!;
    const currentRate = percent(current.okPages, current.pages)!;
    if (previousRate - currentRate < SITE_HEALTH_DROP_POINTS) continue;
    drops.push({ site, pageKind, previousPages: previous.pages, previousRate, currentPages: current.pages, currentRate });
  }
  drops.sort((a, b) => byText(a.site, b.site) || byText(a.pageKind, b.pageKind));

  return { from: query.from, to: query.to, rows, trend: [...perDay.values()], drops };
}

/** The report computed in memory from the events themselves. */
export function computeSiteHealth(events: readonly SiteHealthEvent[], query: SiteHealthQuery): SiteHealthReport {
  const groups = new Map<string, SiteHealthGroup>();
  const windows = new Map<string, SiteHealthWindow>();
  const { previousFrom, currentFrom, to } = siteHealthWindows(query.to);
  for (const e of events) {
    const pageFailed = e.check === 'page' && e.failed.length > 0;
    if (e.day >= query.from && e.day <= query.to) {
      const key = [e.day, e.site, e.pageKind, e.version].join('\u0000');
      const g = groups.get(key) ?? {
        day: e.day,
        site: e.site,
        pageKind: e.pageKind,
        version: e.version,
        pages: 0,
        contextFailed: 0,
        editorPages: 0,
        editorFailed: 0,
        failedPages: 0,
        insertFailures: 0,
      };
      if (e.check === 'page') {
        g.pages += 1;
        if (e.failed.includes('context')) g.contextFailed += 1;
        if (e.editorExpected) g.editorPages += 1;
        if (e.failed.includes('editor')) g.editorFailed += 1;
        if (pageFailed) g.failedPages += 1;
      } else if (e.failed.includes('insert')) {
        g.insertFailures += 1;
      }
      groups.set(key, g);
    }
    if (e.check === 'page' && e.day >= previousFrom && e.day <= to) {
      const window = e.day >= currentFrom ? 'current' : 'previous';
      const key = [e.site, e.pageKind, window].join('\u0000');
      const w = windows.get(key) ?? { site: e.site, pageKind: e.pageKind, window, pages: 0, okPages: 0 };
      w.pages += 1;
      if (!pageFailed) w.okPages += 1;
      windows.set(key, w);
    }
  }
  return shapeSiteHealth(query, [...groups.values()], [...windows.values()]);
}
