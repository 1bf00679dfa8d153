import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { getDb, getMeta } from '../../lib/db';
import { outboxStats } from '../../lib/events/outbox';
import { UPLOAD_META } from '../../lib/events/upload';
import { t } from '../../lib/i18n';
import { messenger, runtimeTransport } from '../../lib/messaging/send';
import { isServerConfigured, loadSettings, saveSettings, type Settings } from '../../lib/settings';
import { createApiClient } from '../../lib/sync/api-client';
import { ApiError } from '../../lib/sync/api-error';
import { readSyncProgress, readSyncStatus } from '../../lib/sync/sync-state';
import { useStorageFull } from '../use-storage-full';
import { StageMapTable } from './stage-map-table';
import { StaleUsage } from './stale-usage';
import { errorText, syncStatusText } from './sync-status-text';

type Check = { kind: 'info' | 'ok' | 'error'; text: string } | null;

/** Checks the token with /api/v1/me and says who it belongs to, or why it cannot. */
async function checkToken(settings: Settings): Promise<Check> {
  const client = createApiClient({ serverUrl: settings.serverUrl, token: settings.token, fetch: (...a) => fetch(...a), timeoutMs: 10_000 });
  try {
    const me = await client.me();
    return { kind: 'ok', text: t('optConnectedAs', [me.user.email, me.user.role, me.org.slug]) };
  } catch (error) {
    if (!(error instanceof ApiError)) return { kind: 'error', text: String(error) };
    if (error.code === 'unauthorized') return { kind: 'error', text: t('optTokenRejected') };
    if (error.code === 'unreachable') return { kind: 'error', text: t('optServerUnreachable', error.message) };
    return { kind: 'error', text: t('optServerError', `${errorText(error.code)}: ${error.message}`) };
  }
}

/** The options page: server and token, the rep's profile, shortcuts, privacy, sync status. */
export function OptionsPage() {
  const [form, setForm] = useState<Settings>();
  const [check, setCheck] = useState<Check>(null);
  const [showToken, setShowToken] = useState(false);
  const [busy, setBusy] = useState(false);
  const db = getDb();
  const status = useLiveQuery(() => readSyncStatus(db), []);
  const progress = useLiveQuery(() => readSyncProgress(db), []);
  const itemCount = useLiveQuery(() => db.items.count(), []) ?? 0;
  const outbox = useLiveQuery(() => outboxStats(db), []);
  const rejected = useLiveQuery(() => getMeta<{ count: number }>(db, UPLOAD_META.rejected), []);
  const [saved, setSaved] = useState<Settings>();
  const storageFull = useStorageFull();

  useEffect(() => {
    void loadSettings().then((s) => {
      setForm(s);
      setSaved(s);
    });
  }, []);
  if (!form) return null;

  const set = <K extends keyof Settings>(key: K, value: Settings[K]) => setForm({ ...form, [key]: value });
  const setProfile = (key: keyof Settings['profile'], value: string) => setForm({ ...form, profile: { ...form.profile, [key]: value } });

  const save = async () => {
    const serverUrl = form.serverUrl.trim();
    const token = form.token.trim();
    if ((serverUrl === '') !== (token === '')) return setCheck({ kind: 'error', text: t('optNeedBoth') });
    if (serverUrl && !/^https?:\/\/[^/\s]+/i.test(serverUrl)) return setCheck({ kind: 'error', text: t('optInvalidUrl') });
    setBusy(true);
    try {
      const next = await saveSettings({ ...form, serverUrl, token });
      setForm(next);
      setSaved(next);
      if (isServerConfigured(next)) {
        setCheck({ kind: 'info', text: t('optCheckingToken') });
        const result = await checkToken(next);
        setCheck(result);
      } else {
        setCheck({ kind: 'ok', text: t('optSaved') });
      }
      void messenger('options', 'bg', runtimeTransport).request('options->bg:settings-changed').catch(() => {});
    } finally {
      setBusy(false);
    }
  };

  const syncNow = async () => {
    setBusy(true);
    try {
      await messenger('options', 'bg', runtimeTransport).request('options->bg:sync-now');
    } catch {
      // The status line shows the outcome the background recorded.
    } finally {
      setBusy(false);
    }
  };

  const serverConfigured = saved ? isServerConfigured(saved) : false;
  const statusLine = syncStatusText({ serverConfigured, status, progress, itemCount, storageFull: storageFull !== null });
  const statusFailed = (status?.state === 'error' && serverConfigured) || storageFull !== null;

  return (
    <main className="options">
      <h1>{t('optionsTitle')}</h1>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <section aria-labelledby="opt-server">
          <h2 id="opt-server">{t('optServerSection')}</h2>
          <p className="muted">{t('optServerHelp')}</p>
          <label>
            {t('optServerUrl')}
            <input type="url" value={form.serverUrl} placeholder="http://127.0.0.1:8787" onChange={(e) => set('serverUrl', e.target.value)} />
          </label>
          <label>
            {t('optToken')}
            <span className="token-row">
              <input
                type={showToken ? 'text' : 'password'}
                autoComplete="off"
                spellCheck={false}
                value={form.token}
                onChange={(e) => set('token', e.target.value)}
              />
              <button type="button" onClick={() => setShowToken(!showToken)}>
                {showToken ? t('optHideToken') : t('optShowToken')}
              </button>
            </span>
          </label>
          <p className={`sync-status${statusFailed ? ' notice notice-error' : ''}`} role="status" aria-live="polite">
            {statusLine}
          </p>
        </section>

        <section aria-labelledby="opt-profile">
          <h2 id="opt-profile">{t('optProfileSection')}</h2>
          <p className="muted">{t('optProfileHelp')}</p>
          <label>
            {t('optYourName')}
            <input value={form.profile.fullName} autoComplete="name" onChange={(e) => setProfile('fullName', e.target.value)} />
          </label>
          <label>
            {t('optYourTitle')}
            <input value={form.profile.title} autoComplete="organization-title" onChange={(e) => setProfile('title', e.target.value)} />
          </label>
          <label>
            {t('optYourCompany')}
            <input value={form.profile.company} autoComplete="organization" onChange={(e) => setProfile('company', e.target.value)} />
          </label>
          <label>
            {t('optYourEmail')}
            <input type="email" value={form.profile.email} autoComplete="email" onChange={(e) => setProfile('email', e.target.value)} />
          </label>
        </section>

        <section aria-labelledby="opt-shortcuts">
          <h2 id="opt-shortcuts">{t('optShortcutsSection')}</h2>
          <label>
            {t('optShortcutPrefix')}
            <input value={form.shortcutPrefix} maxLength={3} required onChange={(e) => set('shortcutPrefix', e.target.value)} />
          </label>
          <label>
            {t('optShortcutKey')}
            <select value={form.shortcutKey} onChange={(e) => set('shortcutKey', e.target.value as Settings['shortcutKey'])}>
              <option value="Tab">{t('optKeyTab')}</option>
              <option value="Space">{t('optKeySpace')}</option>
            </select>
          </label>
          <p className="muted">{t('optShortcutHelp', `${form.shortcutPrefix}roi + ${form.shortcutKey === 'Tab' ? t('optKeyTab') : t('optKeySpace')}`)}</p>
        </section>

        <section aria-labelledby="opt-privacy">
          <h2 id="opt-privacy">{t('optPrivacySection')}</h2>
          <label className="checkbox">
            <input type="checkbox" checked={form.logQueries} onChange={(e) => set('logQueries', e.target.checked)} />
            {t('optLogQueries')}
          </label>
          <p className="muted">{t('optPrivacyHelp')}</p>
        </section>

        <div className="form-actions">
          <button type="submit" disabled={busy}>
            {t('optSave')}
          </button>
          <button type="button" disabled={busy || !serverConfigured} onClick={() => void syncNow()}>
            {t('optSyncNow')}
          </button>
          {check && (
            <p className={`check check-${check.kind}`} role="alert">
              {check.text}
            </p>
          )}
        </div>
      </form>

      <section aria-labelledby="opt-events">
        <h2 id="opt-events">{t('optEventsSection')}</h2>
        <p>{t('optOutbox', outbox?.queued ?? 0)}</p>
        {(outbox?.dropped ?? 0) > 0 && <p className="notice notice-warning">{t('optOutboxDropped', outbox!.dropped)}</p>}
        {(rejected?.count ?? 0) > 0 && <p className="muted">{t('optOutboxRejected', rejected!.count)}</p>}
        <p>
          <a href={(browser.runtime.getURL as (p: string) => string)('/dashboard.html')}>{t('optOpenDashboard')}</a>
        </p>
      </section>

      <StaleUsage />
      <StageMapTable />
    </main>
  );
}
