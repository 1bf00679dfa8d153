import path from 'node:path';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { readContentDir } from '../../server/content-dir';
import { closeAllPages, fixtureUrl, openPanel, serveHtml } from '../fixtures/serve';
import { startTestServer, type TestServer } from '../server/support/test-server';
import { launchExtension, type ExtensionSession } from './support/extension';

/*
 * An Outlook compose whose message box the adapter cannot find (here: removed from the saved
 * page, as a redesign would hide it from the adapter). The panel says so in plain words; the
 * page's site-health check reaches the server on Sync now, carrying nothing from the page, and
 * shows in the dashboard's Site health section.
 */

let server: TestServer;
let session: ExtensionSession;
let repToken: string;
let managerToken: string;

const FIXTURE = 'outlook-popout-compose.html';

beforeAll(async () => {
  server = await startTestServer();
  const { items } = await readContentDir(path.resolve(__dirname, '../../content'));
  await server.setLibrary('demo', items);
  repToken = await server.tokenFor('demo', 'sam.carter@routewise.example', 'rep');
  managerToken = await server.tokenFor('demo', 'lena.sato@routewise.example', 'manager');
  session = await launchExtension();
});
afterAll(async () => {
  await session?.close();
  await server?.dispose();
});

async function useToken(token: string): Promise<Page> {
  const options = await session.openPage('options.html');
  await options.getByLabel('Server URL').fill(server.url);
  await options.getByLabel('Access token').fill(token);
  await options.getByRole('button', { name: 'Save' }).click();
  await expect.poll(() => options.getByRole('alert').innerText()).toMatch(/^Connected as /);
  return options;
}

const checks = () => server.db.selectFrom('site_health_events').selectAll().execute();

test('a compose with its message box gone: the panel says so, and Site health shows it after Sync now', async () => {
  const options = await useToken(repToken);
  await expect.poll(() => options.getByRole('status').innerText(), { timeout: 20_000 }).toMatch(/^Last synced/);

  const html = readFileSync(path.resolve(__dirname, '../fixtures', FIXTURE), 'utf8');
  const withoutBody = html
    .split('\n')
    .filter((line) => !line.includes('id="popout-body"'))
    .join('\n');
  expect(withoutBody).not.toEqual(html);
  const url = fixtureUrl(FIXTURE);
  await serveHtml(session, url, withoutBody);
  const outlook = await session.context.newPage();
  await outlook.goto(url);

  const panel = await openPanel(session, outlook);
  const context = panel.page.getByRole('region', { name: 'Page context' });
  await expect
    .poll(() => context.innerText(), { timeout: 20_000 })
    .toContain('Quiver could not find the message box on this Outlook page — you can still Copy.');
  expect(await context.innerText()).not.toMatch(/not supported/);

  // Nothing leaves before an upload; Sync now sends the page's check.
  expect(await checks()).toEqual([]);
  await options.bringToFront();
  await options.getByRole('button', { name: 'Sync now' }).click();
  await expect.poll(async () => (await checks()).length, { timeout: 20_000 }).toBe(1);
  const [row] = await checks();
  // Without its body the adapter cannot place the compose, so its recipients go unread too.
  expect(row).toMatchObject({
    site: 'outlook',
    page_kind: 'compose',
    check_kind: 'page',
    editor_expected: 1,
    editor_failed: 1,
    context_failed: 1,
    insert_failed: 0,
  });
  expect(row!.day).toBe(new Date().toISOString().slice(0, 10));
  // Privacy: no address, name, subject or URL of the page is stored.
  const stored = JSON.stringify(await checks());
  for (const secret of ['priya', 'Brightcart', 'Jon Park', 'deeplink', 'AAQkAD']) expect(stored.toLowerCase()).not.toContain(secret.toLowerCase());

  // The manager's dashboard: the row, with neither the context nor the message box found.
  await useToken(managerToken);
  const dashboard = await session.openPage('dashboard.html');
  const health = dashboard.getByRole('region', { name: 'Site health' });
  const table = health.getByRole('table', { name: /Site health per day/ });
  await table.waitFor({ timeout: 20_000 });
  const outlookRow = table.getByRole('row').filter({ hasText: 'Outlook' });
  await expect.poll(() => outlookRow.count(), { timeout: 20_000 }).toBe(1);
  const cells = await outlookRow.getByRole('cell').allInnerTexts();
  expect(cells.slice(1)).toEqual(['Outlook', 'New message', row!.version, '1', '0.0%', '0.0%', '0']);
  expect(await health.innerText()).not.toMatch(/Checks from this browser only/);
  await closeAllPages(session);
});
