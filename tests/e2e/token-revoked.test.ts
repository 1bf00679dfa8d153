import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startQuiverChild, type QuiverChild } from '../reliability/support/quiver-child';
import { usageEvents } from '../reliability/support/browser-events';
import { cachedLibrary, outboxIds, queueEvents } from './support/idb';
import { launchExtension, type ExtensionSession } from './support/extension';
import { resultTitles, waitForLibrary } from './support/panel';

/*
 * An admin revokes a rep's token while the rep works (`quiver token revoke`, against a real
 * `quiver serve`). The rep is told, in the options page and in the panel; the cached library
 * keeps serving search; usage events wait in the outbox, none lost; and once the rep enters a
 * new token, every event reaches the server exactly once.
 */

const ROOT = path.resolve(__dirname, '../..');
const QUIVER = path.join(ROOT, 'bin/quiver.mjs');

let dir: string;
let db: string;
let server: QuiverChild;
let session: ExtensionSession;

function quiver(...args: string[]): string {
  return execFileSync(process.execPath, [QUIVER, ...args, '--db', db], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
}

/** The ids of the events the server holds, each as many times as it is stored. */
function serverEventIds(): string[] {
  const conn = new SQLite(db, { readonly: true });
  try {
    return (conn.prepare('select id from usage_events').all() as { id: string }[]).map((r) => r.id);
  } finally {
    conn.close();
  }
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'quiver-revoked-'));
  db = path.join(dir, 'quiver.db');
  quiver('import', path.join(ROOT, 'content'));
  server = await startQuiverChild(db);
  session = await launchExtension();
});
afterAll(async () => {
  await session?.close();
  await server?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function saveSettings(token: string) {
  const options = await session.openPage('options.html');
  await options.getByLabel('Server URL').fill(server.url);
  await options.getByLabel('Access token').fill(token);
  await options.getByRole('button', { name: 'Save' }).click();
  return options;
}

describe('the token is revoked mid-session', () => {
  const before = usageEvents(12, Date.parse('2026-11-20T09:00:00Z'));
  const during = usageEvents(9, Date.parse('2026-11-21T09:00:00Z'));
  let library: string[];

  test('the rep is told, the cache keeps serving, the outbox keeps every event, and a new token sends each once', async () => {
    const first = quiver('token', 'create', '--user', 'sam.carter@routewise.example', '--role', 'rep');
    const options = await saveSettings(first);
    const status = options.getByRole('status');
    await expect.poll(() => status.innerText(), { timeout: 20_000 }).toMatch(/^Last synced .* — \d+ items\.$/);
    library = await cachedLibrary(options);
    expect(library.length).toBeGreaterThan(50);

    // Working normally: events go up.
    await queueEvents(options, before);
    await options.getByRole('button', { name: 'Sync now' }).click();
    await expect.poll(() => outboxIds(options), { timeout: 20_000 }).toEqual([]);
    expect(serverEventIds().sort()).toEqual(before.map((e) => e.id).sort());

    // The admin revokes the token; the rep keeps working.
    expect(quiver('token', 'revoke', first)).toBe('Revoked 1 token.');
    await queueEvents(options, during);
    await options.getByRole('button', { name: 'Sync now' }).click();

    // Told in the options page, not shown an empty library.
    await expect.poll(() => status.innerText(), { timeout: 20_000 }).toMatch(/token rejected/i);
    expect(await cachedLibrary(options)).toEqual(library);
    // Told in the panel, which still finds content in the cache.
    const panel = await session.openPage('sidepanel.html');
    await waitForLibrary(panel);
    await expect.poll(() => panel.getByText('Token rejected by the library server: showing the cached library. Update the token in Settings.').count()).toBe(1);
    await panel.getByRole('searchbox', { name: 'Search content' }).fill('empty miles');
    await expect.poll(() => resultTitles(panel).then((t) => t.length)).toBeGreaterThan(0);
    // Nothing lost: every event queued after the revocation waits (the panel's own search may add more).
    const waiting = await outboxIds(options);
    expect(waiting).toEqual(expect.arrayContaining(during.map((e) => e.id)));
    expect(serverEventIds().sort()).toEqual(before.map((e) => e.id).sort());
    await panel.close();

    // A new token: the outbox goes up, each event once, and the status is clean again.
    const second = quiver('token', 'create', '--user', 'sam.carter@routewise.example', '--role', 'rep');
    const again = await saveSettings(second);
    await expect.poll(() => again.getByRole('status').innerText(), { timeout: 20_000 }).toMatch(/^Last synced .* — \d+ items\.$/);
    await again.getByRole('button', { name: 'Sync now' }).click();
    await expect.poll(() => outboxIds(again), { timeout: 20_000 }).toEqual([]);
    const stored = serverEventIds();
    expect(stored.length).toBe(new Set(stored).size);
    expect(new Set(stored)).toEqual(new Set([...before.map((e) => e.id), ...waiting]));
    expect(await cachedLibrary(again)).toEqual(library);
  });
});
