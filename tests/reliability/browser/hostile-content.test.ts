import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { isTemplateType, type ContentItem } from '../../../lib/schema/content';
import { openFixture, openPanel } from '../../fixtures/serve';
import { pressPaletteCommand } from '../../e2e/support/keyboard';
import { startTestServer, type TestServer } from '../../server/support/test-server';
import { connect, waitForSynced } from '../support/browser-server';
import { armSentinel, dangerousMarkup, readTripwires, watchEvilRequests, type Tripwires } from '../support/browser-sentinel';
import { launchAttackSession, type AttackSession } from '../support/browser-session';
import { hostileLibrary, javascriptUrlItem, XSS_MARK } from '../support/browser-xss-library';
import { XSS_PAYLOADS } from '../support/browser-xss-payloads';
import { recordFigures, type Figure } from '../support/figures';

/*
 * Item 2: a library whose titles, summaries, subjects and bodies carry XSS payloads, served by
 * a real server and synced through the options page, then shown everywhere Quiver shows
 * content — side panel (results, previews, suggestions), dashboard (top content, never used,
 * searches with no results), the in-page palette — and inserted into a Gmail page. A payload
 * that runs calls the page's sentinel, sets its title or loads from evil.test. Extension pages'
 * CSP would block inline script anyway, so there the DOM itself is checked too: no dangerous
 * markup may be in it at all, and the page must report no CSP violation.
 */

let server: TestServer;
let session: AttackSession;
let library: ContentItem[];
let evil: string[];
let gmail: Page;
let panel: Page;
let managerToken: string;
const figures: Figure[] = [];
// Shares no word with the library, so it finds nothing; on a page it would be a live handler.
const HOSTILE_QUERY = '<marquee onstart=top.alarm(7) loop=1>zqj</marquee>';
/** All but the last two: those stay unused, for the dashboard's Never used list. */
let inserted: ContentItem[];

beforeAll(async () => {
  server = await startTestServer();
  library = hostileLibrary();
  inserted = library.slice(0, -2);
  await server.setLibrary('demo', [...library, javascriptUrlItem()]);
  const repToken = await server.tokenFor('demo', 'sam.carter@routewise.example', 'rep');
  managerToken = await server.tokenFor('demo', 'lena.sato@routewise.example', 'manager');
  session = await launchAttackSession();
  evil = await watchEvilRequests(session.context);
  await connect(session.seat, server, repToken);
  const status = await waitForSynced(session.seat, library.length);
  // The item with a javascript: link never reached the cache: refused and reported.
  const refused = Number(/(\d+) items from the server were skipped/.exec(status)?.[1] ?? 0);
  figures.push({ item: '2', name: 'items refused for a link that is not http(s) (reported as skipped)', value: refused, atLeast: 1, atMost: 1 });
  expect(refused).toBe(1);

  gmail = await openFixture(session, 'gmail-thread-reply.html');
  await armSentinel(gmail);
  ({ page: panel } = await openPanel(session, gmail));
  await armSentinel(panel);
});
afterAll(async () => {
  recordFigures(figures);
  await session?.close();
  await server?.dispose();
});

/** What a surface let through: payloads that ran or loaded, dangerous markup, CSP reports. */
function judgeSurface(surface: string, tripped: Tripwires, markup: string[]) {
  const ran = tripped.ran.length + (tripped.title ? 1 : 0);
  figures.push(
    { item: '2', name: `${surface} · payloads that ran or loaded from evil.test`, value: ran + evil.length, atLeast: 0, atMost: 0 },
    { item: '2', name: `${surface} · dangerous markup left in the DOM`, value: markup.length, atLeast: 0, atMost: 0 },
    { item: '2', name: `${surface} · CSP violations (markup the sanitiser let through)`, value: tripped.cspViolations.length, atLeast: 0, atMost: 0 },
  );
  expect({ ran: tripped.ran, title: tripped.title, evil, markup, csp: tripped.cspViolations }).toEqual({ ran: [], title: null, evil: [], markup: [], csp: [] });
}

const editor = () => gmail.locator('[g_editable="true"]');
const clearEditor = () => editor().evaluate((el) => (el.innerHTML = '<div><br></div>'));

describe('hostile content never runs', () => {
  test('the corpus holds every kind of attack', () => {
    const kinds = new Set(XSS_PAYLOADS.map((p) => p.kind));
    expect([...kinds].sort()).toEqual(['css', 'embed', 'event-handler', 'javascript-url', 'mutation-xss', 'script', 'svg-mathml']);
    figures.push({
      item: '2',
      name: 'XSS payloads (script, handlers, javascript:, SVG/MathML, CSS, mutation XSS, embeds) × title, summary, subject, body',
      value: XSS_PAYLOADS.length,
      atLeast: 25,
    });
  });

  test('side panel: suggestions, results and every preview show the payloads as text', async () => {
    // Suggestions first (nothing typed): every hostile item is in every stage. The markup is
    // read while they are on screen, since a typed query hides them.
    const suggested = panel.getByRole('list', { name: 'Suggested' });
    await suggested.getByRole('listitem').first().waitFor({ timeout: 20_000 });
    expect(await suggested.locator('li[data-id^="xss-"]').count()).toBeGreaterThan(0);
    const markup = await dangerousMarkup(panel, '.suggested');
    await panel.getByRole('searchbox', { name: 'Search content' }).fill(XSS_MARK);
    const results = panel.getByRole('list', { name: 'Results' });
    await expect.poll(() => results.locator('li.result').count(), { timeout: 20_000 }).toBe(library.length);
    // Every hostile result rendered, read as a whole list.
    markup.push(...(await dangerousMarkup(panel, '.results')));
    for (const item of library) {
      const row = results.locator(`li[data-id="${item.id}"]`);
      // Shown as the text it is: the markup is visible to the rep, not interpreted.
      expect(await row.locator('.result-title').innerText()).toBe(item.title);
      await row.locator('.result-title').click();
      await row.getByRole('region', { name: 'Preview' }).waitFor();
      // The body was rendered (what follows an unclosed payload may rightly be dropped with it).
      await expect.poll(() => row.locator('.preview-body').innerText()).toMatch(/^Hi ⟨First name \| there⟩,/);
      // The open preview (subject, body through the sanitiser) read while it is shown.
      markup.push(...(await dangerousMarkup(panel, `.results li[data-id="${item.id}"] .preview`)));
    }
    // A rep searching for the payload itself: a content gap the dashboard will list.
    await panel.getByRole('searchbox', { name: 'Search content' }).fill(HOSTILE_QUERY);
    await panel.getByText(/^Nothing matches/).waitFor();
    await panel.waitForTimeout(1500);
    judgeSurface('side panel (results, previews, suggestions)', await readTripwires(panel), markup);
  });

  test('host page: items inserted from the panel into Gmail arrive sanitised, and nothing runs', async () => {
    await panel.getByRole('searchbox', { name: 'Search content' }).fill(XSS_MARK);
    const results = panel.getByRole('list', { name: 'Results' });
    for (const item of inserted) {
      await clearEditor();
      await results.locator(`li[data-id="${item.id}"]`).getByRole('button', { name: 'Insert' }).click();
      // Really inserted: a template's body (its greeting filled from the page), an asset's title.
      await expect.poll(() => editor().innerText()).toContain(isTemplateType(item.type) ? 'Hi Dana,' : item.title);
      expect(await dangerousMarkup(gmail, '[g_editable="true"]'), `what ${item.id} left in the page`).toEqual([]);
    }
    judgeSurface('Gmail page after Insert from the panel', await readTripwires(gmail), await dangerousMarkup(gmail, '[g_editable="true"]'));
  });

  test('in-page palette: results list the payloads as text, and Enter inserts one sanitised', async () => {
    await clearEditor();
    await gmail.bringToFront();
    await editor().click();
    await pressPaletteCommand(session, gmail);
    const dialog = gmail.getByRole('dialog', { name: 'Quiver' });
    const box = dialog.getByRole('combobox', { name: 'Search content' });
    await box.waitFor({ timeout: 10_000 });
    await gmail.keyboard.type(`${XSS_MARK} 01`, { delay: 10 });
    await expect.poll(() => dialog.getByRole('option').first().textContent(), { timeout: 10_000 }).toContain(library[0]!.title);
    await box.fill(XSS_MARK);
    await expect.poll(() => dialog.getByRole('option').count(), { timeout: 10_000 }).toBeGreaterThan(10);
    const listed = await dangerousMarkup(gmail, '[role="listbox"]', 'quiver-palette');
    await box.fill(`${XSS_MARK} 01`);
    await expect.poll(() => dialog.getByRole('option').first().textContent(), { timeout: 10_000 }).toContain(library[0]!.title);
    await gmail.keyboard.press('Enter');
    await expect.poll(() => editor().innerText()).toContain('Hi Dana,');
    expect(listed).toEqual([]);
    judgeSurface('in-page palette and its insert', await readTripwires(gmail), [...listed, ...(await dangerousMarkup(gmail, '[g_editable="true"]'))]);
  });

  test('dashboard: top content, never used and searches with no results show the payloads as text', async () => {
    // The rep's inserts and the hostile search go up; a manager opens the dashboard.
    await session.seat.bringToFront();
    await session.seat.getByRole('button', { name: 'Sync now' }).click();
    await expect
      .poll(
        async () =>
          Number(
            (
              await server.db
                .selectFrom('usage_events')
                .select((eb) => eb.fn.countAll().as('n'))
                .executeTakeFirst()
            )?.n ?? 0,
          ),
        { timeout: 20_000 },
      )
      .toBeGreaterThanOrEqual(library.length);
    await connect(session.seat, server, managerToken);
    const dashboard = await session.openPage('dashboard.html');
    await armSentinel(dashboard);
    await expect.poll(() => dashboard.getByText(`Team figures from ${server.url}`).count(), { timeout: 20_000 }).toBe(1);
    const section = (heading: string) => dashboard.locator('section', { has: dashboard.getByRole('heading', { name: heading }) });
    await expect.poll(() => section('Top content').innerText(), { timeout: 20_000 }).toContain(library[0]!.title);
    expect(await section('Searches with no results').innerText()).toContain(HOSTILE_QUERY);
    const neverUsed = await section('Never used').innerText();
    for (const item of library.slice(-2)) expect(neverUsed).toContain(item.title);
    judgeSurface('dashboard', await readTripwires(dashboard), await dangerousMarkup(dashboard, 'section table'));
  });
});
