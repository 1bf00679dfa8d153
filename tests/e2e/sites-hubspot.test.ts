import { afterAll, afterEach, beforeAll, expect, test } from 'vitest';
import { closeAllPages, openFixture, openPanel } from '../fixtures/serve';
import { launchExtension, type ExtensionSession } from './support/extension';

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

test('a deal: context, and the insert goes to the note editor the rep was in, not the email composer', async () => {
  const hs = await openFixture(session, 'hubspot-deal.html');
  const note = hs.locator('[data-test-id="note-body"]');
  await note.locator('p').first().click();
  await hs.keyboard.press('End');
  const panel = await openPanel(session, hs);
  expect(await panel.getContext()).toMatchObject({
    site: 'hubspot',
    pageKind: 'deal',
    recordName: 'Northwind Fleet Expansion',
    deal: { name: 'Northwind Fleet Expansion', stage: 'Decision maker bought-in' },
    person: { fullName: 'Dana Whitfield', email: 'dana@northwind-logistics.com' },
    company: 'Northwind Logistics',
    editor: { kind: 'rich', label: 'Note' },
  });
  const result = await panel.insert({ html: '<p>Sent <em>Northwind ROI</em> deck.</p>', text: 'Sent Northwind ROI deck.', subject: 'Not for notes' });
  expect(result).toEqual({ ok: true, editor: 'Note', subjectFilled: false });
  await expect.poll(() => note.innerText()).toContain('Call notes: Sent Northwind ROI deck.');
  expect(Number(await hs.locator('[data-test-id="note-editor"]').getAttribute('data-input-events'))).toBeGreaterThan(0);
  expect(await hs.locator('[data-test-id="email-body"]').innerText()).not.toContain('ROI');
  expect(await hs.locator('[data-test-id="email-subject-input"]').inputValue()).toBe('');
  expect(await hs.locator('[data-test-id="email-composer"]').getAttribute('data-input-events')).toBe('0');
});

test('the email composer: body and empty subject filled', async () => {
  const hs = await openFixture(session, 'hubspot-deal.html');
  await hs.locator('[data-test-id="email-body"] p').first().click();
  const panel = await openPanel(session, hs);
  const result = await panel.insert({
    html: '<p>Hi Dana,</p><p>The contract is on its way.</p>',
    text: 'Hi Dana,\n\nThe contract is on its way.',
    subject: 'Contract for Northwind Fleet Expansion',
  });
  expect(result).toEqual({ ok: true, editor: 'Email body', subjectFilled: true });
  await expect.poll(() => hs.locator('[data-test-id="email-body"]').innerText()).toMatch(/^Hi Dana,\s+The contract is on its way\./);
  expect(await hs.locator('[data-test-id="email-body"]').innerText()).toContain('Maria Lopez | Quiver Demo');
  expect(await hs.locator('[data-test-id="email-subject-input"]').inputValue()).toBe('Contract for Northwind Fleet Expansion');
});

test('the deal stage changed in place is announced to extension pages', async () => {
  const hs = await openFixture(session, 'hubspot-deal.html');
  const panel = await openPanel(session, hs);
  await hs.bringToFront();
  await hs.locator('#dealstage-button').click();
  await hs.getByRole('option', { name: 'Contract sent' }).click();
  await expect
    .poll(async () => (await panel.received()).filter((m) => m.type === 'content->panel:context-changed').at(-1)?.context?.deal?.stage, { timeout: 10_000 })
    .toBe('Contract sent');
});

test('a page no adapter recognises: not supported, and insert answers no-editor', async () => {
  const hs = await openFixture(session, 'hubspot-dashboard-unrecognised.html');
  await hs.locator('input[type="search"]').click();
  const panel = await openPanel(session, hs);
  expect(await panel.getContext()).toEqual({
    site: 'hubspot',
    supported: false,
    pageKind: 'other',
    url: 'https://app.hubspot.com/reports-dashboard/24681357/view/9981',
    editor: null,
  });
  expect(await panel.insert({ html: '<p>x</p>', text: 'x' })).toEqual({ ok: false, reason: 'no-editor' });
  expect(await hs.locator('input[type="search"]').inputValue()).toBe('');
});
