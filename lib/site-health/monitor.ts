import { getMeta, setMeta, type QuiverDb } from '../db';
import { enqueueEvents } from '../events/outbox';
import type { PageContext, PageKind, Site } from '../schema/page-context';
import type { SiteHealthProbe } from '../schema/site-health';
import { probePage } from './probe';
import { siteHealthEvent } from './record';

/*
 * One site-health check per page a rep opens, judged on everything the page showed while it
 * was open: a message box that appears a moment after the page loads counts as found. The
 * page being checked in each tab is kept in the extension's database (the worker may be
 * stopped at any time) and becomes an event in the outbox, once, when the tab moves to
 * another page or closes, or when the outbox is uploaded; the same page seen again later adds
 * nothing. Only the site, the kind of page and the probes leave the tab's record: the page's
 * address is kept as a hash, to tell one page from the next.
 */

export interface PendingPage {
  /** Site, page kind and a hash of the address. */
  key: string;
  site: Site;
  pageKind: PageKind;
  editorExpected: boolean;
  contextFound: boolean;
  editorFound: boolean;
  /** Already queued: later reads of the same page add nothing. */
  reported: boolean;
}

/** Per tab id. */
export type PendingPages = Record<string, PendingPage>;

/** FNV-1a: enough to tell two addresses apart, and no address kept. */
function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(36);
}

function failedOf(page: PendingPage): SiteHealthProbe[] {
  const failed: SiteHealthProbe[] = [];
  if (!page.contextFound) failed.push('context');
  if (page.editorExpected && !page.editorFound) failed.push('editor');
  return failed;
}

function eventOf(page: PendingPage, now: Date) {
  return siteHealthEvent({ site: page.site, pageKind: page.pageKind, check: 'page', editorExpected: page.editorExpected, failed: failedOf(page) }, { now });
}

export class SiteHealthMonitor {
  /** The last state written per tab, so an unchanged read costs no write. */
  private readonly written = new Map<number, string>();

  constructor(
    private readonly db: QuiverDb,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** The content script of a tab read its page (again). */
  async seen(tabId: number, context: PageContext): Promise<void> {
    const probe = probePage(context);
    const key = probe ? `${context.site}|${context.pageKind}|${hash(context.url)}` : null;
    const cached = this.written.get(tabId);
    if (cached !== undefined && key !== null && cached === `${key}|${JSON.stringify(probe)}`) return;
    await this.db.transaction('rw', this.db.outbox, this.db.meta, async () => {
      const pages = (await getMeta(this.db, 'siteHealthPages')) ?? {};
      const current = pages[tabId];
      if (current && current.key === key) {
        if (!current.reported) {
          current.editorExpected ||= probe!.editorExpected;
          current.contextFound ||= !probe!.failed.includes('context');
          current.editorFound ||= probe!.editorExpected && !probe!.failed.includes('editor');
        }
      } else {
        if (current && !current.reported) await enqueueEvents(this.db, [eventOf(current, this.now())]);
        if (probe) {
          pages[tabId] = {
            key: key!,
            site: context.site!,
            pageKind: context.pageKind,
            editorExpected: probe.editorExpected,
            contextFound: !probe.failed.includes('context'),
            editorFound: probe.editorExpected && !probe.failed.includes('editor'),
            reported: false,
          };
        } else delete pages[tabId];
      }
      await setMeta(this.db, 'siteHealthPages', pages);
    });
    if (key !== null) this.written.set(tabId, `${key}|${JSON.stringify(probe)}`);
    else this.written.delete(tabId);
  }

  /** The tab closed: its page is judged now. */
  async closed(tabId: number): Promise<void> {
    this.written.delete(tabId);
    await this.db.transaction('rw', this.db.outbox, this.db.meta, async () => {
      const pages = (await getMeta(this.db, 'siteHealthPages')) ?? {};
      const current = pages[tabId];
      if (!current) return;
      if (!current.reported) await enqueueEvents(this.db, [eventOf(current, this.now())]);
      delete pages[tabId];
      await setMeta(this.db, 'siteHealthPages', pages);
    });
  }

  /** Before an upload: every page not yet queued goes into the outbox, once. */
  async flush(): Promise<number> {
    return this.db.transaction('rw', this.db.outbox, this.db.meta, async () => {
      const pages = (await getMeta(this.db, 'siteHealthPages')) ?? {};
      const due = Object.values(pages).filter((p) => !p.reported);
      if (due.length === 0) return 0;
      await enqueueEvents(
        this.db,
        due.map((p) => eventOf(p, this.now())),
      );
      for (const p of due) p.reported = true;
      await setMeta(this.db, 'siteHealthPages', pages);
      return due.length;
    });
  }
}
