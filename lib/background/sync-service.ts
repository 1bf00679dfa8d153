import { browser } from 'wxt/browser';
import { getDb, getMeta, setMeta, type QuiverDb } from '../db';
import { messenger, tabTransport } from '../messaging/send';
import { uploadOutbox, type UploadResult } from '../events/upload';
import { SiteHealthMonitor } from '../site-health/monitor';
import { refreshShareLinks } from '../links/share-links';
import { isServerConfigured, loadSettings, type Settings } from '../settings';
import { createApiClient, type ApiClient } from '../sync/api-client';
import { backoffDelay, shouldRetry } from '../sync/backoff';
import { syncLibrary, type SyncResult } from '../sync/library-sync';
import { noteStorageFull, noteWriteWorked } from '../storage-full';
import type { LibraryService } from './library-service';
import { ensureDemoLibrary } from './seed';
import { SyncIndex } from './sync-index';

export const ALARMS = {
  /** Regular library sync. */
  sync: 'quiver-sync',
  /** A retry after a failed sync, with backoff. */
  syncRetry: 'quiver-sync-retry',
  /** Regular upload of the event outbox. */
  upload: 'quiver-upload',
} as const;

export const SYNC_PERIOD_MINUTES = 15;
export const UPLOAD_PERIOD_MINUTES = 1;

const RETRY_META = { sync: 'syncRetryAttempt', upload: 'uploadRetryAttempt', uploadNotBefore: 'uploadNotBefore' } as const;

function clientFor(settings: Settings): ApiClient {
  // Called unbound inside the client: a worker's fetch throws "Illegal invocation" otherwise.
  return createApiClient({ serverUrl: settings.serverUrl, token: settings.token, fetch: (...args) => fetch(...args) });
}

/** Tells open pages with Quiver's content script that the shortcuts may have changed. */
export async function announceShortcutsChanged(): Promise<void> {
  const tabs = await browser.tabs.query({}).catch(() => []);
  for (const tab of tabs) {
    if (tab.id === undefined) continue;
    void messenger('bg', 'content', tabTransport(tab.id)).notify('bg->content:shortcuts-changed');
  }
}

/**
 * Tells every page when the cache or the outbox could not be written (the disk is full), and
 * when a write went through again. The pages cannot learn it from the stored sync status,
 * which a full disk does not let the sync write.
 */
async function tellStorage(result: { error?: { code: string } }): Promise<void> {
  if (result.error?.code === 'storage') await noteStorageFull();
  // A run without an error wrote at least its status.
  else if (!result.error) await noteWriteWorked();
}

/**
 * The background's library sync and event upload: on install and start-up, on alarms, on
 * Sync now and after the rep acts. Failures that may pass (server down, 5xx) are retried with
 * backoff; the cached library and the queued events stay as they are meanwhile.
 */
export class SyncService {
  constructor(
    private readonly db: QuiverDb = getDb(),
    /** When given, the library is indexed as it syncs and the index persisted with it. */
    private readonly library?: LibraryService,
  ) {}

  /** Creates the periodic alarms if the browser does not have them yet (they survive restarts). */
  async ensureAlarms(): Promise<void> {
    const existing = new Set((await browser.alarms.getAll()).map((a) => a.name));
    if (!existing.has(ALARMS.sync)) await browser.alarms.create(ALARMS.sync, { periodInMinutes: SYNC_PERIOD_MINUTES });
    if (!existing.has(ALARMS.upload)) await browser.alarms.create(ALARMS.upload, { periodInMinutes: UPLOAD_PERIOD_MINUTES });
  }

  async seedIfNoServer(): Promise<void> {
    if (!isServerConfigured(await loadSettings())) await ensureDemoLibrary(this.db, false);
  }

  /** Syncs the library from the server, or keeps the demo library when none is configured. */
  async sync(): Promise<SyncResult | null> {
    const settings = await loadSettings();
    if (!isServerConfigured(settings)) {
      await ensureDemoLibrary(this.db, false);
      return null;
    }
    const client = clientFor(settings);
    const result = await syncLibrary(this.db, client, this.library ? { indexer: new SyncIndex(this.library) } : {});
    // The rep's share links and their views come along with every sync; a server without
    // them (older) or a failure here never fails the library sync.
    if (result.outcome === 'synced') await refreshShareLinks(client).catch(() => []);
    if (result.upserted.length > 0 || result.deleted.length > 0 || result.replaced) void announceShortcutsChanged();
    await tellStorage(result);
    if (result.outcome === 'failed' && result.error && shouldRetry(result.error.code)) {
      const attempt = (await getMeta(this.db, RETRY_META.sync)) ?? 0;
      await setMeta(this.db, RETRY_META.sync, attempt + 1);
      await browser.alarms.create(ALARMS.syncRetry, { when: Date.now() + backoffDelay(attempt) });
    } else if (result.outcome === 'synced') {
      await setMeta(this.db, RETRY_META.sync, 0);
      await browser.alarms.clear(ALARMS.syncRetry);
    }
    return result;
  }

  /**
   * Uploads queued events, unless a backoff after a failure is still running (`force` ignores
   * it, for the alarm). With no server configured the events stay local.
   */
  async upload({ force = false }: { force?: boolean } = {}): Promise<UploadResult | null> {
    const settings = await loadSettings();
    if (!isServerConfigured(settings)) return null;
    const notBefore = (await getMeta(this.db, RETRY_META.uploadNotBefore)) ?? 0;
    if (!force && Date.now() < notBefore) return null;
    // Pages checked for site health since the last upload go out with it.
    await new SiteHealthMonitor(this.db).flush().catch(() => {});
    const result = await uploadOutbox(this.db, clientFor(settings));
    await tellStorage(result);
    // The backoff is bookkeeping: when the disk is full it cannot be kept, and the upload
    // simply runs again on its alarm.
    if (result.outcome === 'failed') {
      const attempt = (await getMeta(this.db, RETRY_META.upload)) ?? 0;
      await setMeta(this.db, RETRY_META.upload, attempt + 1).catch(() => {});
      await setMeta(this.db, RETRY_META.uploadNotBefore, Date.now() + backoffDelay(attempt, { baseMs: 15_000 })).catch(() => {});
    } else if (notBefore !== 0) {
      // Back from a failure; an idle run every minute writes nothing.
      await setMeta(this.db, RETRY_META.upload, 0).catch(() => {});
      await setMeta(this.db, RETRY_META.uploadNotBefore, 0).catch(() => {});
    }
    return result;
  }
}
