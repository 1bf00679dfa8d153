import { t, tp, uiLocale, type MessageKey } from '../i18n';
import type { SyncErrorCode, SyncProgress, SyncStatus } from './sync-state';

const ERROR_KEYS: Record<SyncErrorCode, MessageKey> = {
  unauthorized: 'errUnauthorized',
  forbidden: 'errForbidden',
  unreachable: 'errUnreachable',
  server: 'errServer',
  malformed: 'errMalformed',
  bad_request: 'errBadRequest',
  aborted: 'errServer',
  storage: 'errStorage',
};

export function errorText(code: SyncErrorCode): string {
  return t(ERROR_KEYS[code] ?? 'errServer');
}

function when(iso: string): string {
  return new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/** The sync status line: when the library was last synced and how many items, or why it failed. */
export function syncStatusText(opts: {
  serverConfigured: boolean;
  status: SyncStatus | undefined;
  progress: SyncProgress | undefined;
  itemCount: number;
  /** The browser's storage is full (lib/storage-full.ts): the stored status may be stale. */
  storageFull?: boolean;
}): string {
  const { serverConfigured, status, progress, itemCount } = opts;
  if (opts.storageFull) return t('statusStorageFull', itemCount);
  if (!serverConfigured && (!status || status.state !== 'syncing')) return t('statusNoServer', itemCount);
  if (!status) return t('statusNeverSynced');
  if (status.state === 'syncing') {
    if (progress?.total !== undefined) {
      return tp('syncProgressItems', progress.total, [progress.received.toLocaleString(uiLocale())]);
    }
    if (progress) return t('statusSyncingCount', progress.received.toLocaleString());
    return t('statusSyncingStart');
  }
  if (status.state === 'error' && status.error) {
    const why = errorText(status.error.code);
    const detail = status.error.code === 'unauthorized' || status.error.code === 'malformed' ? why : `${why} (${status.error.message})`;
    return t('statusFailedAt', [when(status.lastAttemptAt), detail, status.itemCount]);
  }
  const synced = status.lastSyncedAt ? t('statusSynced', [when(status.lastSyncedAt), status.itemCount]) : t('statusNeverSynced');
  return status.skipped > 0 ? `${synced} ${t('statusSyncedSkipped', status.skipped)}` : synced;
}
