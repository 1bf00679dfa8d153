import path from 'node:path';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { ContentItem } from '../../lib/schema/content';
import { readContentDir } from '../../server/content-dir';
import { linkViews } from '../../server/store/share-links';
import { closeAllPages, openFixture, openPanel } from '../fixtures/serve';
import { startTestServer, type TestServer } from '../server/support/test-server';
import { chromiumPath } from './support/chromium';
import { launchExtension, type ExtensionSession } from './support/extension';
import { result, waitForLibrary } from './support/panel';

/*
 * Share links end to end: the built extension in Chromium against a real library server on
 * loopback. A rep shares a case study from the panel into a Gmail compose; the prospect opens
 * the link in another browser; a link scanner fetches it too; after Sync now the rep's Shared
 * links and the manager's Prospect engagement show one view.
 */

let server: TestServer;
let session: ExtensionSession;
let library: ContentItem[];
let repToken: string;
let managerToken: string;
const CASE = 'brightcart-ecommerce-case-study';

beforeAll(async () => {
  // No quiet seconds: the test opens the link at once, as no real prospect could.
  server = await startTestServer({ shareLinks: { quietSeconds: 0 } });
  const { items, problems } = await readContentDir(path.resolve(__dirname, '../../content'));
  expect(problems).toEqual([]);
  library = items;
  await server.setLibrary('demo', library);
  repToken = await server.tokenFor('demo', 'sam.carter@routewise.example', 'rep');
  managerToken = await server.tokenFor('demo', 'lead@routewise.example', 'manager');
  session = await launchExtension();
});
afterAll(async () => {
  await session?.close();
  await server?.dispose();
});

describe('share links', () => {
  let shareUrl: string;
  const item = () => library.find((i) => i.id === CASE)!;

  test('Share link in the panel on a Gmail compose inserts the link, titled with the item', async () => {
    const options = await session.openPage('options.html');
    await options.getByLabel('Server URL').fill(server.url);
    await options.getByLabel('Access token').fill(repToken);
    await options.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => options.getByRole('status').innerText(), { timeout: 30_000 }).toMatch(new RegExp(`— ${library.length} items\\.$`));
    await options.close();

    const gmail = await openFixture(session, 'gmail-inbox-compose.html');
    await gmail.locator('[id=":tn"] > div').first().click();
    const { page: panel } = await openPanel(session, gmail);
    await waitForLibrary(panel);
    // A new message reads as awareness: it ranks first, and the typed case study (a later stage) is still found.
    await expect.poll(() => panel.getByText(/^Awareness first/).count()).toBe(1);
    await panel.getByRole('searchbox', { name: 'Search content' }).fill('brightcart cost per parcel');
    const row = result(panel, item().title);
    await row.getByRole('button', { name: 'Share link' }).click();
    await expect
      .poll(() => panel.getByRole('status').innerText())
      .toMatch(new RegExp(`^Inserted a share link to “${item().title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}” into Message Body`));

    const link = gmail.locator('#compose-2 [g_editable="true"] a', { hasText: item().title });
    await expect.poll(() => link.count()).toBe(1);
    shareUrl = (await link.getAttribute('href'))!;
    expect(shareUrl).toMatch(new RegExp(`^${server.url}/s/[A-Za-z0-9_-]{22}$`));
    expect(await link.innerText()).toBe(item().title);
    // Templates have no Share link; Copy link stays for assets.
    await panel.getByRole('searchbox', { name: 'Search content' }).fill('cold intro empty miles');
    const template = result(panel, /^Cold intro — empty miles/);
    await template.getByRole('button', { name: 'Insert' }).waitFor();
    expect(await template.getByRole('button', { name: 'Share link' }).count()).toBe(0);
    await closeAllPages(session);
  });

  test('the prospect opening it in another browser counts one view; a link scanner counts none', async () => {
    expect(shareUrl).toBeDefined();
    // A scanner fetches the link first, as Slack or a mail gateway would.
    const scanned = await fetch(shareUrl, { headers: { 'User-Agent': 'Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)' }, redirect: 'manual' });
    expect(scanned.status).toBe(302);

    const browser = await chromium.launch({ executablePath: chromiumPath(), headless: true, args: ['--no-sandbox', '--disable-gpu'] });
    try {
      // Headless Chromium says "HeadlessChrome", as scripted scanners do; the prospect's
      // browser is an ordinary Chrome.
      const prospect = await browser.newContext({
        userAgent: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
      });
      const page = await prospect.newPage();
      // The asset's host is not reachable from here (nothing reaches the internet): what
      // matters is where the link sends the browser.
      const openLink = async () => {
        const answer = page.waitForResponse((r) => r.url() === shareUrl);
        await page.goto(shareUrl).catch(() => {});
        const response = await answer;
        expect(response.status()).toBe(302);
        expect(response.headers()['location']).toBe(item().url);
      };
      await openLink();
      // The prospect opens it again from the email: the same browser, still one view.
      await openLink();
    } finally {
      await browser.close();
    }
    const slug = shareUrl.split('/').pop()!;
    const views = await linkViews(server.db, slug);
    expect(views.map((v) => [v.counted, v.reason])).toEqual([
      [0, 'scanner'],
      [1, ''],
      [0, 'repeat'],
    ]);
  });

  test("after Sync now, the panel's Shared links shows the link with one view, labelled for the company", async () => {
    const options = await session.openPage('options.html');
    await options.getByRole('button', { name: 'Sync now' }).click();
    await expect.poll(() => options.getByRole('status').innerText(), { timeout: 30_000 }).toMatch(/^Last synced/);
    const panel = await session.openPage('sidepanel.html');
    await panel.getByRole('button', { name: 'Shared links' }).click();
    const view = panel.getByRole('region', { name: 'Shared links' });
    const entry = view.getByRole('listitem').filter({ hasText: item().title });
    await expect.poll(() => entry.innerText()).toContain('Views: 1');
    expect(await entry.innerText()).toMatch(/Last opened/);
    // The label defaults to the page's company, and is kept in the browser only.
    expect(await entry.getByLabel('Who it is for (kept in this browser only)').inputValue()).toBe('Brightcart');
    await closeAllPages(session);
  });

  test("the manager's dashboard shows it under Prospect engagement", async () => {
    const options = await session.openPage('options.html');
    await options.getByLabel('Access token').fill(managerToken);
    await options.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => options.getByRole('alert').innerText()).toMatch(/\(manager\)/);
    const dashboard = await session.openPage('dashboard.html');
    const section = dashboard.getByRole('region', { name: 'Prospect engagement' });
    const figures = section.getByLabel('Share link figures');
    await expect.poll(() => figures.innerText(), { timeout: 30_000 }).toMatch(/Links shared\s*1/);
    expect(await figures.innerText()).toMatch(/Share opened\s*100%/);
    const row = section.getByRole('row').filter({ hasText: item().title });
    expect(await row.getByRole('cell').allInnerTexts()).toEqual([item().title, 'Case study', '1', '1', '100%', '1']);
  });
});
