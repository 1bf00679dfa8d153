import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { ContentItem } from '../../lib/schema/content';
import { readContentDir } from '../../server/content-dir';
import { startTestServer, type TestServer } from '../server/support/test-server';
import { launchExtension, type ExtensionSession } from './support/extension';
import { resultTitles, waitForLibrary } from './support/panel';

let server: TestServer;
let session: ExtensionSession;
let library: ContentItem[];
let repToken: string;

const serverOnly: ContentItem = {
  id: 'harbour-freight-pricing-faq',
  type: 'snippet',
  title: 'Harbour Freight pricing FAQ',
  stages: ['conversion'],
  tags: ['pricing', 'faq'],
  summary: 'Answers to the three pricing questions Harbour Freight asks every time.',
  owner: 'paulo.reis@routewise.example',
  body: 'Hi {{first_name | there}}, pricing is per active vehicle per month.\n',
};

beforeAll(async () => {
  server = await startTestServer();
  const { items, problems } = await readContentDir(path.resolve(__dirname, '../../content'));
  expect(problems).toEqual([]);
  library = [...items, serverOnly];
  await server.setLibrary('demo', library);
  repToken = await server.tokenFor('demo', 'sam.carter@routewise.example', 'rep');
  session = await launchExtension();
});
afterAll(async () => {
  await session?.close();
  await server?.dispose();
});

async function configure(page: Page, token: string) {
  await page.getByLabel('Server URL').fill(server.url);
  await page.getByLabel('Access token').fill(token);
  await page.getByRole('button', { name: 'Save' }).click();
}

describe('sync from a library server', () => {
  test('configuring the server in the options page says who you are and syncs the library', async () => {
    const options = await session.openPage('options.html');
    await options.getByLabel('Your name').fill('Sam Carter');
    await configure(options, repToken);
    await expect.poll(() => options.getByRole('alert').innerText()).toBe('Connected as sam.carter@routewise.example (rep) in demo.');
    const status = options.getByRole('status');
    await expect.poll(() => status.innerText(), { timeout: 20_000 }).toMatch(new RegExp(`^Last synced .* — ${library.length} items\\.$`));
  });

  test('server content is found in the side panel', async () => {
    const panel = await session.openPage('sidepanel.html');
    await waitForLibrary(panel);
    await panel.getByRole('searchbox', { name: 'Search content' }).fill('harbour freight pricing');
    await expect.poll(() => resultTitles(panel).then((t) => t[0])).toBe('Harbour Freight pricing FAQ');
    // The demo note is gone: this is the team's library now.
    expect(await panel.getByText(/^Demo library:/).count()).toBe(0);
    await panel.close();
  });

  test('an edit and a deletion on the server reach the panel after Sync now', async () => {
    const panel = await session.openPage('sidepanel.html');
    await waitForLibrary(panel);
    await panel.getByRole('searchbox', { name: 'Search content' }).fill('harbour freight pricing');
    await expect.poll(() => resultTitles(panel).then((t) => t[0])).toBe('Harbour Freight pricing FAQ');

    const removed = library.find((i) => i.id === 'referral-ask')!;
    await server.setLibrary('demo', [
      ...library.filter((i) => i.id !== serverOnly.id && i.id !== removed.id),
      { ...serverOnly, title: 'Harbour Freight pricing FAQ (2027 prices)' },
    ]);
    const options = await session.openPage('options.html');
    await options.getByRole('button', { name: 'Sync now' }).click();
    await expect.poll(() => options.getByRole('status').innerText(), { timeout: 20_000 }).toMatch(new RegExp(`— ${library.length - 1} items\\.$`));

    await panel.bringToFront();
    await expect.poll(() => resultTitles(panel).then((t) => t[0])).toBe('Harbour Freight pricing FAQ (2027 prices)');
    await panel.getByRole('searchbox', { name: 'Search content' }).fill(removed.title);
    await expect.poll(() => resultTitles(panel)).not.toContain(removed.title);
    await panel.close();
    await options.close();
  });

  test('a rejected token shows as such in the options page and the panel, and the cache stays', async () => {
    const options = await session.openPage('options.html');
    await configure(options, 'qv_not-a-real-token');
    await expect.poll(() => options.getByRole('alert').innerText()).toBe('Token rejected: the server does not accept this access token.');
    await options.getByRole('button', { name: 'Sync now' }).click();
    await expect.poll(() => options.getByRole('status').innerText(), { timeout: 20_000 }).toMatch(/token rejected/);
    const panel = await session.openPage('sidepanel.html');
    await expect.poll(() => panel.getByRole('alert').innerText()).toMatch(/^Token rejected by the library server/);
    await waitForLibrary(panel);
    await panel.getByRole('searchbox', { name: 'Search content' }).fill('harbour freight pricing');
    await expect.poll(() => resultTitles(panel).then((t) => t[0])).toBe('Harbour Freight pricing FAQ (2027 prices)');
  });
});
