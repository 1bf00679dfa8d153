import { readFileSync } from 'node:fs';
import path from 'node:path';
import { render, screen } from '@testing-library/react';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ServerSection } from '../../../components/options/sections/server-section';
import { settingsSchema } from '../../../lib/settings';
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
    ).toBe('Syncing… 2,500 of 10,000 items');
    expect(
      syncStatusText({
        serverConfigured: true,
        status: { state: 'syncing', lastAttemptAt: at, itemCount: 0, skipped: 0 },
        progress: { received: 1, total: 1 },
        itemCount: 1,
      }),
    ).toBe('Syncing… 1 of 1 item');
  });
  test('uses the plural forms of the browser language (Russian: one, few, many)', () => {
    const ru = JSON.parse(readFileSync(path.resolve(__dirname, '../../../public/_locales/ru/messages.json'), 'utf8')) as Record<string, { message: string }>;
    vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue('ru');
    vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(((key: string, subs?: string[]) =>
      (ru[key]?.message ?? '').replace(/\$(\d)/g, (_m, n: string) => subs?.[Number(n) - 1] ?? '')) as never);
    const line = (received: number, total: number) =>
      syncStatusText({
        serverConfigured: true,
        status: { state: 'syncing', lastAttemptAt: at, itemCount: 0, skipped: 0 },
        progress: { received, total },
        itemCount: received,
      });
    expect(line(1, 1)).toBe('Синхронизация… 1 из 1 материала');
    expect(line(3, 21)).toBe('Синхронизация… 3 из 21 материала');
    expect(line(2, 3)).toBe('Синхронизация… 2 из 3 материалов');
    expect(line(4, 11)).toBe('Синхронизация… 4 из 11 материалов');
    expect(line(5, 25)).toBe('Синхронизация… 5 из 25 материалов');
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
    await setMeta(getDb(), 'syncStatus', {
      state: 'error',
      lastAttemptAt: '',
      itemCount: 3,
      skipped: 0,
      error: { code: 'unauthorized', message: 'token rejected' },
    });
    render(<SyncBanner />);
    expect(await screen.findByRole('alert')).toHaveTextContent(/^Token rejected by the library server/);
  });
  test('a sync with a known total says how many of how many items are in', async () => {
    await setMeta(getDb(), 'syncStatus', { state: 'syncing', lastAttemptAt: '', itemCount: 0, skipped: 0 });
    await setMeta(getDb(), 'syncProgress', { received: 4000, total: 10000 });
    render(<SyncBanner />);
    expect(await screen.findByText('Syncing… 4,000 of 10,000 items')).toBeVisible();
  });
  test('a large first sync shows its progress', async () => {
    await setMeta(getDb(), 'syncStatus', { state: 'syncing', lastAttemptAt: '', itemCount: 0, skipped: 0 });
    await setMeta(getDb(), 'syncProgress', { received: 1500 });
    render(<SyncBanner />);
    expect(await screen.findByText('Syncing the library… 1,500 items so far')).toBeVisible();
  });
});

describe('options page progress bar', () => {
  const form = settingsSchema.parse({ serverUrl: 'http://127.0.0.1:8787', token: 'qv_x' });
  test('fills as the pages arrive and goes away once synced', async () => {
    await setMeta(getDb(), 'syncStatus', { state: 'syncing', lastAttemptAt: '', itemCount: 0, skipped: 0 });
    await setMeta(getDb(), 'syncProgress', { received: 4000, total: 10000 });
    render(<ServerSection form={form} change={() => {}} serverConfigured />);
    const bar = await screen.findByRole('progressbar', { name: 'Library sync progress' });
    expect(bar).toHaveAttribute('value', '4000');
    expect(bar).toHaveAttribute('max', '10000');

    await setMeta(getDb(), 'syncProgress', { received: 10000, total: 10000 });
    await vi.waitFor(() => expect(screen.getByRole('progressbar', { name: 'Library sync progress' })).toHaveAttribute('value', '10000'));
    await setMeta(getDb(), 'syncStatus', { state: 'ok', lastAttemptAt: '', lastSyncedAt: '2026-11-27T09:30:00.000Z', itemCount: 10000, skipped: 0 });
    await getDb().meta.delete('syncProgress');
    await vi.waitFor(() => expect(screen.queryByRole('progressbar')).toBeNull());
    expect(screen.getByRole('status')).toHaveTextContent(/10000 items/);
  });
});
