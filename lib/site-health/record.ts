import { browser } from 'wxt/browser';
import type { QuiverDb } from '../db';
import { enqueueEvents } from '../events/outbox';
import type { PageKind, Site } from '../schema/page-context';
import { SITE_HEALTH_KIND, type SiteHealthEvent, type SiteHealthProbe } from '../schema/site-health';

/** The extension's version as the manifest gives it; a test build may have none. */
export function extensionVersion(): string {
  try {
    return browser.runtime.getManifest().version || '0.0.0';
  } catch {
    return '0.0.0';
  }
}

/**
 * The browser and its major version from a user agent: `chrome 131`, `edge 131`, `opera 115`,
 * `firefox 140`, else `other 0`. Nothing else of the user agent leaves the browser.
 */
export function browserVersion(userAgent: string = globalThis.navigator?.userAgent ?? ''): string {
  for (const [name, pattern] of [
    ['edge', /\bEdg(?:e|A|iOS)?\/(\d{1,4})/],
    ['opera', /\bOPR\/(\d{1,4})/],
    ['firefox', /\bFirefox\/(\d{1,4})/],
    ['chrome', /\b(?:Chrome|Chromium|CriOS)\/(\d{1,4})/],
  ] as const) {
    const m = pattern.exec(userAgent);
    if (m) return `${name} ${Number(m[1])}`;
  }
  return 'other 0';
}

export interface CheckInput {
  site: Site;
  pageKind: PageKind;
  check: SiteHealthEvent['check'];
  editorExpected: boolean;
  failed: SiteHealthProbe[];
}

/** A site-health event: the check, the UTC day and the versions, and nothing else. */
export function siteHealthEvent(input: CheckInput, { now = new Date(), version = extensionVersion(), agent = browserVersion() } = {}): SiteHealthEvent {
  return {
    id: crypto.randomUUID(),
    kind: SITE_HEALTH_KIND,
    day: now.toISOString().slice(0, 10),
    site: input.site,
    pageKind: input.pageKind,
    version,
    browser: agent,
    check: input.check,
    editorExpected: input.editorExpected,
    failed: [...input.failed],
  };
}

/** Queues an Insert that did not take, for the site-health report. */
export async function recordInsertFailure(db: QuiverDb, site: Site, pageKind: PageKind, now = new Date()): Promise<void> {
  await enqueueEvents(db, [siteHealthEvent({ site, pageKind, check: 'insert', editorExpected: false, failed: ['insert'] }, { now })]);
}
