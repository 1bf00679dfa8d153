import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { closeAllPages, HOSTILE_HTML, openFixture, openPanel } from '../fixtures/serve';
import { launchExtension, type ExtensionSession } from './support/extension';
import { PROFILE, pressPaletteCommand, setProfile, usageEvents, waitForLibrary } from './support/keyboard';
import { result, waitForLibrary as waitForResults } from './support/panel';

/*
 * Outlook on the web, end to end in Chromium with the built extension, on the three saved pages:
 * a new message with a hidden draft and a read-only body before it, an inline Reply all in a
 * thread, and a popped-out compose. Each page's RoosterJS stand-in listens on the editor element
 * itself (and stops input there), takes Tab for indenting and keeps its own undo history.
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

const SELF = 'maria.lopez@quiver-demo.com';
const typeText = (page: Page, text: string) => page.keyboard.type(text, { delay: 25 });
const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');
const inputEvents = async (page: Page, id: string) => Number(await page.locator(`[id="${id}"]`).getAttribute('data-input-events'));
const html = (page: Page, selector: string) => page.locator(selector).evaluate((el) => el.outerHTML);

/** What must not change when Quiver inserts into the active compose: the other editors and the quoted parts. */
async function untouched(page: Page, selectors: string[]): Promise<() => Promise<void>> {
  const before = await Promise.all(selectors.map((s) => html(page, s)));
  return async () => {
    for (const [i, s] of selectors.entries()) expect(await html(page, s), s).toBe(before[i]);
  };
}

describe('a new message in the reading pane, another draft hidden before it', () => {
  async function open() {
    const page = await openFixture(session, 'outlook-new-compose.html');
    // The rep clicks into the new message's empty first line.
    await page.locator('#new-body > div').first().click();
    return page;
  }

  test('Page context and Insert follow the new message: first name in, subject filled, editor noticed, nothing else touched', async () => {
    const page = await open();
    const unchanged = await untouched(page, ['#draft-body-oliver', '#UniqueMessageBody_1', '#new-body #Signature', '#MSG_2b8e0a41c77_SUBJECT']);
    const panel = await openPanel(session, page);
    const context = await panel.getContext();
    expect(context).toMatchObject({
      site: 'outlook',
      pageKind: 'compose',
      isReply: false,
      person: { fullName: 'Priya Raman', firstName: 'Priya', email: 'priya.raman@brightcart.io' },
      company: 'Brightcart',
      editor: { kind: 'rich', label: 'Message body' },
    });
    expect(JSON.stringify(context)).not.toContain(SELF);

    const result = await panel.insert({
      html: `<p>Hi Priya,</p><p>Here is how Brightcart-size shops cut checkout drop-off.</p>${HOSTILE_HTML}`,
      text: 'Hi Priya,\n\nHere is how Brightcart-size shops cut checkout drop-off.',
      subject: 'Checkout drop-off: a case study',
    });
    expect(result).toEqual({ ok: true, editor: 'Message body', subjectFilled: true });
    const body = page.locator('#new-body');
    await expect.poll(() => body.innerText()).toMatch(/^Hi Priya,\s+Here is how Brightcart-size shops cut checkout drop-off\./);
    // Above the signature, where the caret was.
    expect(await body.innerText()).toMatch(/drop-off\.[\s\S]*Maria Lopez\s+Account Executive \| Quiver Demo/);
    expect(await page.locator('#MSG_7c4f1b2e9d3_SUBJECT').inputValue()).toBe('Checkout drop-off: a case study');
    // RoosterJS listens on the editor element itself, and heard it.
    expect(await inputEvents(page, 'new-body')).toBeGreaterThan(0);
    expect(await inputEvents(page, 'draft-body-oliver')).toBe(0);
    await unchanged();
    // Nothing in the payload ran or survived in the page.
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => (window as unknown as { __executed: string[] }).__executed)).toEqual([]);
    expect(await body.locator('img, script, a[href^="javascript"]').count()).toBe(0);
  });

  test('one Ctrl+Z, taken by the editor’s own undo, removes the insert and nothing the rep wrote', async () => {
    const page = await open();
    await typeText(page, 'Priya, quick one.');
    await page.keyboard.press('Enter');
    const body = page.locator('#new-body');
    const written = await body.evaluate((el) => el.innerHTML);
    const panel = await openPanel(session, page);
    expect(await panel.insert({ html: '<p>Here is the checkout case study.</p>', text: 'Here is the checkout case study.' })).toMatchObject({ ok: true });
    await expect.poll(() => body.innerText()).toMatch(/^Priya, quick one\.\s+Here is the checkout case study\./);
    await page.bringToFront();
    await page.keyboard.press('Control+z');
    await expect.poll(() => body.innerText()).not.toContain('checkout case study');
    // Exactly as the rep left it, the new line after "quick one." included.
    expect(await body.evaluate((el) => el.innerHTML)).toBe(written);
  });

  test('the Open Quiver button sits beside the visible compose’s Send, none in the hidden draft, and asks for the panel', async () => {
    const page = await openFixture(session, 'outlook-new-compose.html');
    const panel = await openPanel(session, page);
    const buttons = page.getByRole('button', { name: 'Open Quiver' });
    await expect.poll(() => buttons.count()).toBe(1);
    const next = await page.locator('#docking_InitVisiblePart_1 [data-testid="ComposeSendButton"]').evaluate((el) => el.nextElementSibling?.className);
    expect(next).toBe('quiver-button-host');
    expect(await page.locator('#docking_InitVisiblePart_0 .quiver-button-host').count()).toBe(0);
    await page.bringToFront();
    await buttons.click();
    await expect.poll(async () => (await panel.received()).some((m) => m.type === 'content->bg:open-panel')).toBe(true);
    // The button made the new message current: the caret is in its body.
    await expect.poll(() => focusedId(page)).toBe('new-body');
    expect((await panel.getContext()).person?.fullName).toBe('Priya Raman');
  });

  test(';intro + Tab becomes the cold intro with Priya’s name and company, the subject filled; Ctrl+Z brings the shortcut back', async () => {
    const page = await open();
    const unchanged = await untouched(page, ['#draft-body-oliver', '#MSG_2b8e0a41c77_SUBJECT']);
    await typeText(page, ';intro');
    await page.keyboard.press('Tab');
    const body = page.locator('#new-body');
    await expect.poll(() => body.innerText()).toMatch(/^Hi Priya,\s+Most distribution teams/);
    const text = await body.innerText();
    expect(text).not.toContain(';intro');
    // Tab went to the expansion, not to the editor's indenting.
    expect(text).not.toContain('\t');
    expect(text).toContain('customers similar to Brightcart');
    expect(text).toMatch(/Maria Lopez\s+Account Executive, Quiver Demo[\s\S]*Maria Lopez\s+Account Executive \| Quiver Demo/);
    expect(await page.locator('#MSG_7c4f1b2e9d3_SUBJECT').inputValue()).toBe('Empty miles at Brightcart');
    expect(await focusedId(page)).toBe('new-body');
    expect(await inputEvents(page, 'new-body')).toBeGreaterThan(0);
    expect(await inputEvents(page, 'draft-body-oliver')).toBe(0);
    await unchanged();
    await expect
      .poll(async () => (await usageEvents(session)).filter((e) => e.kind === 'expand_shortcut').map((e) => [e.contentId, e.site]))
      .toContainEqual(['cold-intro-empty-miles', 'outlook']);

    await page.keyboard.press('Control+z');
    await expect.poll(() => body.innerText()).toMatch(/^;intro\s/);
    expect(await body.innerText()).not.toContain('Most distribution teams');
  });

  test('in the panel: Page context names Priya at Brightcart in Outlook, suggestions are for a first email, Insert says where it went', async () => {
    const page = await open();
    const { page: panel } = await openPanel(session, page);
    const region = panel.getByRole('region', { name: 'Page context' });
    await expect.poll(() => region.innerText()).toContain('Priya Raman');
    expect(await region.innerText()).toContain('Brightcart');
    expect(await region.innerText()).toContain('Outlook');
    expect(await region.innerText()).toContain('Message body');
    expect(await region.innerText()).not.toContain('Dana');
    await panel.getByText('Awareness first — from a new email', { exact: true }).waitFor();
    const suggested = panel.getByRole('list', { name: 'Suggested' });
    await suggested.getByRole('listitem').first().waitFor();
    expect(await suggested.getByRole('listitem').first().locator('.reasons').innerText()).toContain('New email → Awareness');

    await waitForResults(panel);
    await panel.getByRole('searchbox', { name: 'Search content' }).fill('cold intro empty miles');
    await result(panel, /^Cold intro — empty miles and planning time/)
      .getByRole('button', { name: 'Insert' })
      .click();
    await expect
      .poll(() => panel.getByRole('status').innerText())
      .toBe('Inserted “Cold intro — empty miles and planning time” into Message body. The subject was filled too.');
    expect(await page.locator('#new-body').innerText()).toMatch(/^Hi Priya,/);
    expect(await page.locator('#draft-body-oliver').innerText()).not.toContain('Hi Priya');
  });
});

describe('an inline Reply all in a thread with several people', () => {
  async function open() {
    const page = await openFixture(session, 'outlook-thread-reply.html');
    await page.locator('#reply-body > div').first().click();
    return page;
  }

  test('Page context is the person answered; Insert goes above the signature and the quoted original, which stay as they were', async () => {
    const page = await open();
    const unchanged = await untouched(page, ['#reply-body #Signature', '#reply-body #divRplyFwdMsg', '#reply-body .x_elementToProof', '#UniqueMessageBody_4']);
    const panel = await openPanel(session, page);
    const context = await panel.getContext();
    expect(context).toMatchObject({
      pageKind: 'thread',
      isReply: true,
      threadLength: 4,
      subject: 'Fleet telematics pilot',
      person: { fullName: 'Dana Whitfield', firstName: 'Dana', email: 'dana@northwind-logistics.com' },
      company: 'Northwind Logistics',
    });
    expect(context.recipients?.map((r) => r.fullName)).toEqual(['Dana Whitfield', 'Tom Becker']);
    expect(JSON.stringify(context)).not.toContain(SELF);

    const result = await panel.insert({
      html: '<p>Hi Dana, here is the idle-time case study.</p>',
      text: 'Hi Dana, here is the idle-time case study.',
      subject: 'Ignored for replies',
    });
    expect(result).toEqual({ ok: true, editor: 'Message body', subjectFilled: false });
    await expect.poll(() => page.locator('#reply-body').innerText()).toMatch(/^Hi Dana, here is the idle-time case study\.\s+Maria\s+From: Dana Whitfield/);
    expect(await inputEvents(page, 'reply-body')).toBeGreaterThan(0);
    await unchanged();
  });

  test(';demo + Tab in the reply fills in Dana and leaves the quote below', async () => {
    const page = await open();
    await typeText(page, ';demo');
    await page.keyboard.press('Tab');
    const body = page.locator('#reply-body');
    await expect.poll(() => body.innerText()).toMatch(/^Hi Dana,\s+Thanks for the time today/);
    expect(await body.innerText()).toMatch(/Thanks for the time today[\s\S]*From: Dana Whitfield <dana@northwind-logistics\.com>/);
    expect(await focusedId(page)).toBe('reply-body');
  });

  test('the Open Quiver button beside the reply’s Send opens the panel', async () => {
    const page = await openFixture(session, 'outlook-thread-reply.html');
    const panel = await openPanel(session, page);
    const button = page.locator('#docking_InitVisiblePart_0').getByRole('button', { name: 'Open Quiver' });
    await button.waitFor();
    await page.bringToFront();
    await button.click();
    await expect.poll(async () => (await panel.received()).some((m) => m.type === 'content->bg:open-panel')).toBe(true);
    await expect.poll(() => focusedId(page)).toBe('reply-body');
  });

  test('in the panel: a reply in a thread of four messages suggests engagement content', async () => {
    const page = await open();
    const { page: panel } = await openPanel(session, page);
    await expect.poll(() => panel.getByRole('region', { name: 'Page context' }).innerText()).toContain('Dana Whitfield');
    await panel.getByText('Engagement first — from a reply in a thread of 4 messages', { exact: true }).waitFor();
    const suggested = panel.getByRole('list', { name: 'Suggested' });
    await suggested.getByRole('listitem').first().waitFor();
    expect(await suggested.getByRole('listitem').first().locator('.reasons').innerText()).toContain('Reply in a thread of 4 messages → Engagement');
  });
});

describe('a popped-out compose window', () => {
  test('Insert lands at the caret the rep left, after clicking into the subject, and a written subject stays', async () => {
    const page = await openFixture(session, 'outlook-popout-compose.html');
    await page.locator('#popout-body > div', { hasText: 'Hi Priya,' }).click();
    await page.keyboard.press('End');
    // The rep looks at the subject, then asks Quiver.
    await page.locator('input[aria-label="Subject"]').click();
    const unchanged = await untouched(page, ['#popout-body #Signature']);
    const panel = await openPanel(session, page);
    expect(await panel.getContext()).toMatchObject({
      pageKind: 'compose',
      person: { fullName: 'Priya Raman', email: 'priya.raman@brightcart.io' },
      company: 'Brightcart',
      subject: 'Checkout drop-off at Brightcart',
    });
    const result = await panel.insert({
      html: '<span> Thanks for the call yesterday.</span>',
      text: ' Thanks for the call yesterday.',
      subject: 'Should not replace',
    });
    expect(result).toEqual({ ok: true, editor: 'Message body', subjectFilled: false });
    // On the first line, after "Hi Priya,", not on the empty line the page would offer first.
    await expect.poll(() => page.locator('#popout-body').innerText()).toMatch(/^Hi Priya, ?Thanks for the call yesterday\.\n\s*Maria Lopez/);
    expect(await page.locator('input[aria-label="Subject"]').inputValue()).toBe('Checkout drop-off at Brightcart');
    expect(await inputEvents(page, 'popout-body')).toBeGreaterThan(0);
    await unchanged();
  });

  test('the palette (Alt+Shift+K) opens over the compose and Enter inserts there with Priya’s name', async () => {
    const page = await openFixture(session, 'outlook-popout-compose.html');
    await page.locator('#popout-body > div').nth(1).click();
    const dialog = page.getByRole('dialog', { name: 'Quiver' });
    const options = dialog.getByRole('listbox', { name: 'Quiver results' }).getByRole('option');
    await pressPaletteCommand(session, page);
    const search = dialog.getByRole('combobox', { name: 'Search content' });
    await search.waitFor({ timeout: 10_000 });
    await page.keyboard.type('demo follow', { delay: 10 });
    await expect.poll(() => options.first().textContent(), { timeout: 5000 }).toMatch(/^Demo follow-up with next steps/);
    await page.keyboard.press('Enter');
    const body = page.locator('#popout-body');
    await expect.poll(() => body.innerText()).toMatch(/^Hi Priya,\s+Hi Priya,\s+Thanks for the time today/);
    expect(await body.innerText()).toMatch(/Thanks for the time today[\s\S]*Maria Lopez\s+Account Executive \| Quiver Demo/);
    expect(await dialog.isVisible()).toBe(false);
    expect(await focusedId(page)).toBe('popout-body');
    // The subject the rep wrote stays.
    expect(await page.locator('input[aria-label="Subject"]').inputValue()).toBe('Checkout drop-off at Brightcart');
    await expect
      .poll(async () => (await usageEvents(session)).filter((e) => e.kind === 'insert' && e.contentId === 'demo-follow-up').map((e) => e.site))
      .toContain('outlook');
  });

  test('the Open Quiver button beside Send', async () => {
    const page = await openFixture(session, 'outlook-popout-compose.html');
    const panel = await openPanel(session, page);
    const button = page.getByRole('button', { name: 'Open Quiver' });
    await expect.poll(() => button.count()).toBe(1);
    await page.bringToFront();
    await button.click();
    await expect.poll(async () => (await panel.received()).some((m) => m.type === 'content->bg:open-panel')).toBe(true);
  });
});
