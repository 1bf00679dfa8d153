import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { t } from '../../lib/i18n';
import { messenger, runtimeTransport } from '../../lib/messaging/send';
import { loadSettings, saveSettings } from '../../lib/settings';
import { SITE_REGISTRY } from '../../lib/sites/registry';
import { checkToken, type TokenCheck } from '../../lib/sync/token-check';

/** The shortcut that opens the panel, as the rep has set it (chrome://extensions/shortcuts). */
function usePanelShortcut(): string {
  const [shortcut, setShortcut] = useState('Alt+Shift+Q');
  useEffect(() => {
    // Not every browser (or test double) has commands.getAll: the default shortcut then stands.
    void Promise.resolve()
      .then(() => browser.commands.getAll())
      .then((commands) => {
        const open = commands.find((c) => c.name === '_execute_action' || c.name === '_execute_sidebar_action');
        if (open?.shortcut) setShortcut(open.shortcut);
      })
      .catch(() => {});
  }, []);
  return shortcut;
}

/** A site's address to open, from its first match pattern; none for a wildcard host. */
function siteAddress(pattern: string): string | undefined {
  const match = /^(https:\/\/[^/*]+)(\/[^*]*)?/.exec(pattern);
  if (!match || pattern.startsWith('https://*.')) return undefined;
  return `${match[1]}${(match[2] ?? '/').replace(/\/?$/, '/')}`;
}

/** Where a wildcard site lives, for reading: "*.lightning.force.com". */
const hostOf = (pattern: string) => pattern.replace(/^https:\/\//, '').replace(/\/.*$/, '');

function LibraryChoice() {
  const [mode, setMode] = useState<'demo' | 'server'>('demo');
  const [serverUrl, setServerUrl] = useState('');
  const [token, setToken] = useState('');
  const [check, setCheck] = useState<TokenCheck | null>(null);
  const [busy, setBusy] = useState(false);
  const bg = messenger('options', 'bg', runtimeTransport);

  useEffect(() => {
    void loadSettings().then((s) => {
      if (s.serverUrl) {
        setMode('server');
        setServerUrl(s.serverUrl);
        setToken(s.token);
      }
    });
  }, []);

  const submit = async () => {
    setBusy(true);
    try {
      if (mode === 'demo') {
        await saveSettings({ serverUrl: '', token: '' });
        setCheck({ kind: 'ok', text: t('welcomeDemoChosen') });
      } else {
        const url = serverUrl.trim();
        const key = token.trim();
        if (!url || !key) return setCheck({ kind: 'error', text: t('optNeedBoth') });
        if (!/^https?:\/\/[^/\s]+/i.test(url)) return setCheck({ kind: 'error', text: t('optInvalidUrl') });
        const next = await saveSettings({ serverUrl: url, token: key });
        setCheck({ kind: 'info', text: t('optCheckingToken') });
        setCheck(await checkToken(next));
      }
      void bg.request('options->bg:settings-changed').catch(() => {});
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="welcome-library">
      <h2 id="welcome-library">{t('welcomeLibraryHeading')}</h2>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <fieldset>
          <legend>{t('welcomeLibraryLegend')}</legend>
          <label className="choice">
            <input type="radio" name="library" checked={mode === 'demo'} onChange={() => setMode('demo')} />
            {t('welcomeUseDemo')}
          </label>
          <label className="choice">
            <input type="radio" name="library" checked={mode === 'server'} onChange={() => setMode('server')} />
            {t('welcomeUseServer')}
          </label>
        </fieldset>
        {mode === 'server' && (
          <>
            <label>
              {t('optServerUrl')}
              <input type="url" value={serverUrl} placeholder="https://quiver.example.com" onChange={(e) => setServerUrl(e.target.value)} />
            </label>
            <label>
              {t('optToken')}
              <input type="password" autoComplete="off" spellCheck={false} value={token} onChange={(e) => setToken(e.target.value)} />
            </label>
          </>
        )}
        <button type="submit" disabled={busy}>
          {mode === 'demo' ? t('welcomeUseDemoButton') : t('welcomeConnect')}
        </button>
        <p className={check ? `notice notice-${check.kind === 'error' ? 'error' : 'info'}` : 'muted'} role="status" aria-live="polite">
          {check?.text ?? ''}
        </p>
      </form>
    </section>
  );
}

/** The first page a rep sees after installing: how to open Quiver, which library, where it works. */
export function WelcomePage() {
  const shortcut = usePanelShortcut();
  return (
    <main className="options welcome">
      <h1>{t('welcomeTitle')}</h1>
      <p>{t('extDescription')}</p>
      <section aria-labelledby="welcome-open">
        <h2 id="welcome-open">{t('welcomeOpenHeading')}</h2>
        <ol>
          <li>{t('welcomePinStep')}</li>
          <li>
            {t('welcomeOpenStep')} <kbd>{shortcut}</kbd>
          </li>
          <li>
            {t('welcomePaletteStep')} <kbd>Alt+Shift+K</kbd>
          </li>
        </ol>
      </section>
      <LibraryChoice />
      <section aria-labelledby="welcome-sites">
        <h2 id="welcome-sites">{t('welcomeSitesHeading')}</h2>
        <ul aria-labelledby="welcome-sites">
          {SITE_REGISTRY.map((entry) => {
            const href = siteAddress(entry.matches[0]);
            return (
              <li key={entry.site}>
                {href ? (
                  <a href={href} target="_blank" rel="noopener noreferrer">
                    {entry.label}
                  </a>
                ) : (
                  entry.label
                )}{' '}
                <span className="muted">({entry.matches.map(hostOf).join(', ')})</span>
              </li>
            );
          })}
        </ul>
        <p>
          <a href={browser.runtime.getURL('/options.html')}>{t('welcomeMoreSettings')}</a>
        </p>
      </section>
    </main>
  );
}
