import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { ContentItem } from '../../../lib/schema/content';
import { readContentDir } from '../../../server/content-dir';
import { readClipboard } from '../../e2e/support/extension';
import { openFixture, openPanel } from '../../fixtures/serve';
import { startTestServer, type TestServer } from '../../server/support/test-server';
import { setDiskFull } from '../support/browser-disk-full';
import { usageEvents } from '../support/browser-events';
import { cachedLibrary, outboxIds, queueEvents, readMeta } from '../../e2e/support/idb';
import { connect, syncStatus, waitForSynced } from '../support/browser-server';
import { launchAttackSession, until, type AttackSession } from '../support/browser-session';
import { recordFigures } from '../support/figures';

/*
 * Item 5, IndexedDB quota errors in Chromium: the disk fills up (every IndexedDB write in the
 * panel, the options page and the worker fails as a full disk fails it; see
 * browser-disk-full.ts) while a rep works. The panel keeps working — search, copy — and says
 * storage is full; the options page says why the library cannot be updated; nothing already
 * stored changes (cached library, queued events, the sync cursor). Once space is freed,
 * everything catches up, and every event queued reaches the server exactly once.
 */

let server: TestServer;
let session: AttackSession;
let library: ContentItem[];
let panel: Page;

beforeAll(async () => {
  server = await startTestServer();
  library = (await readContentDir(path.resolve(__dirname, '../../../content'))).items;
  await server.setLibrary('demo', library);
  session = await launchAttackSession();
  await connect(session.seat, server, await server.tokenFor('demo', 'sam.carter@routewise.example', 'rep'));
  await waitForSynced(session.seat, library.length);
  const gmail = await openFixture(session, 'gmail-thread-reply.html');
  ({ page: panel } = await openPanel(session, gmail));
  await panel.getByRole('list', { name: 'Results' }).getByRole('listitem').first().waitFor({ timeout: 20_000 });
});
afterAll(async () => {
  await session?.close();
  await server?.dispose();
});

const serverEventIds = async () => (await server.db.selectFrom('usage_events').select('id').execute()).map((r) => r.id);
/** The panel's alerts, as text (none is an empty string). */
const alerts = () =>
  panel
    .getByRole('alert')
    .allInnerTexts()
    .then((texts) => texts.join(' '));

test('with the disk full the panel still searches and copies, the rep is told, and nothing stored changes', async () => {
  // The panel has settled (what it recorded is uploaded), and events wait in the outbox.
  await panel.waitForTimeout(1500);
  await queueEvents(session.seat, usageEvents(300));
  const before = {
    items: await cachedLibrary(session.seat),
    outbox: await outboxIds(session.seat),
    cursor: await readMeta<string>(session.seat, 'libraryCursor'),
  };
  // Edits wait on the server: the next sync has a page to store.
  const edited = library.map((item, i) => (i < 3 ? { ...item, title: `${item.title} (2027 edition)` } : item));
  await server.setLibrary('demo', edited);

  await setDiskFull([panel, session.seat, session.worker], true);

  // Search and copy work from what is cached.
  const search = panel.getByRole('searchbox', { name: 'Search content' });
  await search.fill('roi one paragraph');
  const roi = panel.getByRole('list', { name: 'Results' }).locator('li[data-id="roi-one-liner"]');
  await roi.waitFor();
  await roi.getByRole('button', { name: 'Copy' }).click();
  await expect.poll(() => panel.getByRole('status').first().innerText()).toMatch(/^Copied “ROI in one paragraph/);
  expect((await readClipboard(session)).text).toMatch(/^Quick numbers from comparable fleets/);
  // The copy could not be recorded: the panel says storage is full.
  await expect.poll(alerts, { timeout: 10_000 }).toMatch(/storage is full/i);

  // Sync now cannot store the edits: the options page says why, in its status line.
  await session.seat.bringToFront();
  await session.seat.getByRole('button', { name: 'Sync now' }).click();
  await expect.poll(() => syncStatus(session.seat), { timeout: 20_000 }).toMatch(/storage is full/i);

  const after = {
    items: await cachedLibrary(session.seat),
    outbox: await outboxIds(session.seat),
    cursor: await readMeta<string>(session.seat, 'libraryCursor'),
  };
  const changedItems = before.items.filter((i) => !after.items.includes(i)).length + after.items.filter((i) => !before.items.includes(i)).length;
  const lostEvents = before.outbox.filter((id) => !after.outbox.includes(id)).length;
  recordFigures([
    { item: '5', name: 'disk full · cached items lost or changed', value: changedItems, atLeast: 0, atMost: 0 },
    { item: '5', name: 'disk full · queued events lost', value: lostEvents, atLeast: 0, atMost: 0 },
    { item: '5', name: 'disk full · sync cursor moved without its page', value: Number(after.cursor !== before.cursor), atLeast: 0, atMost: 0 },
  ]);
  expect(before.outbox.length).toBeGreaterThanOrEqual(300);
  expect(after).toEqual(before);
  // Search still answers after all this.
  await search.fill('');
  await search.fill('roi one paragraph');
  await expect.poll(() => roi.locator('.result-title').innerText()).toMatch(/^ROI in one paragraph/);
});

test('once space is freed, the library catches up, the notices go, and every queued event reaches the server once', async () => {
  const queued = await outboxIds(session.seat);
  expect(queued.length).toBeGreaterThanOrEqual(300);
  await setDiskFull([panel, session.seat, session.worker], false);
  await session.seat.getByRole('button', { name: 'Sync now' }).click();
  await waitForSynced(session.seat, library.length);
  expect(await cachedLibrary(session.seat)).toContain(`${library[0]!.id}@2`);
  // The next thing recorded goes through, and with it the notice.
  await panel.bringToFront();
  await panel.getByRole('list', { name: 'Results' }).locator('.result-title').first().click();
  await expect.poll(alerts, { timeout: 10_000 }).toBe('');
  await session.seat.bringToFront();
  await session.seat.getByRole('button', { name: 'Sync now' }).click();
  const onServer = await until(serverEventIds, (ids) => queued.every((id) => ids.includes(id)), 'the queued events on the server');
  const counted = onServer.filter((id) => queued.includes(id)).length;
  recordFigures([
    { item: '5', name: 'disk full, then freed · queued events counted by the server', value: counted, atLeast: queued.length, atMost: queued.length },
  ]);
  expect(counted).toBe(queued.length);
});
