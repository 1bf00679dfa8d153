import { useEffect, useState } from 'react';
import { t } from '../../../lib/i18n';
import { refreshShareLinks, revokeShareLink, shareLabelsStore, shareLinksStore } from '../../../lib/links/share-links';
import type { ShareLink } from '../../../lib/schema/links';
import type { Settings } from '../../../lib/settings';
import { createApiClient } from '../../../lib/sync/api-client';
import { typeLabel } from '../../../lib/labels';
import { useStoredValue } from '../../use-stored-value';
import { usePanelStore } from '../store';

const when = (iso: string) => new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));

function statusText(link: ShareLink): string | null {
  if (link.status === 'revoked') return t('sharedLinkStatusRevoked');
  if (link.status === 'expired') return t('sharedLinkStatusExpired');
  if (link.status === 'gone') return t('sharedLinkStatusGone');
  return null;
}

/**
 * The rep's share links: item, when shared, who it is for (the rep's label, kept in this
 * browser), counted views and the last open; revoke. Refreshed from the server when it opens,
 * on Refresh, and with every sync.
 */
export function SharedLinksView({ settings, onBack }: { settings: Settings; onBack(): void }) {
  const cache = useStoredValue(shareLinksStore);
  const labels = useStoredValue(shareLabelsStore) ?? {};
  const notify = usePanelStore((s) => s.notify);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const client = createApiClient({ serverUrl: settings.serverUrl, token: settings.token, fetch: (...args) => fetch(...args) });

  const refresh = async () => {
    setBusy(true);
    try {
      await refreshShareLinks(client);
      setError(null);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  useEffect(() => {
    void refresh();
    // Once per opening of the view.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const links = cache && cache.serverUrl === client.serverUrl ? cache.links : [];
  const setLabel = (slug: string, label: string) => {
    const next = { ...labels };
    if (label.trim()) next[slug] = label.slice(0, 200);
    else delete next[slug];
    void shareLabelsStore.set(next);
  };
  const revoke = async (link: ShareLink) => {
    try {
      await revokeShareLink(client, link.slug);
      notify('info', t('sharedLinkRevoked', link.title ?? link.itemId));
    } catch (e) {
      notify('error', e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <section className="shared-links" aria-label={t('sharedLinks')}>
      <div className="shared-links-bar">
        <h2 className="section-title">{t('sharedLinks')}</h2>
        <button type="button" className="link" onClick={onBack}>
          {t('sharedLinksBack')}
        </button>
        <button type="button" className="link" onClick={() => void refresh()} disabled={busy}>
          {t('sharedLinksRefresh')}
        </button>
      </div>
      {error && <p className="notice notice-error">{t('sharedLinksFailed', error)}</p>}
      {cache && cache.serverUrl === client.serverUrl && <p className="muted">{t('sharedLinksUpdated', when(new Date(cache.fetchedAt).toISOString()))}</p>}
      {links.length === 0 && !busy && !error && <p className="empty">{t('sharedLinksEmpty')}</p>}
      <ul className="shared-link-list" aria-label={t('sharedLinks')}>
        {links.map((link) => {
          const status = statusText(link);
          return (
            <li key={link.slug} className={`shared-link shared-link-${link.status}`} data-slug={link.slug}>
              <div className="title">{link.title ?? <span className="muted">{t('sharedLinkRemovedItem')}</span>}</div>
              <div className="result-meta">
                <span className="type">{typeLabel(link.type)}</span>
                <span>{t('sharedLinkShared', when(link.createdAt))}</span>
                {status && <span className="badge badge-expired">{status}</span>}
              </div>
              <label className="shared-link-label">
                <span className="visually-hidden">{t('sharedLinkLabel')}</span>
                <input
                  type="text"
                  placeholder={t('sharedLinkLabel')}
                  aria-label={t('sharedLinkLabel')}
                  defaultValue={labels[link.slug] ?? ''}
                  maxLength={200}
                  onBlur={(e) => setLabel(link.slug, e.currentTarget.value)}
                />
              </label>
              <div className="shared-link-views">
                <span className="views">{t('sharedLinkViews', link.views)}</span>
                {' · '}
                <span>{link.lastOpenedAt ? t('sharedLinkLastOpened', when(link.lastOpenedAt)) : t('sharedLinkNotOpened')}</span>
              </div>
              {link.status === 'active' && (
                <div className="actions">
                  <button type="button" onClick={() => void revoke(link)}>
                    {t('sharedLinkRevoke')}
                  </button>
                </div>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
