import { render, screen } from '@testing-library/react';
import { afterEach, describe, expect, test } from 'vitest';
import { syncStatusText } from '../../../lib/sync/sync-status-text';
import { SyncBanner } from '../../../components/panel/sync-banner';
import { getDb, setMeta } from '../../../lib/db';

afterEach(async () => {
  await getDb().meta.clear();
});

describe('sync status line', () => {
  const at = '2026-11-27T09:30:00.000Z';
  test('says when the library was last synced, how many items, and how many were skipped', () => {
    const text = syncStatusText({
      serverConfigured: true,
      status: { state: 'ok', lastSyncedAt: at, lastAttemptAt: at, itemCount: 84, skipped: 2 },
      progress: undefined,
      itemCount: 84,
    });
    expect(text).toMatch(/^Last synced .+ — 84 items\. 2 items from the server were skipped as invalid\.$/);
  });
  test('shows progress during a large first sync', () => {
    expect(
      syncStatusText({
        serverConfigured: true,
        status: { state: 'syncing', lastAttemptAt: at, itemCount: 0, skipped: 0 },
        progress: { received: 2500, total: 10000 },
        itemCount: 2500,
      }),
    ).toBe('Syncing… 2,500 of 10,000 changes received.');
  });
  test('says why the last sync failed, and that the cache still works', () => {
    const failed = (code: 'unauthorized' | 'unreachable' | 'malformed', message: string) =>
      syncStatusText({
        serverConfigured: true,
        status: { state: 'error', lastAttemptAt: at, itemCount: 84, skipped: 0, error: { code, message } },
        progress: undefined,
        itemCount: 84,
      });
    expect(failed('unauthorized', 'token rejected')).toMatch(/: token rejected\. The cached library \(84 items\) still works\.$/);
    expect(failed('unreachable', 'cannot reach http://x')).toMatch(/: server unreachable \(cannot reach http:\/\/x\)\./);
    expect(failed('malformed', 'not JSON')).toMatch(/the server's answer was malformed, so the cached library was left unchanged/);
  });
  test('without a server it names the demo library', () => {
    expect(syncStatusText({ serverConfigured: false, status: undefined, progress: undefined, itemCount: 84 })).toBe(
      'No library server: using the demo library (84 items).',
    );
  });
});

describe('panel banner', () => {
  test('a rejected token is said, not shown as an empty library', async () => {
    await setMeta(getDb(), 'syncStatus', { state: 'error', lastAttemptAt: '', itemCount: 3, skipped: 0, error: { code: 'unauthorized', message: 'token rejected' } });
    render(<SyncBanner />);
    expect(await screen.findByRole('alert')).toHaveTextContent(/^Token rejected by the library server/);
  });
  test('a large first sync shows its progress', async () => {
    await setMeta(getDb(), 'syncStatus', { state: 'syncing', lastAttemptAt: '', itemCount: 0, skipped: 0 });
    await setMeta(getDb(), 'syncProgress', { received: 1500 });
    render(<SyncBanner />);
    expect(await screen.findByText('Syncing the library… 1,500 items so far')).toBeVisible();
  });
});
