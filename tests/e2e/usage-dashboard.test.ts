import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { readContentDir } from '../../server/content-dir';
import { closeAllPages, openFixture, openPanel } from '../fixtures/serve';
import { startTestServer, type TestServer } from '../server/support/test-server';
import { launchExtension, type ExtensionSession } from './support/extension';
import { result, waitForLibrary } from './support/panel';

let server: TestServer;
let session: ExtensionSession;
let repToken: string;
let managerToken: string;

const GAP = 'veterinary kennels';
const INSERTED = 'Cold intro — empty miles and planning time';

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
  await options.getByLabel('Your name').fill('Sam Carter');
  await options.getByLabel('Your title').fill('Account Executive');
  await options.getByLabel('Your company').fill('Routewise');
  await options.getByRole('button', { name: 'Save' }).click();
  await expect.poll(() => options.getByRole('alert').innerText()).toMatch(/^Connected as /);
  return options;
}

const serverEvents = async () =>
  (await server.db.selectFrom('usage_events').select(['kind', 'payload']).execute()).map((r) => ({
    kind: r.kind,
    payload: JSON.parse(r.payload as string) as Record<string, unknown>,
  }));

test('what a rep does in the panel reaches the manager dashboard, without prospect details', async () => {
  const options = await useToken(repToken);
  await expect.poll(() => options.getByRole('status').innerText(), { timeout: 20_000 }).toMatch(/^Last synced/);

  const gmail = await openFixture(session, 'gmail-inbox-compose.html');
  await gmail.locator('[id=":tn"] > div').first().click();
  const { page: panel } = await openPanel(session, gmail);
  await waitForLibrary(panel);
  const searchBox = panel.getByRole('searchbox', { name: 'Search content' });

  // A search with no results (a new email ranks Awareness first): a content gap, logged once
  // the rep stops typing.
  await panel.getByText('Awareness first — from a new email', { exact: true }).waitFor();
  await searchBox.fill(GAP);
  await panel.getByText(`Nothing matches “${GAP}”.`).waitFor();
  await panel.waitForTimeout(1600);

  // Preview, then insert.
  await searchBox.fill('cold intro empty miles');
  const item = result(panel, INSERTED);
  await item.locator('.result-title').click();
  await item.getByRole('region', { name: 'Preview' }).waitFor();
  await item.getByRole('button', { name: 'Insert' }).click();
  await expect.poll(() => panel.getByRole('status').innerText()).toMatch(/^Inserted/);
  expect(await gmail.locator('#compose-2 [g_editable="true"]').innerText()).toMatch(/^Hi Priya,/);

  // The outbox goes up on Sync now (and on its own alarm).
  await options.bringToFront();
  await options.getByRole('button', { name: 'Sync now' }).click();
  await expect
    .poll(async () => (await serverEvents()).map((e) => e.kind).sort(), { timeout: 20_000 })
    .toEqual(expect.arrayContaining(['insert', 'preview', 'search_no_results']));
  const events = await serverEvents();
  const insert = events.find((e) => e.kind === 'insert')!.payload;
  expect(insert).toMatchObject({ contentId: 'cold-intro-empty-miles', site: 'gmail', pageKind: 'compose', user: 'sam.carter@routewise.example' });
  expect(insert.timeToContentMs).toEqual(expect.any(Number));
  // Privacy: nothing about the prospect or the email leaves the browser.
  const wire = JSON.stringify(events);
  for (const secret of ['Priya', 'priya.raman@brightcart.io', 'Brightcart', 'Hi Priya']) expect(wire).not.toContain(secret);

  // A manager opens the dashboard.
  await useToken(managerToken);
  const dashboard = await session.openPage('dashboard.html');
  await expect.poll(() => dashboard.getByText(`Team figures from ${server.url}`).count(), { timeout: 20_000 }).toBe(1);
  const top = dashboard
    .getByRole('region', { name: 'Top content' })
    .or(dashboard.locator('section', { has: dashboard.getByRole('heading', { name: 'Top content' }) }));
  await expect.poll(() => top.first().innerText(), { timeout: 20_000 }).toContain(INSERTED);
  const gaps = dashboard.locator('section', { has: dashboard.getByRole('heading', { name: 'Searches with no results' }) });
  expect(await gaps.innerText()).toContain(GAP);
  const neverUsed = dashboard.locator('section', { has: dashboard.getByRole('heading', { name: 'Never used' }) });
  expect(await neverUsed.innerText()).not.toContain(INSERTED);
  await closeAllPages(session);
});
