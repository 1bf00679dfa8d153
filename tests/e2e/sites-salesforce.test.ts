import { afterAll, afterEach, beforeAll, expect, test } from 'vitest';
import { closeAllPages, HOSTILE_HTML, openFixture, openPanel } from '../fixtures/serve';
import { launchExtension, type ExtensionSession } from './support/extension';
import { PROFILE, setProfile, usageEvents, waitForLibrary } from './support/keyboard';
import { result, waitForLibrary as waitForResults } from './support/panel';

let session: ExtensionSession;
beforeAll(async () => {
  session = await launchExtension();
});
afterEach(async () => {
  await closeAllPages(session);
});
afterAll(async () => {
  await session?.close();
});

test('an opportunity: the visible record’s stage, and the email lands in CKEditor two frames down', async () => {
  const sf = await openFixture(session, 'salesforce-opportunity.html');
  await expect.poll(() => sf.locator('#activity-composer').getAttribute('data-editor-ready')).toBe('true');
  const body = sf.frameLocator('#email-body-frame').frameLocator('iframe.cke_wysiwyg_frame').locator('body');
  await body.click();
  const panel = await openPanel(session, sf);

  const context = await panel.getContext();
  expect(context).toMatchObject({
    site: 'salesforce',
    pageKind: 'opportunity',
    recordType: 'Opportunity',
    recordName: 'Northwind Fleet Expansion',
    company: 'Northwind Logistics',
    deal: { name: 'Northwind Fleet Expansion', stage: 'Proposal/Price Quote' },
    person: { fullName: 'Dana Whitfield', email: 'dana@northwind-logistics.com' },
    editor: { kind: 'rich', label: 'Email body' },
  });
  expect(JSON.stringify(context)).not.toMatch(/Harbour|Negotiation/);

  const result = await panel.insert({
    html: `<p>Hi Dana,</p><p>Attached is the proposal for <strong>Northwind Fleet Expansion</strong>.</p>${HOSTILE_HTML}`,
    text: 'Hi Dana,\n\nAttached is the proposal for Northwind Fleet Expansion.',
    subject: 'Proposal: Northwind Fleet Expansion',
  });
  expect(result).toEqual({ ok: true, editor: 'Email body', subjectFilled: true });
  await expect.poll(() => body.innerText()).toMatch(/Hi Dana,\s+Attached is the proposal for Northwind Fleet Expansion\./);
  expect(await body.locator('strong').innerText()).toBe('Northwind Fleet Expansion');
  expect(await body.locator('img, script').count()).toBe(0);
  expect(await sf.locator('#subject-input-93').inputValue()).toBe('Proposal: Northwind Fleet Expansion');
  expect(Number(await sf.locator('#activity-composer').getAttribute('data-input-events'))).toBeGreaterThan(0);
  // The hidden page's Log a Call box stayed empty.
  expect(await sf.locator('.oneContent:not(.active) textarea').inputValue()).toBe('');
  await sf.waitForTimeout(300);
  expect(await sf.evaluate(() => (window as unknown as { __executed: string[] }).__executed)).toEqual([]);
});

test('the editor is found even when the rep never clicked into it', async () => {
  const sf = await openFixture(session, 'salesforce-opportunity.html');
  await expect.poll(() => sf.locator('#activity-composer').getAttribute('data-editor-ready')).toBe('true');
  const panel = await openPanel(session, sf);
  expect((await panel.getContext()).editor).toEqual({ kind: 'rich', label: 'Email body' });
  expect(await panel.insert({ html: '<p>Hello from Quiver</p>', text: 'Hello from Quiver' })).toMatchObject({ ok: true });
  const body = sf.frameLocator('#email-body-frame').frameLocator('iframe.cke_wysiwyg_frame').locator('body');
  await expect.poll(() => body.innerText()).toContain('Hello from Quiver');
});

test('the caret the rep left in the frame editor is where the content goes, after clicking elsewhere', async () => {
  const sf = await openFixture(session, 'salesforce-opportunity.html');
  await expect.poll(() => sf.locator('#activity-composer').getAttribute('data-editor-ready')).toBe('true');
  const body = sf.frameLocator('#email-body-frame').frameLocator('iframe.cke_wysiwyg_frame').locator('body');
  await body.click();
  await sf.keyboard.type('Dana, ');
  await sf.keyboard.press('Enter');
  await sf.keyboard.type('Thanks!');
  await sf.keyboard.press('ArrowUp');
  await sf.keyboard.press('End');
  // The rep looks at the record header, then opens the panel.
  await sf.locator('.oneContent.active h1').click();
  const panel = await openPanel(session, sf);
  expect(await panel.insert({ html: '<span>here is the proposal.</span>', text: 'here is the proposal.' })).toMatchObject({ ok: true, editor: 'Email body' });
  await expect.poll(() => body.innerText()).toMatch(/^Dana, here is the proposal\.\s+Thanks!/);
});

test('a lead’s Log a Call box is a plain textarea: text at its caret, then input and change', async () => {
  const sf = await openFixture(session, 'salesforce-lead.html');
  const comments = sf.locator('#call-comments-12');
  await comments.fill('Spoke with Sofia. ');
  await comments.click();
  await comments.press('End');
  const panel = await openPanel(session, sf);
  expect(await panel.getContext()).toMatchObject({
    pageKind: 'lead',
    person: { fullName: 'Sofia Marchetti', firstName: 'Sofia', email: 'sofia.marchetti@frutasdelvalle.es' },
    company: 'Frutas del Valle',
    industry: 'Agriculture',
    deal: { stage: 'Working - Contacted' },
    editor: { kind: 'plain', label: 'Comments' },
  });
  const before = Number(await sf.locator('#activity-composer').getAttribute('data-input-events'));
  const result = await panel.insert({ html: '<p>Sent the <b>ROI</b> one-pager.</p>', text: 'Sent the ROI one-pager.' });
  expect(result).toMatchObject({ ok: true });
  expect(await comments.inputValue()).toBe('Spoke with Sofia. Sent the ROI one-pager.');
  expect(Number(await sf.locator('#activity-composer').getAttribute('data-input-events'))).toBeGreaterThan(before);
  expect(Number(await sf.locator('#activity-composer').getAttribute('data-change-events'))).toBeGreaterThan(0);
});

test('the docked Email composer addressed to a contact: Page context names them, and Insert greets them by first name', async () => {
  await waitForLibrary(session);
  await setProfile(session, PROFILE);
  const sf = await openFixture(session, 'salesforce-opportunity-email.html');
  const composer = sf.locator('#docked-email');
  await expect.poll(() => composer.getAttribute('data-editor-ready')).toBe('true');
  const body = sf.frameLocator('#docked-body-frame').frameLocator('iframe.cke_wysiwyg_frame').locator('body');
  await body.locator('p').first().click();
  const panel = await openPanel(session, sf);

  const context = await panel.getContext();
  expect(context).toMatchObject({
    pageKind: 'opportunity',
    recordName: 'Frostvik Cold Chain Pilot',
    deal: { stage: 'Needs Analysis' },
    person: { fullName: 'Jonas Lindqvist', firstName: 'Jonas', email: 'jonas.lindqvist@frostvik.se' },
    company: 'Frostvik Foods',
    editor: { kind: 'rich', label: 'Email body' },
  });
  expect(JSON.stringify(context)).not.toMatch(/Maria|quiver-demo\.com|Liam|Priya/);

  const region = panel.page.getByRole('region', { name: 'Page context' });
  await expect.poll(() => region.innerText()).toContain('Jonas Lindqvist <jonas.lindqvist@frostvik.se>');
  await panel.page.getByText(/^Interest first — /).waitFor();
  await waitForResults(panel.page);
  await panel.page.getByRole('searchbox', { name: 'Search content' }).fill('TransLog Summit follow-up');
  await result(panel.page, /^Follow-up after TransLog Summit/)
    .getByRole('button', { name: 'Insert' })
    .click();
  await expect
    .poll(() => panel.page.getByRole('status').innerText())
    .toBe('Inserted “Follow-up after TransLog Summit Hamburg (booth visitors)” into Email body. The subject was filled too.');

  const text = await body.innerText();
  expect(text).toMatch(/^Hi Jonas,\s+Thanks for stopping by the Routewise stand/);
  expect(text).toContain('how Frostvik Foods plans routes today');
  expect(text).not.toContain('{{');
  // The signature Lightning put below the caret is still there, below.
  expect(text).toMatch(/Maria Lopez\s+Account Executive\s+--\s+Maria Lopez \| Quiver Demo\s*$/);
  expect(await sf.locator('#subject-input-207').inputValue()).toBe('Good to meet you at TransLog Summit');
  expect(Number(await composer.getAttribute('data-input-events'))).toBeGreaterThan(0);
  // The hidden record's composer was not touched.
  expect(await sf.locator('.oneContent:not(.active) input[placeholder="Enter Subject..."]').inputValue()).toBe('POS rollout: contract');
  expect(await sf.evaluate(() => (window as unknown as { __executed: string[] }).__executed)).toEqual([]);
  await expect
    .poll(async () => (await usageEvents(session)).filter((e) => e.kind === 'insert' && e.contentId === 'event-follow-up-translog-summit').map((e) => e.site))
    .toEqual(['salesforce']);
});
