import { readFileSync } from 'node:fs';
import type { FrameLocator, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { PageContext } from '../../lib/schema/page-context';
import { fixtureUrl, openPanel, serveHtml, type Panel } from '../fixtures/serve';
import { SITE_CASES, type Place, type SiteCase } from '../fixtures/variants/cases';
import { variantsOf } from '../fixtures/variants/generate';
import type { Variant } from '../fixtures/variants/types';
import { launchExtension, type ExtensionSession } from './support/extension';
import { PROFILE, setProfile, waitForLibrary } from './support/keyboard';
import { result, waitForLibrary as waitForResults } from './support/panel';

/*
 * The in-context suite on every saved site page and every variant of it (tests/fixtures/
 * variants: a new build's names, an extra layer, Russian, German…, hidden duplicates moved),
 * in Chromium with the built extension, each served under the page's real URL: the Page
 * context is the saved page's (its own words in the variant's language), the side panel
 * names the prospect, Insert of a template puts their first name into the right editor, and
 * the page's own code hears it.
 *
 * One browser, one host tab and one side panel (bound to that tab) for the whole file: each
 * page loads in the same tab, and the panel follows it as it follows a rep's tab.
 */

const SNIPPET = 'Thank a customer for a referral';
/** Polls often: a hundred pages go through here, and the default back-off adds up. */
const OFTEN = { intervals: [50], timeout: 10_000 };

let session: ExtensionSession;
let host: Page;
let panel: Panel;

beforeAll(async () => {
  session = await launchExtension();
  await waitForLibrary(session);
  await setProfile(session, PROFILE);
  host = await session.context.newPage();
});
afterAll(async () => {
  await session?.close();
});

/** A place in the host page, through frames; its selectors rewritten for the variant. */
function locate(place: Place, sel: (s: string) => string): Locator {
  let scope: Page | FrameLocator = host;
  for (const frame of place.frames ?? []) scope = scope.frameLocator(sel(frame));
  return scope.locator(sel(place.selector)).first();
}

/** Loads a page (a variant, or the saved page itself) in the host tab and does what the rep did. */
async function visit(c: SiteCase, url: string, html: string, sel: (s: string) => string): Promise<void> {
  await serveHtml(session, url, html);
  await host.goto('about:blank');
  await host.goto(url);
  if (c.click) {
    await host.bringToFront();
    await locate(c.click, sel).click();
  }
  // The panel follows its tab: it asks the new page for its context once it has loaded.
  panel ??= await openPanel(session, host);
}

/** The context the tab's content script answers with, once it answers for this page. */
async function contextOf(url: string): Promise<PageContext> {
  let context: PageContext | undefined;
  await expect
    .poll(async () => {
      context = await panel.getContext().catch(() => undefined);
      return context?.url;
    }, OFTEN)
    .toBe(url);
  return context!;
}

/** Finds the snippet in the panel, whatever stage the panel preselected, and clicks its Insert. */
async function insertSnippet(): Promise<void> {
  const page = panel.page;
  const search = page.getByRole('searchbox', { name: 'Search content' });
  if ((await search.inputValue()) !== SNIPPET) {
    await waitForResults(page);
    await search.fill(SNIPPET);
  }
  const advocacy = page.getByRole('button', { name: 'Advocacy', exact: true });
  const item = result(page, SNIPPET);
  // The panel preselects the page's stage once it has the context: add Advocacy until it shows.
  await expect
    .poll(async () => {
      if ((await advocacy.getAttribute('aria-pressed')) !== 'true') await advocacy.click();
      return item.count();
    }, OFTEN)
    .toBe(1);
  await item.getByRole('button', { name: 'Insert' }).click();
}

/** The saved page's context as a variant shows it: its own words (an editor's label, a record type) translated. */
function translated(context: PageContext, v: Variant | null): PageContext {
  if (!v) return context;
  const out = structuredClone(context);
  if (out.editor) out.editor.label = v.word(out.editor.label);
  if (out.recordType) out.recordType = v.word(out.recordType);
  return out;
}

describe.each(SITE_CASES.map((c) => [c.fixture, c] as const))('%s', (fixture, c) => {
  const url = fixtureUrl(fixture);
  let original: PageContext;

  async function inContext(v: Variant | null, html: string): Promise<PageContext> {
    const sel = v?.sel ?? ((s: string) => s);
    await visit(c, url, html, sel);
    const context = await contextOf(url);
    const region = panel.page.getByRole('region', { name: 'Page context' });
    if (context.person?.fullName) await expect.poll(() => region.innerText(), OFTEN).toContain(context.person.fullName);

    if (!c.editor) {
      expect(await panel.insert({ html: '<p>x</p>', text: 'x' })).toEqual({ ok: false, reason: 'no-editor' });
      return context;
    }
    const noticed = locate(c.noticed!, sel);
    const before = Number((await noticed.getAttribute('data-input-events')) ?? 0);
    // The panel shows this page's prospect before anything is inserted from it.
    await expect.poll(() => region.innerText(), OFTEN).toContain(context.editor!.label);
    await insertSnippet();
    await expect.poll(() => panel.page.getByRole('status').innerText(), OFTEN).toBe(`Inserted “${SNIPPET}” into ${context.editor!.label}.`);
    const editor = locate(c.editor, sel);
    const greeting = `Thank you for the introduction, ${c.firstName} —`;
    await expect
      .poll(async () => await editor.evaluate((el) => ('value' in el ? (el as HTMLTextAreaElement).value : el.textContent) ?? ''), OFTEN)
      .toContain(greeting);
    // The page's own code heard it: the count its input listener keeps went up.
    await expect.poll(async () => Number(await noticed.getAttribute('data-input-events')), OFTEN).toBeGreaterThan(before);
    return context;
  }

  test('the saved page', async () => {
    original = await inContext(null, readFileSync(new URL(`../fixtures/${fixture}`, import.meta.url), 'utf8'));
    expect(original).toMatchObject(c.context);
  });

  test.each(variantsOf(fixture).map((v) => [v.kind, v] as const))('%s', async (_kind, v) => {
    expect(original, 'the saved page’s test ran first').toBeDefined();
    expect(await inContext(v, v.html)).toEqual(translated(original, v));
  });
});
