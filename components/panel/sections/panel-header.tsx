import { browser } from 'wxt/browser';
import { t } from '../../../lib/i18n';

function openExtensionPage(path: '/dashboard.html' | '/options.html') {
  void browser.tabs.create({ url: browser.runtime.getURL(path) });
}

/** The brand, and the way to the rep's shared links (with a server), the dashboard and the settings. */
export function PanelHeader({ sharedLinks }: { sharedLinks?: { open: boolean; toggle(): void } | undefined } = {}) {
  return (
    <header className="panel-header">
      <span className="brand">Quiver</span>
      <nav>
        {sharedLinks && (
          <button type="button" className="link" aria-pressed={sharedLinks.open} onClick={sharedLinks.toggle}>
            {t('sharedLinks')}
          </button>
        )}
        <button type="button" className="link" onClick={() => openExtensionPage('/dashboard.html')}>
          {t('menuDashboard')}
        </button>
        <button type="button" className="link" onClick={() => openExtensionPage('/options.html')}>
          {t('menuOptions')}
        </button>
      </nav>
    </header>
  );
}
