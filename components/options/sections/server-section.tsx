import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { getDb } from '../../../lib/db';
import { t } from '../../../lib/i18n';
import { storageFullStore } from '../../../lib/storage-full';
import { readSyncProgress, readSyncStatus } from '../../../lib/sync/sync-state';
import { syncStatusText } from '../../../lib/sync/sync-status-text';
import { useStoredValue } from '../../use-stored-value';
import type { SettingsSectionProps } from './settings-section';

/** When the library was last synced, or why it failed (full storage first: nothing can be saved). */
function SyncStatusLine({ serverConfigured }: { serverConfigured: boolean }) {
  const db = getDb();
  const status = useLiveQuery(() => readSyncStatus(db), []);
  const progress = useLiveQuery(() => readSyncProgress(db), []);
  const itemCount = useLiveQuery(() => db.items.count(), []) ?? 0;
  const storageFull = (useStoredValue(storageFullStore) ?? null) !== null;
  const failed = (status?.state === 'error' && serverConfigured) || storageFull;
  const syncing = status?.state === 'syncing' && progress?.total !== undefined && progress.total > 0;
  return (
    <>
      <p className={`sync-status${failed ? ' notice notice-error' : ''}`} role="status" aria-live="polite">
        {syncStatusText({ serverConfigured, status, progress, itemCount, storageFull })}
      </p>
      {syncing && <progress aria-label={t('syncProgressLabel')} value={Math.min(progress.received, progress.total!)} max={progress.total} />}
    </>
  );
}

/** The library server and the rep's access token. */
export function ServerSection({ form, change, serverConfigured }: SettingsSectionProps & { serverConfigured: boolean }) {
  const [showToken, setShowToken] = useState(false);
  return (
    <section aria-labelledby="opt-server">
      <h2 id="opt-server">{t('optServerSection')}</h2>
      <p className="muted">{t('optServerHelp')}</p>
      <label>
        {t('optServerUrl')}
        <input type="url" value={form.serverUrl} placeholder="http://127.0.0.1:8787" onChange={(e) => change({ serverUrl: e.target.value })} />
      </label>
      <label>
        {t('optToken')}
        <span className="token-row">
          <input
            type={showToken ? 'text' : 'password'}
            autoComplete="off"
            spellCheck={false}
            value={form.token}
            onChange={(e) => change({ token: e.target.value })}
          />
          <button type="button" onClick={() => setShowToken(!showToken)}>
            {showToken ? t('optHideToken') : t('optShowToken')}
          </button>
        </span>
      </label>
      <SyncStatusLine serverConfigured={serverConfigured} />
    </section>
  );
}
