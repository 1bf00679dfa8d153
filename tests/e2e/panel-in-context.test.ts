import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { closeAllPages, openFixture, openPanel } from '../fixtures/serve';
import { launchExtension, readClipboard, type ExtensionSession } from './support/extension';
import { result, resultTitles, waitForLibrary } from './support/panel';

let session: ExtensionSession;
beforeAll(async () => {
  session = await launchExtension();
  // The rep's own details, for the {{my.*}} variables of signatures.
  const options = await session.openPage('options.html');
  await options.getByLabel('Your name').fill('Maria Lopez');
  await options.getByLabel('Your title').fill('Account Executive');
  await options.getByLabel('Your company').fill('Routewise');
  await options.getByRole('button', { name: 'Save' }).click();
  await options.getByRole('alert').filter({ hasText: 'Saved.' }).waitFor();
  await options.close();
});
afterEach(async () => {
  await closeAllPages(session);
});
afterAll(async () => {
  await session?.close();
});

const pageContext = (panel: Page) => panel.getByRole('region', { name: 'Page context' });
const search = (panel: Page, text: string) => panel.getByRole('searchbox', { name: 'Search content' }).fill(text);

describe('the side panel on a supported page', () => {
  test('Gmail: the panel shows who the email is for, and Insert fills the template into that compose', async () => {
    const gmail = await openFixture(session, 'gmail-inbox-compose.html');
    await gmail.locator('[id=":tn"] > div').first().click();
    const { page: panel } = await openPanel(session, gmail);
    await expect.poll(() => pageContext(panel).innerText()).toContain('Priya Raman');
    expect(await pageContext(panel).innerText()).toContain('Brightcart');
    expect(await pageContext(panel).innerText()).toContain('Message Body');

    await waitForLibrary(panel);
    await search(panel, 'cold intro empty miles');
    const item = result(panel, /^Cold intro — empty miles and planning time/);
    await item.getByRole('button', { name: 'Insert' }).click();
    await expect
      .poll(() => panel.getByRole('status').innerText())
      .toBe('Inserted “Cold intro — empty miles and planning time” into Message Body. The subject was filled too.');

    const compose = gmail.locator('#compose-2');
    const body = await compose.locator('[g_editable="true"]').innerText();
    expect(body).toMatch(/^Hi Priya,/);
    expect(body).toContain('Maria Lopez');
    expect(body).not.toContain('{{');
    expect(await compose.locator('input[name="subjectbox"]').inputValue()).not.toBe('');
    expect(Number(await compose.locator('.M9').getAttribute('data-input-events'))).toBeGreaterThan(0);
    // The other compose is untouched.
    expect(await gmail.locator('#compose-1 [g_editable="true"]').innerText()).not.toContain('Hi Priya');
  });

  test('an asset goes in as a titled link, and Copy link puts its address on the clipboard', async () => {
    const gmail = await openFixture(session, 'gmail-inbox-compose.html');
    await gmail.locator('[id=":tn"] > div').first().click();
    const { page: panel } = await openPanel(session, gmail);
    await waitForLibrary(panel);
    // A new email ranks awareness content first, and hides nothing.
    await panel.getByText('Awareness first — from a new email', { exact: true }).waitFor();
    await search(panel, 'nordhafen empty miles');
    const item = result(panel, /^How Nordhafen Logistik cut empty miles/);
    await item.getByRole('button', { name: 'Insert' }).click();
    await expect.poll(() => panel.getByRole('status').innerText()).toMatch(/^Inserted “How Nordhafen Logistik/);
    const link = gmail.locator('#compose-2 [g_editable="true"] a', { hasText: 'How Nordhafen Logistik cut empty miles' });
    expect(await link.getAttribute('href')).toMatch(/^https:\/\/.*routewise\.example\//);
    await item.getByRole('button', { name: 'Copy link' }).click();
    await expect.poll(() => panel.getByRole('status').innerText()).toMatch(/^Copied the link to “How Nordhafen/);
    expect((await readClipboard(session)).text).toBe(await link.getAttribute('href'));
  });

  test('the Quiver button in the Gmail compose opens the side panel bound to that tab', async () => {
    const gmail = await openFixture(session, 'gmail-inbox-compose.html');
    const { tabId, page: panel } = await openPanel(session, gmail);
    await panel.close();
    await gmail.bringToFront();
    await gmail.locator('#compose-2').getByRole('button', { name: 'Open Quiver' }).click();
    await expect
      .poll(() =>
        session.worker.evaluate(
          (id) =>
            (globalThis as unknown as { chrome: { sidePanel: { getOptions(o: object): Promise<{ path?: string }> } } }).chrome.sidePanel
              .getOptions({ tabId: id })
              .then((o) => o.path),
          tabId,
        ),
      )
      .toBe(`sidepanel.html?tabId=${tabId}`);
  });

  test('Salesforce: an opportunity in Proposal/Price Quote gets conversion content first, saying why', async () => {
    const sf = await openFixture(session, 'salesforce-opportunity.html');
    const { page: panel } = await openPanel(session, sf);
    await expect.poll(() => pageContext(panel).innerText()).toContain('Proposal/Price Quote');
    const conversion = panel.getByRole('button', { name: 'Conversion', exact: true });
    // The deal's stage ranks, it does not filter: its toggle stays unpressed, and a line says why.
    await panel.getByText('Conversion first — from the deal’s stage (Opportunity stage: Proposal/Price Quote)', { exact: true }).waitFor();
    expect(await conversion.getAttribute('aria-pressed')).toBe('false');
    const suggested = panel.getByRole('list', { name: 'Suggested' });
    await suggested.getByRole('listitem').first().waitFor();
    const first = suggested.getByRole('listitem').first();
    expect(await first.locator('.stages').innerText()).toContain('Conversion');
    expect(await first.locator('.reasons').innerText()).toContain('Opportunity stage Proposal/Price Quote → Conversion');
    // The expired promotion is conversion content too, but never suggested.
    expect(await suggested.innerText()).not.toContain('Q3 2026 promotion');
    // The rep can change the stage: a pressed toggle filters.
    await panel.getByRole('button', { name: 'Awareness', exact: true }).click();
    await expect.poll(async () => (await suggested.locator('.stages').allInnerTexts()).every((s) => s.includes('Awareness'))).toBe(true);
  });

  test('an expired item cannot be inserted or copied, and the panel says why and who owns it', async () => {
    const gmail = await openFixture(session, 'gmail-inbox-compose.html');
    await gmail.locator('[id=":tn"] > div').first().click();
    const { page: panel } = await openPanel(session, gmail);
    await waitForLibrary(panel);
    await search(panel, 'Q3 2026 promotion');
    // A new email is early in the journey, but the page's stage hides nothing: the expired
    // conversion-stage promotion is listed, saying when and whom to ask.
    await panel.getByText('Awareness first — from a new email', { exact: true }).waitFor();
    const item = result(panel, /^Q3 2026 promotion/);
    await item.waitFor();
    expect(await item.locator('.badge-expired').innerText()).toBe('Expired');
    expect(await item.locator('.expired-line').innerText()).toMatch(/^Expired on 30 Sept? 2026 — ask aisha\.okafor@routewise\.example$/);
    expect(await item.getByRole('button', { name: 'Insert' }).isDisabled()).toBe(true);
    expect(await item.getByRole('button', { name: 'Copy', exact: true }).isDisabled()).toBe(true);
    await item.locator('.result-title').click();
    expect(await item.getByRole('region', { name: 'Preview' }).innerText()).toMatch(
      /Expired on 30 Sept? 2026: it can no longer be inserted or copied\. Ask \S+@routewise\.example for a current version\./,
    );
    expect(await gmail.locator('#compose-2 [g_editable="true"]').innerText()).not.toContain('20%');
  });

  test('a page the adapters do not read: the panel says so, and Insert falls back to the clipboard', async () => {
    const hub = await openFixture(session, 'hubspot-dashboard-unrecognised.html');
    const { page: panel } = await openPanel(session, hub);
    await expect.poll(() => pageContext(panel).innerText()).toBe('This page is not supported: search and copy still work.');
    await waitForLibrary(panel);
    await search(panel, 'roi one liner');
    const first = (await resultTitles(panel))[0]!;
    await result(panel, first).getByRole('button', { name: 'Insert' }).click();
    await expect
      .poll(() => panel.getByRole('status').innerText())
      .toBe(`No editor to insert into on this page: copied “${first}” to the clipboard instead. Paste it where you need it.`);
    expect((await readClipboard(session)).text.length).toBeGreaterThan(10);
  });

  test('LinkedIn: client-side navigation to another profile updates the Page context', async () => {
    const linkedin = await openFixture(session, 'linkedin-profile.html');
    const { page: panel } = await openPanel(session, linkedin);
    await expect.poll(() => pageContext(panel).innerText()).toContain('Dana Whitfield');
    await panel.getByText('Awareness first — from a LinkedIn profile with no conversation yet', { exact: true }).waitFor();
    await linkedin.bringToFront();
    await linkedin.locator('#pav-tom').click();
    await panel.bringToFront();
    await expect.poll(() => pageContext(panel).innerText(), { timeout: 10_000 }).toContain('Tom Becker');
    expect(await pageContext(panel).innerText()).not.toContain('Dana Whitfield');
  });
});
