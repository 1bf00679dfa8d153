import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect, test } from 'vitest';
import { closeAllPages, openFixture } from '../fixtures/serve';
import { launchExtension, type ExtensionSession } from './support/extension';
import { PROFILE, setProfile, usageEvents, waitForLibrary } from './support/keyboard';

/*
 * Shortcut expansion on the saved site pages: `;shortcut` then Tab, typed as a rep types.
 */

let session: ExtensionSession;
beforeAll(async () => {
  session = await launchExtension();
  await waitForLibrary(session);
});
afterEach(async () => {
  await closeAllPages(session);
});
afterAll(async () => {
  await session?.close();
});

/** Types like a person (a few ms between keys), so the page sees every keystroke on its own. */
const typeText = (page: Page, text: string) => page.keyboard.type(text, { delay: 25 });

async function gmailSecondCompose() {
  const gmail = await openFixture(session, 'gmail-inbox-compose.html');
  const body = gmail.locator('[id=":tn"]');
  await gmail.locator('[id=":tn"] > div').first().click();
  return { gmail, body, subject: gmail.locator('#compose-2 input[name="subjectbox"]') };
}

const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');

test('Gmail: ;intro + Tab becomes the cold intro, with the recipient’s first name and the empty subject filled', async () => {
  await setProfile(session, PROFILE);
  const { gmail, body, subject } = await gmailSecondCompose();
  await typeText(gmail, ';intro');
  await gmail.keyboard.press('Tab');

  await expect.poll(() => body.innerText()).toMatch(/^Hi Priya,\s+Most distribution teams/);
  const text = await body.innerText();
  expect(text).not.toContain(';intro');
  expect(text).not.toContain('{{');
  expect(text).toContain('customers similar to Brightcart');
  expect(text).toMatch(/Maria Lopez\s+Account Executive, Quiver Demo/);
  // The signature the compose already had is still below.
  expect(text).toMatch(/--\s*Maria Lopez\s+Account Executive, Quiver Demo\s+maria\.lopez@quiver-demo\.com\s*$/);
  expect(await subject.inputValue()).toBe('Empty miles at Brightcart');
  // Tab was the expansion, so the caret stayed in the body; Gmail heard the edit.
  expect(await focusedId(gmail)).toBe(':tn');
  expect(Number(await gmail.locator('#compose-2 .M9').getAttribute('data-input-events'))).toBeGreaterThan(0);
  // The first compose is untouched.
  expect(await gmail.locator('[id=":qn"]').innerText()).not.toContain('Most distribution teams');

  await expect
    .poll(async () => (await usageEvents(session)).filter((e) => e.kind === 'expand_shortcut').map((e) => [e.contentId, e.site]))
    .toContainEqual(['cold-intro-empty-miles', 'gmail']);
});

test('Gmail: one Ctrl+Z after an expansion brings the typed shortcut back', async () => {
  await setProfile(session, PROFILE);
  const { gmail, body } = await gmailSecondCompose();
  await typeText(gmail, ';demo');
  await gmail.keyboard.press('Tab');
  await expect.poll(() => body.innerText()).toMatch(/^Hi Priya,\s+Thanks for the time today/);

  await gmail.keyboard.press('Control+z');
  await expect.poll(() => body.innerText()).toMatch(/^;demo\s/);
  expect(await body.innerText()).not.toContain('Thanks for the time today');
  expect(await body.innerText()).toContain('Maria Lopez');
});

test('Tab is not taken when the word before the caret is not a known shortcut', async () => {
  await setProfile(session, PROFILE);
  const { gmail, body } = await gmailSecondCompose();
  await typeText(gmail, 'Hello ;nosuchthing');
  await gmail.keyboard.press('Tab');
  // Focus moved on, as Tab does; nothing was replaced.
  await expect.poll(() => focusedId(gmail)).not.toBe(':tn');
  expect(await body.innerText()).toMatch(/^Hello ;nosuchthing\s/);

  // A shortcut glued to the word before it is not a shortcut either (a URL, `mail;intro`).
  await gmail.locator('[id=":tn"] > div').first().click();
  await gmail.keyboard.press('End');
  await typeText(gmail, ' mail;intro');
  await gmail.keyboard.press('Tab');
  await expect.poll(() => focusedId(gmail)).not.toBe(':tn');
  expect(await body.innerText()).toMatch(/^Hello ;nosuchthing mail;intro\s/);
});

test('LinkedIn: ;connect + Tab in the message box becomes the note with the prospect’s name, as plain text', async () => {
  await setProfile(session, PROFILE);
  const linkedin = await openFixture(session, 'linkedin-messaging.html');
  const box = linkedin.locator('.msg-form__contenteditable');
  await box.click();
  await typeText(linkedin, ';connect');
  await linkedin.keyboard.press('Tab');

  await expect.poll(() => box.innerText()).toMatch(/^Hi Dana — I work with operations leaders/);
  const text = await box.innerText();
  expect(text).toContain('Northwind Logistics seems to be growing');
  expect(text).toMatch(/No pitch, promise\. Maria\s*$/);
  expect(text).not.toContain(';connect');
  expect(await box.locator('b, strong, a, img').count()).toBe(0);
  expect(await linkedin.locator('.msg-form__send-button').isEnabled()).toBe(true);
  await expect
    .poll(async () => (await usageEvents(session)).filter((e) => e.kind === 'expand_shortcut').map((e) => [e.contentId, e.site]))
    .toContainEqual(['linkedin-connection-note', 'linkedin']);
});

test('LinkedIn: the messaging overlay, rendered inside a shadow root, expands too', async () => {
  await setProfile(session, PROFILE);
  const linkedin = await openFixture(session, 'linkedin-profile-overlay.html');
  const box = linkedin.locator('.msg-overlay-conversation-bubble--is-active .msg-form__contenteditable');
  await box.click();
  await typeText(linkedin, ';connect');
  await linkedin.keyboard.press('Tab');
  await expect.poll(() => box.innerText()).toMatch(/^Hi Priya — I work with operations leaders/);
  expect(await box.innerText()).toContain('BrightCart seems to be growing');
});

test('an expired item’s shortcut does not expand: the typed text stays and a notice says why and whom to ask', async () => {
  await setProfile(session, PROFILE);
  const { gmail, body } = await gmailSecondCompose();
  const before = (await usageEvents(session)).length;
  await typeText(gmail, ';q3promo');
  await gmail.keyboard.press('Tab');

  const notice = gmail.getByRole('alert');
  await expect.poll(() => notice.textContent(), { timeout: 5000 }).toMatch(/Expired on 2026-09-30.*aisha\.okafor@routewise\.example/);
  expect(await body.innerText()).toMatch(/^;q3promo\s/);
  expect(await body.innerText()).not.toContain('20% off');
  // Tab was spent on the attempt: the rep is still in the message.
  expect(await focusedId(gmail)).toBe(':tn');
  expect((await usageEvents(session)).length).toBe(before);
  // It goes away by itself.
  await expect.poll(() => notice.count(), { timeout: 12_000 }).toBe(0);
});

test('values the page lacks are asked for in the palette before the shortcut expands', async () => {
  await setProfile(session, null);
  const { gmail, body } = await gmailSecondCompose();
  await typeText(gmail, ';demo');
  await gmail.keyboard.press('Tab');

  const dialog = gmail.getByRole('dialog', { name: 'Quiver' });
  const name = dialog.getByRole('textbox', { name: 'Your name' });
  await name.waitFor({ timeout: 10_000 });
  expect(await dialog.getByRole('textbox', { name: 'Your title' }).count()).toBe(1);
  // Nothing went in yet.
  expect(await body.innerText()).toMatch(/^;demo\s/);
  await name.fill('Sam Ortiz');
  await dialog.getByRole('textbox', { name: 'Your title' }).fill('Account Manager');
  await gmail.keyboard.press('Enter');

  await expect.poll(() => body.innerText()).toMatch(/^Hi Priya,\s+Thanks for the time today/);
  expect(await body.innerText()).toMatch(/Best,\s+Sam Ortiz\s+Account Manager/);
  expect(await body.innerText()).not.toContain(';demo');
  expect(await dialog.isVisible()).toBe(false);
  expect(await focusedId(gmail)).toBe(':tn');
  await expect.poll(async () => (await usageEvents(session)).filter((e) => e.kind === 'expand_shortcut').map((e) => e.contentId)).toContain('demo-follow-up');
});

test('Salesforce: a shortcut typed in CKEditor, two about:blank frames down, expands there with the subject', async () => {
  await setProfile(session, PROFILE);
  const sf = await openFixture(session, 'salesforce-opportunity.html');
  await expect.poll(() => sf.locator('#activity-composer').getAttribute('data-editor-ready')).toBe('true');
  const body = sf.frameLocator('#email-body-frame').frameLocator('iframe.cke_wysiwyg_frame').locator('body');
  await body.click();
  await typeText(sf, ';pilot');
  await sf.keyboard.press('Tab');
  await expect.poll(() => body.innerText()).toMatch(/^Hi Dana,\s+As discussed, here's how we'd suggest proving Routewise/);
  expect(await body.innerText()).not.toContain(';pilot');
  expect(await sf.locator('#subject-input-93').inputValue()).toBe('Pilot proposal: 30 days at one depot');
  expect(Number(await sf.locator('#activity-composer').getAttribute('data-input-events'))).toBeGreaterThan(0);
});

test('HubSpot: a shortcut in the ProseMirror email composer fills the deal name into body and subject', async () => {
  await setProfile(session, PROFILE);
  const hs = await openFixture(session, 'hubspot-deal.html');
  const email = hs.locator('[data-test-id="email-body"]');
  await email.locator('p').first().click();
  await typeText(hs, ';followup');
  await hs.keyboard.press('Tab');
  await expect.poll(() => email.innerText()).toMatch(/^Hi Dana,\s+Following up on the proposal for Northwind Fleet Expansion that I sent last week/);
  expect(await email.innerText()).not.toContain(';followup');
  expect(await hs.locator('[data-test-id="email-subject-input"]').inputValue()).toBe('Northwind Fleet Expansion: following up on the proposal');
  // The note editor beside it is untouched.
  expect(await hs.locator('[data-test-id="note-body"]').innerText()).not.toContain('Following up');
});

test('a plain textarea (Salesforce Log a Call): the shortcut becomes text at the caret, then input and change', async () => {
  await setProfile(session, PROFILE);
  const sf = await openFixture(session, 'salesforce-lead.html');
  const comments = sf.locator('#call-comments-12');
  await comments.click();
  await typeText(sf, 'Told her: ;roi');
  await sf.keyboard.press('Tab');
  await expect
    .poll(() => comments.inputValue())
    .toMatch(/^Told her: Quick numbers from comparable fleets: .* the figures for Frutas del Valle line by line: https:\/\/www\.routewise\.example\/roi$/);
  expect(await focusedId(sf)).toBe('call-comments-12');
  expect(Number(await sf.locator('#activity-composer').getAttribute('data-change-events'))).toBeGreaterThan(0);
  // Ctrl+Z takes the expansion back out of the textarea too.
  await sf.keyboard.press('Control+z');
  await expect.poll(() => comments.inputValue()).toBe('Told her: ;roi');
});
