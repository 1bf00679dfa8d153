import { useEffect, useState } from 'react';
import { t } from '../../lib/i18n';
import { messenger, runtimeTransport } from '../../lib/messaging/send';
import { isServerConfigured, loadSettings, saveSettings, type Settings } from '../../lib/settings';
import { checkToken, type TokenCheck } from '../../lib/sync/token-check';
import { EventsSection } from './sections/events-section';
import { PrivacySection } from './sections/privacy-section';
import { ProfileSection } from './sections/profile-section';
import { ServerSection } from './sections/server-section';
import { ShortcutsSection } from './sections/shortcuts-section';
import { SitesSection } from './sections/sites-section';
import { StageMapTable } from './stage-map-table';
import { StaleUsage } from './stale-usage';

/** The options page: server and token, the rep's profile, shortcuts, privacy, sync status, the sites' regions. */
export function OptionsPage() {
  const [form, setForm] = useState<Settings>();
  const [saved, setSaved] = useState<Settings>();
  const [check, setCheck] = useState<TokenCheck | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void loadSettings().then((s) => {
      setForm(s);
      setSaved(s);
    });
  }, []);
  if (!form) return null;

  const change = (patch: Partial<Settings>) => setForm({ ...form, ...patch });
  const bg = messenger('options', 'bg', runtimeTransport);

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
        setCheck(await checkToken(next));
      } else {
        setCheck({ kind: 'ok', text: t('optSaved') });
      }
      void bg.request('options->bg:settings-changed').catch(() => {});
    } finally {
      setBusy(false);
    }
  };

  const syncNow = async () => {
    setBusy(true);
    try {
      await bg.request('options->bg:sync-now');
    } catch {
      // The status line shows the outcome the background recorded.
    } finally {
      setBusy(false);
    }
  };

  const serverConfigured = saved ? isServerConfigured(saved) : false;

  return (
    <main className="options">
      <h1>{t('optionsTitle')}</h1>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <ServerSection form={form} change={change} serverConfigured={serverConfigured} />
        <ProfileSection form={form} change={change} />
        <ShortcutsSection form={form} change={change} />
        <PrivacySection form={form} change={change} />
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
      <SitesSection />
      <EventsSection />
      <StaleUsage />
      <StageMapTable />
    </main>
  );
}
