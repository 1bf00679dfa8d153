import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect, test } from 'vitest';
import { closeAllPages, openFixture } from '../fixtures/serve';
import { launchExtension, type ExtensionSession } from './support/extension';
import { PROFILE, pressPaletteCommand, setProfile, usageEvents, waitForLibrary } from './support/keyboard';

/*
 * The quick palette, opened with its keyboard command (Alt+Shift+K, pressed through Chromium's
 * own keyboard handling; see pressPaletteCommand) over the editor the rep is in.
 */

let session: ExtensionSession;
beforeAll(async () => {
  session = await launchExtension();
  await waitForLibrary(session);
  await setProfile(session, PROFILE);
});
afterEach(async () => {
  await closeAllPages(session);
});
afterAll(async () => {
  await session?.close();
});

function palette(page: Page) {
  const dialog = page.getByRole('dialog', { name: 'Quiver' });
  const results = dialog.getByRole('listbox', { name: 'Quiver results' });
  return {
    dialog,
    search: dialog.getByRole('combobox', { name: 'Search content' }),
    results,
    options: results.getByRole('option'),
    selected: results.locator('[role="option"][aria-selected="true"]'),
    status: dialog.getByRole('status'),
  };
}

/** Opens the palette with the keyboard and waits until it lists the library. */
async function openPalette(page: Page) {
  const p = palette(page);
  await pressPaletteCommand(session, page);
  await p.search.waitFor({ timeout: 10_000 });
  await expect.poll(() => p.options.count()).toBeGreaterThan(0);
  return p;
}

/** Types a query and waits until the first result is the expected one. */
async function searchFor(page: Page, p: ReturnType<typeof palette>, query: string, first: RegExp) {
  await p.search.fill('');
  await page.keyboard.type(query, { delay: 10 });
  await expect.poll(() => p.options.first().textContent(), { timeout: 5000 }).toMatch(first);
}

const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');

test('Gmail: the palette opens over the compose, typing filters, arrows move, Enter inserts there', async () => {
  const gmail = await openFixture(session, 'gmail-inbox-compose.html');
  const body = gmail.locator('[id=":tn"]');
  await gmail.locator('[id=":tn"] > div').first().click();
  const p = await openPalette(gmail);

  // Over the compose the rep is in, with the search box focused.
  const box = (await p.dialog.boundingBox())!;
  const compose = (await gmail.locator('#compose-2').boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(compose.x - 1);
  expect(box.x).toBeLessThan(compose.x + compose.width);
  expect(await p.search.evaluate((el) => el === (el.getRootNode() as ShadowRoot).activeElement)).toBe(true);

  const unfiltered = await p.options.allTextContents();
  await searchFor(gmail, p, 'demo follow', /^Demo follow-up with next steps/);
  expect(await p.options.allTextContents()).not.toEqual(unfiltered);
  // Down and back up: the highlight follows the arrows.
  await expect.poll(() => p.selected.textContent()).toMatch(/^Demo follow-up/);
  if ((await p.options.count()) > 1) {
    await gmail.keyboard.press('ArrowDown');
    expect(await p.options.nth(1).getAttribute('aria-selected')).toBe('true');
    await gmail.keyboard.press('ArrowUp');
  }
  expect(await p.options.first().getAttribute('aria-selected')).toBe('true');
  await gmail.keyboard.press('Enter');

  await expect.poll(() => body.innerText()).toMatch(/^Hi Priya,\s+Thanks for the time today/);
  expect(await body.innerText()).toMatch(/Best,\s+Maria Lopez\s+Account Executive/);
  expect(await gmail.locator('#compose-2 input[name="subjectbox"]').inputValue()).toBe('Routewise demo: recap and next steps for Brightcart');
  expect(await p.dialog.isVisible()).toBe(false);
  expect(await focusedId(gmail)).toBe(':tn');
  expect(await gmail.locator('[id=":qn"]').innerText()).not.toContain('Thanks for the time today');
  await expect.poll(async () => (await usageEvents(session)).filter((e) => e.kind === 'insert' && e.contentId === 'demo-follow-up').length).toBe(1);
  const event = (await usageEvents(session)).find((e) => e.kind === 'insert' && e.contentId === 'demo-follow-up')!;
  expect(event.site).toBe('gmail');
  expect(event.timeToContentMs).toBeGreaterThan(0);
});

test('Escape closes the palette and gives the editor back its focus and caret', async () => {
  const gmail = await openFixture(session, 'gmail-inbox-compose.html');
  // A page whose CSS would restyle anything it reaches.
  await gmail.addStyleTag({ content: 'body * { font-size: 40px !important; color: rgb(255, 0, 0) !important; }' });
  await gmail.locator('[id=":qn"] div', { hasText: 'Thanks for your time on Tuesday.' }).click();
  await gmail.keyboard.press('End');
  const p = await openPalette(gmail);
  // The host page's CSS does not reach into the palette.
  const look = await p.options.first().evaluate((el) => ({ size: getComputedStyle(el).fontSize, color: getComputedStyle(el).color }));
  expect(look).not.toEqual({ size: '40px', color: 'rgb(255, 0, 0)' });
  expect(look.size).toBe('14px');
  await gmail.keyboard.type('roi', { delay: 10 });
  await gmail.keyboard.press('Escape');

  expect(await p.dialog.isVisible()).toBe(false);
  expect(await focusedId(gmail)).toBe(':qn');
  await gmail.keyboard.type(' See you soon.');
  expect(await gmail.locator('[id=":qn"]').innerText()).toMatch(/^Hi Dana,\s+Thanks for your time on Tuesday\. See you soon\.\s/);
});

test('LinkedIn: the palette inserts into the message box as plain text', async () => {
  const linkedin = await openFixture(session, 'linkedin-messaging.html');
  const box = linkedin.locator('.msg-form__contenteditable');
  await box.click();
  const p = await openPalette(linkedin);
  await searchFor(linkedin, p, 'connection note', /^LinkedIn connection note/);
  await linkedin.keyboard.press('Enter');
  await expect.poll(() => box.innerText()).toMatch(/^Hi Dana — I work with operations leaders/);
  expect(await box.innerText()).toContain('Northwind Logistics seems to be growing');
  expect(await linkedin.locator('.msg-form__send-button').isEnabled()).toBe(true);
});

test('the expired Q3 promotion is listed as expired with its owner, and Enter does not insert it', async () => {
  const gmail = await openFixture(session, 'gmail-inbox-compose.html');
  const body = gmail.locator('[id=":tn"]');
  await gmail.locator('[id=":tn"] > div').first().click();
  const before = await body.innerHTML();
  const p = await openPalette(gmail);
  await searchFor(gmail, p, 'Q3 2026 promotion', /^Q3 2026 promotion/);

  const expired = p.options.first();
  expect(await expired.getAttribute('aria-disabled')).toBe('true');
  expect(await expired.textContent()).toMatch(/Expired/);
  expect(await expired.textContent()).toMatch(/Ask aisha\.okafor@routewise\.example for a current version/);
  await gmail.keyboard.press('Enter');

  await expect.poll(() => p.status.textContent()).toMatch(/Expired on 2026-09-30.*aisha\.okafor@routewise\.example/);
  // Still open, nothing went into the compose, nothing was recorded as sent.
  expect(await p.dialog.isVisible()).toBe(true);
  expect(await body.innerHTML()).toBe(before);
  expect((await usageEvents(session)).some((e) => e.contentId === 'q3-2026-promo-first-year-discount')).toBe(false);
});

test('a stale item shows a Stale badge and its owner, and can still be inserted', async () => {
  const hs = await openFixture(session, 'hubspot-deal.html');
  const note = hs.locator('[data-test-id="note-body"]');
  await note.locator('p').first().click();
  await hs.keyboard.press('End');
  const p = await openPalette(hs);
  await searchFor(hs, p, 'TrackHive battlecard', /TrackHive/);
  const stale = p.options.first();
  expect(await stale.locator('.badge').textContent()).toBe('Stale');
  expect(await stale.textContent()).toMatch(/Owner: aisha\.okafor@routewise\.example/);
  expect(await stale.getAttribute('aria-disabled')).toBeNull();
  await hs.keyboard.press('Enter');
  await expect.poll(() => note.innerText()).toMatch(/^Call notes: .*TrackHive/s);
});

test('the palette follows the system’s dark mode', async () => {
  const gmail = await openFixture(session, 'gmail-inbox-compose.html');
  await gmail.locator('[id=":tn"] > div').first().click();
  const background = async () => (await openPalette(gmail)).dialog.evaluate((el) => getComputedStyle(el).backgroundColor);
  await gmail.emulateMedia({ colorScheme: 'light' });
  expect(await background()).toBe('rgb(255, 255, 255)');
  await gmail.keyboard.press('Escape');
  await gmail.emulateMedia({ colorScheme: 'dark' });
  expect(await background()).toBe('rgb(29, 34, 48)');
});

test('Salesforce: the palette, drawn in the top page, inserts into CKEditor two frames down', async () => {
  const sf = await openFixture(session, 'salesforce-opportunity.html');
  await expect.poll(() => sf.locator('#activity-composer').getAttribute('data-editor-ready')).toBe('true');
  const body = sf.frameLocator('#email-body-frame').frameLocator('iframe.cke_wysiwyg_frame').locator('body');
  await body.click();
  const p = await openPalette(sf);
  // Placed at the editor, which sits inside the frames.
  const box = (await p.dialog.boundingBox())!;
  const frame = (await sf.locator('#email-body-frame').boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(frame.x - 1);
  expect(box.x).toBeLessThan(frame.x + frame.width);
  await searchFor(sf, p, 'proposal follow-up', /^Proposal follow-up/);
  await sf.keyboard.press('Enter');
  await expect.poll(() => body.innerText()).toMatch(/^Hi Dana,\s+Following up on the proposal for Northwind Fleet Expansion/);
  expect(await sf.locator('#subject-input-93').inputValue()).toBe('Northwind Fleet Expansion: following up on the proposal');
});

test('the command does nothing on a site Quiver does not serve', async () => {
  await session.context.route('https://www.example.com/**', (route) =>
    route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>Elsewhere</title><textarea aria-label="Notes"></textarea>' }),
  );
  const elsewhere = await session.context.newPage();
  await elsewhere.goto('https://www.example.com/notes');
  await elsewhere.getByRole('textbox', { name: 'Notes' }).click();
  await pressPaletteCommand(session, elsewhere);
  // A second press on a supported page is handled after the first one.
  const gmail = await openFixture(session, 'gmail-inbox-compose.html');
  await gmail.locator('[id=":tn"] > div').first().click();
  await openPalette(gmail);
  expect(await elsewhere.locator('quiver-palette').count()).toBe(0);
  expect(await elsewhere.evaluate(() => document.documentElement.outerHTML)).not.toMatch(/quiver/i);
});

test('the palette may be injected wherever the content script runs, and nowhere else', async () => {
  const manifest = await session.worker.evaluate(() =>
    (
      globalThis as unknown as { chrome: { runtime: { getManifest(): { host_permissions?: string[]; content_scripts?: { matches: string[] }[] } } } }
    ).chrome.runtime.getManifest(),
  );
  // A host permission is a whole origin: the origins the content scripts run on, no more.
  const origins = new Set(manifest.content_scripts!.flatMap((s) => s.matches).map((m) => m.replace(/^(https:\/\/[^/]+)\/.*$/, '$1/*')));
  expect([...(manifest.host_permissions ?? [])].sort()).toEqual([...origins].sort());
});
