import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect, test } from 'vitest';
import { closeAllPages, HOSTILE_HTML, openFixture, openPanel } from '../fixtures/serve';
import { launchExtension, type ExtensionSession } from './support/extension';
import { PROFILE, pressPaletteCommand, setProfile, usageEvents, waitForLibrary } from './support/keyboard';
import { result, waitForLibrary as waitForResults } from './support/panel';

/*
 * LinkedIn Sales Navigator in Chromium with the built extension: a lead page with the InMail
 * composer open, and an inbox thread. What the rep sees: the lead in Page context, the
 * suggestions' stage, Insert into the message at the caret with the subject filled and Send
 * enabled by the page itself, shortcut expansion and the quick palette in the textarea.
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

function inmail(page: Page) {
  const form = page.locator('form[data-x-conversation-widget="compose-form"]');
  return {
    form,
    message: form.locator('textarea[name="message"]'),
    subject: form.getByRole('textbox', { name: 'Subject (required)' }),
    send: form.getByRole('button', { name: 'Send', exact: true }),
    notes: page.getByRole('textbox', { name: /^Add a note/ }),
  };
}

const executed = (page: Page) => page.evaluate(() => (window as unknown as { __executed: string[] }).__executed);

test('a lead page: the lead, their lists and the InMail composer, never the rep or the leads also viewed', async () => {
  const sn = await openFixture(session, 'salesnav-lead-inmail.html');
  const panel = await openPanel(session, sn);
  const context = await panel.getContext();
  expect(context).toMatchObject({
    site: 'salesnav',
    supported: true,
    pageKind: 'lead',
    person: { fullName: 'Dana Whitfield', firstName: 'Dana', title: 'VP Operations' },
    company: 'Northwind Logistics',
    lists: ['Benelux 3PLs — Interest', 'Cold-chain accounts'],
    saved: true,
    editor: { kind: 'plain', label: 'InMail to Dana Whitfield' },
  });
  expect(JSON.stringify(context)).not.toMatch(/Maria|Tom Becker|Priya|Harbour/);
  // The Quiver button sits beside Send, inside the composer.
  await expect.poll(() => inmail(sn).form.getByRole('button', { name: 'Open Quiver' }).count()).toBe(1);
});

test('the side panel: Page context, a suggestion placed by the rep’s list, and Insert at the caret with the name and subject filled', async () => {
  const sn = await openFixture(session, 'salesnav-lead-inmail.html');
  const { message, subject, send, notes, form } = inmail(sn);
  await message.click();
  await sn.keyboard.type('Best,');
  await sn.keyboard.press('Enter');
  await sn.keyboard.type('Maria');
  await sn.keyboard.press('Control+Home');
  const { page: panel } = await openPanel(session, sn);

  const region = panel.getByRole('region', { name: 'Page context' });
  await expect.poll(() => region.innerText()).toContain('Dana Whitfield');
  const shown = await region.innerText();
  expect(shown).toContain('Sales Navigator');
  expect(shown).toContain('VP Operations');
  expect(shown).toContain('Northwind Logistics');
  expect(shown).toContain('Benelux 3PLs — Interest');
  expect(shown).toContain('InMail to Dana Whitfield');

  await panel.getByText('Interest first — from your list “Benelux 3PLs — Interest”', { exact: true }).waitFor();
  const suggested = panel.getByRole('list', { name: 'Suggested' });
  await suggested.getByRole('listitem').first().waitFor();
  expect(await suggested.getByRole('listitem').first().locator('.reasons').innerText()).toContain('In your list “Benelux 3PLs — Interest” → Interest');

  await waitForResults(panel);
  await panel.getByRole('searchbox', { name: 'Search content' }).fill('TransLog Summit follow-up');
  const item = result(panel, /^Follow-up after TransLog Summit/);
  await item.getByRole('button', { name: 'Insert' }).click();
  await expect
    .poll(() => panel.getByRole('status').innerText())
    .toBe('Inserted “Follow-up after TransLog Summit Hamburg (booth visitors)” into InMail to Dana Whitfield. The subject was filled too.');

  const text = await message.inputValue();
  expect(text).toMatch(/^Hi Dana,\n\nThanks for stopping by the Routewise stand/);
  expect(text).toContain('how Northwind Logistics plans routes today');
  expect(text).toMatch(/Maria Lopez\nAccount Executive\s*Best,\nMaria$/);
  expect(text).not.toMatch(/[<>*]|\{\{/);
  expect(await subject.inputValue()).toBe('Good to meet you at TransLog Summit');
  // Sales Navigator heard both fields: its own script enabled Send.
  expect(await send.isEnabled()).toBe(true);
  expect(Number(await form.getAttribute('data-change-events'))).toBeGreaterThan(0);
  // Nothing else on the page changed.
  expect(await notes.inputValue()).toBe('');
  expect(await sn.locator('#global-typeahead-search-input').inputValue()).toBe('');
  expect(await executed(sn)).toEqual([]);
  await expect
    .poll(async () => (await usageEvents(session)).filter((e) => e.kind === 'insert' && e.contentId === 'event-follow-up-translog-summit').map((e) => e.site))
    .toEqual(['salesnav']);
});

test('Insert from the panel goes in as plain text, and a subject the rep wrote is kept', async () => {
  const sn = await openFixture(session, 'salesnav-lead-inmail.html');
  const { message, subject, send } = inmail(sn);
  await subject.fill('Route planning at Northwind');
  await message.click();
  const panel = await openPanel(session, sn);
  const outcome = await panel.insert({
    html: `<p>Hi <b>Dana</b>,</p><p>the <a href="https://example.com/northwind.pdf">case study</a>.</p>${HOSTILE_HTML}`,
    text: 'Hi Dana,\n\nthe case study: https://example.com/northwind.pdf',
    subject: 'Not this one',
  });
  expect(outcome).toEqual({ ok: true, editor: 'InMail to Dana Whitfield', subjectFilled: false });
  expect(await message.inputValue()).toBe('Hi Dana,\n\nthe case study: https://example.com/northwind.pdf');
  expect(await subject.inputValue()).toBe('Route planning at Northwind');
  expect(await send.isEnabled()).toBe(true);
  await sn.waitForTimeout(200);
  expect(await executed(sn)).toEqual([]);
});

test(';intro + Tab in the InMail message becomes the cold intro, with the lead’s name and the subject filled', async () => {
  const sn = await openFixture(session, 'salesnav-lead-inmail.html');
  const { message, subject, send } = inmail(sn);
  await message.click();
  await sn.keyboard.type(';intro', { delay: 25 });
  await sn.keyboard.press('Tab');

  await expect.poll(() => message.inputValue()).toMatch(/^Hi Dana,\n\nMost distribution teams/);
  const text = await message.inputValue();
  expect(text).not.toContain(';intro');
  expect(text).toContain('customers similar to Northwind Logistics');
  expect(text).toMatch(/Maria Lopez\nAccount Executive, Quiver Demo$/);
  expect(await subject.inputValue()).toBe('Empty miles at Northwind Logistics');
  expect(await send.isEnabled()).toBe(true);
  // Tab was the expansion: the caret stayed in the message.
  expect(await sn.evaluate(() => (document.activeElement as HTMLTextAreaElement | null)?.name)).toBe('message');
  await expect
    .poll(async () => (await usageEvents(session)).filter((e) => e.kind === 'expand_shortcut' && e.contentId === 'cold-intro-empty-miles').map((e) => e.site))
    .toContain('salesnav');
});

test('the quick palette over the InMail message: Enter inserts the note there, and Escape gives the caret back', async () => {
  const sn = await openFixture(session, 'salesnav-lead-inmail.html');
  const { message, subject, send } = inmail(sn);
  await message.click();
  await sn.keyboard.type('P.S. ');
  const dialog = sn.getByRole('dialog', { name: 'Quiver' });
  const search = dialog.getByRole('combobox', { name: 'Search content' });
  const options = dialog.getByRole('listbox', { name: 'Quiver results' }).getByRole('option');

  await pressPaletteCommand(session, sn);
  await search.waitFor({ timeout: 10_000 });
  await sn.keyboard.press('Escape');
  expect(await dialog.isVisible()).toBe(false);
  expect(await sn.evaluate(() => (document.activeElement as HTMLTextAreaElement | null)?.name)).toBe('message');

  await pressPaletteCommand(session, sn);
  await search.waitFor({ timeout: 10_000 });
  await sn.keyboard.type('connection note', { delay: 10 });
  await expect.poll(() => options.first().textContent(), { timeout: 5000 }).toMatch(/^LinkedIn connection note/);
  await sn.keyboard.press('Enter');

  await expect.poll(() => message.inputValue()).toMatch(/^P\.S\. Hi Dana — I work with operations leaders/);
  expect(await message.inputValue()).toContain('Northwind Logistics seems to be growing');
  expect(await dialog.isVisible()).toBe(false);
  // A snippet has no subject: the InMail still needs one, and Send says so.
  expect(await subject.inputValue()).toBe('');
  expect(await send.isEnabled()).toBe(false);
  await subject.fill('Route planning');
  expect(await send.isEnabled()).toBe(true);
});

test('an inbox thread: the other person, and a reply goes into the reply box with Send enabled', async () => {
  const sn = await openFixture(session, 'salesnav-inbox-thread.html');
  const reply = sn.locator('form textarea[name="message"]');
  const send = sn.getByRole('button', { name: 'Send', exact: true });
  await reply.click();
  const panel = await openPanel(session, sn);
  const context = await panel.getContext();
  expect(context).toMatchObject({
    site: 'salesnav',
    pageKind: 'messaging',
    person: { fullName: 'Tom Becker', firstName: 'Tom', title: 'Depot Manager' },
    company: 'Nordhafen Logistik',
    inConversation: true,
    threadLength: 2,
    editor: { kind: 'plain', label: 'Message to Tom Becker' },
  });
  expect(JSON.stringify(context)).not.toMatch(/Priya|Dana|Maria/);
  expect(await panel.insert({ html: '<p>Hi Tom,</p>', text: 'Hi Tom,\n\nhere is the depot planning guide.', subject: 'Ignored' })).toEqual({
    ok: true,
    editor: 'Message to Tom Becker',
    subjectFilled: false,
  });
  expect(await reply.inputValue()).toBe('Hi Tom,\n\nhere is the depot planning guide.');
  expect(await send.isEnabled()).toBe(true);
  expect(await sn.getByRole('searchbox', { name: 'Search messages' }).inputValue()).toBe('');
});

test('an inbox thread: ;connect + Tab expands with the other person’s name and company', async () => {
  const sn = await openFixture(session, 'salesnav-inbox-thread.html');
  const reply = sn.locator('form textarea[name="message"]');
  await reply.click();
  await sn.keyboard.type(';connect', { delay: 25 });
  await sn.keyboard.press('Tab');
  await expect.poll(() => reply.inputValue()).toMatch(/^Hi Tom — I work with operations leaders/);
  expect(await reply.inputValue()).toContain('Nordhafen Logistik seems to be growing');
  expect(await sn.getByRole('button', { name: 'Send', exact: true }).isEnabled()).toBe(true);
});
