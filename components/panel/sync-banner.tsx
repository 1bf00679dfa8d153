import { useLiveQuery } from 'dexie-react-hooks';
import { getDb, getMeta } from '../../lib/db';
import { t, tp, uiLocale } from '../../lib/i18n';
import { readSyncProgress, readSyncStatus } from '../../lib/sync/sync-state';
import { storageFullStore } from '../../lib/storage-full';
import { useStoredValue } from '../use-stored-value';

/**
 * What the panel must not hide: the browser's storage full (the cache still answers, but
 * nothing new can be saved), a rejected token or an unreachable server (the cache still
 * answers), a large first sync under way, items skipped as invalid, or the demo library in use.
 */
export function SyncBanner() {
  const db = getDb();
  const status = useLiveQuery(() => readSyncStatus(db), []);
  const progress = useLiveQuery(() => readSyncProgress(db), []);
  const source = useLiveQuery(() => getMeta(db, 'librarySource'), []);
  const storageFull = useStoredValue(storageFullStore);
  if (storageFull)
    return (
      <p className="banner notice-error" role="alert">
        {t('storageFullBanner')}
      </p>
    );
  if (status?.state === 'error' && status.error?.code === 'unauthorized') {
    return (
      <p className="banner notice-error" role="alert">
        {t('statusTokenRejected')}
      </p>
    );
  }
  if (status?.state === 'error' && (status.error?.code === 'unreachable' || status.error?.code === 'server')) {
    return <p className="banner notice-warning">{t('statusUnreachable')}</p>;
  }
  if (status?.state === 'syncing' && progress?.total !== undefined) {
    // The part already synced is searchable (the background indexes it as it arrives).
    return (
      <p className="banner notice-line" role="status">
        {tp('syncProgressItems', progress.total, [progress.received.toLocaleString(uiLocale())])}
      </p>
    );
  }
  if (status?.state === 'syncing' && progress) {
    return <p className="banner notice-line">{tp('statusSyncing', progress.received)}</p>;
  }
  if (source === 'server' && (status?.skipped ?? 0) > 0) {
    return <p className="banner notice-warning">{tp('statusSkipped', status!.skipped)}</p>;
  }
  if (source === 'demo') return <p className="banner muted">{t('demoLibraryNote')}</p>;
  return null;
}
