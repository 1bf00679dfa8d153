import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { QuiverDb } from '../../../lib/db';
import { uploadOutbox } from '../../../lib/events/upload';
import type { PageContext } from '../../../lib/schema/page-context';
import { siteHealthEventSchema, type SiteHealthEvent } from '../../../lib/schema/site-health';
import { SiteHealthMonitor } from '../../../lib/site-health/monitor';
import { probePage } from '../../../lib/site-health/probe';
import { browserVersion, siteHealthEvent } from '../../../lib/site-health/record';
import { readPageContext } from '../../../lib/sites/page';
import { fixtureHtml, loadPage } from '../sites/load-fixture';
import { adapterFor } from '../sites/site-adapters';

/*
 * The site-health probes on saved pages of the supported sites: read in full, nothing fails;
 * with the part a probe looks for removed (as a redesign would remove it), that probe fails,
 * and only that one.
 */

/** Removes every match of the selectors, in the page, its shadow roots and its frames. */
function strip(root: Document | ShadowRoot, selectors: string[]): number {
  let removed = 0;
  for (const el of root.querySelectorAll(selectors.join(', '))) {
    el.remove();
    removed += 1;
  }
  for (const el of root.querySelectorAll('*')) {
    if (el.shadowRoot) removed += strip(el.shadowRoot, selectors);
    const frameDoc = (el as HTMLIFrameElement).contentDocument;
    if (el.localName === 'iframe' && frameDoc) removed += strip(frameDoc, selectors);
  }
  return removed;
}

async function contextOf(fixture: string, remove: string[] = []): Promise<PageContext> {
  const html = fixtureHtml(fixture);
  const url = /Real URL: (\S+)/.exec(html)![1]!;
  const { document, window } = await loadPage(html, url);
  try {
    if (remove.length > 0) expect(strip(document, remove), `nothing to remove in ${fixture}`).toBeGreaterThan(0);
    return readPageContext(adapterFor(url), document, url);
  } finally {
    window.close();
  }
}

const EDITORS = ['[contenteditable]', 'textarea', 'iframe'];

const cases: { fixture: string; remove: string[]; failed: string[]; editorExpected: boolean }[] = [
  { fixture: 'outlook-popout-compose.html', remove: EDITORS, failed: ['context', 'editor'], editorExpected: true },
  { fixture: 'gmail-thread-reply.html', remove: EDITORS, failed: ['editor'], editorExpected: true },
  { fixture: 'outlook-thread-reply.html', remove: EDITORS, failed: ['editor'], editorExpected: true },
  { fixture: 'linkedin-messaging.html', remove: EDITORS, failed: ['context', 'editor'], editorExpected: true },
  {
    fixture: 'salesforce-opportunity.html',
    remove: ['.slds-path', '[data-target-selection-name$=".StageName"]', 'records-record-layout-item', '.slds-form-element'],
    failed: ['context'],
    editorExpected: false,
  },
  {
    fixture: 'hubspot-deal.html',
    remove: [
      '[data-selenium-test*="dealstage"]',
      '[data-selenium-test="deal-stage-highlight"]',
      '[data-test-id*="dealstage"]',
      '[data-selenium-test*="property-input"]',
    ],
    failed: ['context'],
    editorExpected: false,
  },
];

describe('the site-health probes on saved pages', () => {
  it.each(cases)('$fixture read in full passes every probe', async ({ fixture }) => {
    const probe = probePage(await contextOf(fixture));
    expect(probe).not.toBeNull();
    expect(probe!.failed).toEqual([]);
  });

  it.each(cases)('$fixture without $remove fails $failed', async ({ fixture, remove, failed, editorExpected }) => {
    const probe = probePage(await contextOf(fixture, remove));
    expect(probe).toEqual({ editorExpected, failed });
  });

  it('judges nothing on a page no adapter recognises, or an inbox', async () => {
    expect(probePage(await contextOf('hubspot-dashboard-unrecognised.html'))).toBeNull();
    expect(probePage({ site: 'gmail', supported: true, pageKind: 'inbox', url: 'https://mail.google.com/mail/u/0/#inbox', editor: null })).toBeNull();
  });
});

describe('the background monitor', () => {
  let db: QuiverDb;
  const today = new Date('2026-03-04T10:00:00Z');
  const compose = (editor: boolean, url = 'https://outlook.office.com/mail/deeplink/compose?id=1'): PageContext => ({
    site: 'outlook',
    supported: true,
    pageKind: 'compose',
    url,
    recipients: [{ fullName: 'Dana Whitfield', email: 'dana@northwind-logistics.com' }],
    subject: 'Idea for Northwind',
    editor: editor ? { kind: 'rich', label: 'Message body' } : null,
  });
  const queued = async () => (await db.outbox.toArray()).map((r) => r.event as SiteHealthEvent);

  beforeEach(() => {
    fakeBrowser.reset();
    db = new QuiverDb(`site-health-${Math.random()}`);
  });
  afterEach(() => db.delete());

  it('queues one check per page, judged on all it showed, carrying no page content', async () => {
    const monitor = new SiteHealthMonitor(db, () => today);
    await monitor.seen(7, compose(false));
    await monitor.seen(7, compose(true)); // the message box rendered a moment later
    expect(await queued()).toEqual([]);
    expect(await monitor.flush()).toBe(1);
    await monitor.seen(7, compose(false)); // the same page read again adds nothing
    expect(await monitor.flush()).toBe(0);
    const [event, ...rest] = await queued();
    expect(rest).toEqual([]);
    expect(siteHealthEventSchema.parse(event)).toEqual({
      id: event!.id,
      kind: 'site_health',
      day: '2026-03-04',
      site: 'outlook',
      pageKind: 'compose',
      version: expect.stringMatching(/^\d/),
      // jsdom's user agent names no browser Quiver knows.
      browser: 'other 0',
      check: 'page',
      editorExpected: true,
      failed: [],
    });
    const stored = JSON.stringify(await db.outbox.toArray()) + JSON.stringify(await db.meta.toArray());
    for (const secret of ['Dana', 'northwind', 'Idea for', 'outlook.office.com', 'compose?id']) expect(stored).not.toContain(secret);
  });

  it('judges a page when its tab moves on or closes, and reports the missing message box', async () => {
    const monitor = new SiteHealthMonitor(db, () => today);
    await monitor.seen(3, compose(false));
    await monitor.seen(3, compose(true, 'https://outlook.office.com/mail/deeplink/compose?id=2'));
    expect((await queued()).map((e) => e.failed)).toEqual([['editor']]);
    await monitor.closed(3);
    expect((await queued()).map((e) => e.failed)).toEqual([['editor'], []]);
    // A worker restarted later finds nothing left to judge.
    expect(await new SiteHealthMonitor(db, () => today).flush()).toBe(0);
  });

  it('sends the checks with the usage events, to the same route', async () => {
    const monitor = new SiteHealthMonitor(db, () => today);
    await monitor.seen(1, compose(false));
    await monitor.flush();
    const sent: unknown[] = [];
    const client = { postEvents: async (events: unknown[]) => (sent.push(...events), { accepted: events.length, duplicates: 0, rejected: [] }) };
    const result = await uploadOutbox(db, client as never);
    expect(result).toMatchObject({ outcome: 'uploaded', sent: 1 });
    expect(sent).toMatchObject([{ kind: 'site_health', site: 'outlook', failed: ['editor'] }]);
  });
});

describe('the browser a check names', () => {
  it.each([
    ['Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.6778.86 Safari/537.36', 'chrome 131'],
    ['Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/142.0.0.0 Safari/537.36', 'chrome 142'],
    ['Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.2903.70', 'edge 131'],
    ['Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36 OPR/115.0.0.0', 'opera 115'],
    ['Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0', 'firefox 140'],
    ['curl/8.5.0', 'other 0'],
  ])('%s is %s, and nothing more of it', (userAgent, expected) => {
    expect(browserVersion(userAgent)).toBe(expected);
    const event = siteHealthEvent(
      { site: 'gmail', pageKind: 'compose', check: 'page', editorExpected: true, failed: [] },
      { agent: browserVersion(userAgent) },
    );
    expect(siteHealthEventSchema.parse(event).browser).toBe(expected);
  });

  it('refuses a whole user agent in place of a browser and version', () => {
    const event = siteHealthEvent(
      { site: 'gmail', pageKind: 'compose', check: 'page', editorExpected: true, failed: [] },
      { agent: 'Mozilla/5.0 (X11; Linux x86_64) Chrome/142.0.0.0' },
    );
    expect(siteHealthEventSchema.safeParse(event).success).toBe(false);
  });
});
