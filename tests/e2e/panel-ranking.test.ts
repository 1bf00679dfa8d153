import { afterAll, afterEach, beforeAll, expect, test } from 'vitest';
import { closeAllPages, openFixture, openPanel } from '../fixtures/serve';
import { launchExtension, type ExtensionSession } from './support/extension';
import { result, resultsList, resultTitles, waitForLibrary } from './support/panel';

/*
 * Issue 13, points 1–3, on the saved site pages: the stage a page suggests ranks, it does not
 * filter, so an exact title is found on every page; words naming a type act as a facet;
 * expired items are listed last, saying when and whom to ask, and cannot be inserted.
 */

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

const EXACT = 'Ask a customer to be a case study';
const PAGES = [
  'gmail-inbox-compose.html',
  'gmail-thread-reply.html',
  'outlook-new-compose.html',
  'outlook-thread-reply.html',
  'linkedin-profile.html',
  'linkedin-messaging.html',
  'salesnav-lead-inmail.html',
  'salesnav-inbox-thread.html',
  'salesforce-opportunity.html',
  'salesforce-lead.html',
  'hubspot-deal.html',
  'hubspot-contact.html',
];

test.each(PAGES)('%s: the exact title of an advocacy template is found first, whatever stage the page suggests', async (fixture) => {
  const site = await openFixture(session, fixture);
  const { page: panel } = await openPanel(session, site);
  await waitForLibrary(panel);
  await panel.getByRole('searchbox', { name: 'Search content' }).fill(EXACT);
  await expect.poll(async () => (await resultTitles(panel))[0]).toBe(EXACT);
  // No stage toggle is pressed on the rep's behalf.
  for (const stage of ['Awareness', 'Interest', 'Engagement', 'Conversion', 'Advocacy']) {
    expect(await panel.getByRole('button', { name: stage, exact: true }).getAttribute('aria-pressed')).toBe('false');
  }
});

test('a stage toggle the rep presses filters, and the panel says which mode it is in', async () => {
  const sf = await openFixture(session, 'salesforce-opportunity.html');
  const { page: panel } = await openPanel(session, sf);
  await waitForLibrary(panel);
  await panel.getByText(/^Conversion first — from the deal’s stage/).waitFor();
  await panel.getByRole('searchbox', { name: 'Search content' }).fill(EXACT);
  await expect.poll(async () => (await resultTitles(panel))[0]).toBe(EXACT);
  await panel.getByRole('button', { name: 'Conversion', exact: true }).click();
  await panel.getByText(/^Filtered by stage/).waitFor();
  await expect.poll(async () => resultTitles(panel)).not.toContain(EXACT);
});

test('“case study” lists case studies first; “case study healthcare” a healthcare one first', async () => {
  const gmail = await openFixture(session, 'gmail-inbox-compose.html');
  const { page: panel } = await openPanel(session, gmail);
  await waitForLibrary(panel);
  const search = panel.getByRole('searchbox', { name: 'Search content' });
  const types = () => resultsList(panel).locator('.result-meta .type').allInnerTexts();
  await search.fill('case study');
  await expect.poll(async () => (await types()).slice(0, 5)).toEqual(Array(5).fill('Case study'));
  await search.fill('case study healthcare');
  await expect.poll(async () => (await types())[0]).toBe('Case study');
  const first = resultsList(panel).getByRole('listitem').first();
  await first.locator('.result-title').click();
  expect(await first.getByRole('region', { name: 'Preview' }).innerText()).toMatch(/Healthcare/);
});

test('an expired item named by the query is listed with its date and whom to ask, and Insert leaves the compose untouched', async () => {
  const gmail = await openFixture(session, 'gmail-inbox-compose.html');
  await gmail.locator('[id=":tn"] > div').first().click();
  const { page: panel } = await openPanel(session, gmail);
  await waitForLibrary(panel);
  await panel.getByRole('searchbox', { name: 'Search content' }).fill('Q3 2026 promotion');
  const item = result(panel, /^Q3 2026 promotion/);
  await item.waitFor();
  expect(await item.locator('.expired-line').innerText()).toMatch(/^Expired on 30 Sept? 2026 — ask aisha\.okafor@routewise\.example$/);
  expect(await item.getByRole('button', { name: 'Insert' }).isDisabled()).toBe(true);
  expect(await gmail.locator('#compose-2 [g_editable="true"]').innerText()).not.toContain('20%');
});
