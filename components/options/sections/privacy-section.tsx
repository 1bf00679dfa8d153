import { t } from '../../../lib/i18n';
import type { SettingsSectionProps } from './settings-section';

/** Whether search text is logged with usage events. */
export function PrivacySection({ form, change }: SettingsSectionProps) {
  return (
    <section aria-labelledby="opt-privacy">
      <h2 id="opt-privacy">{t('optPrivacySection')}</h2>
      <label className="checkbox">
        <input type="checkbox" checked={form.logQueries} onChange={(e) => change({ logQueries: e.target.checked })} />
        {t('optLogQueries')}
      </label>
      <p className="muted">{t('optPrivacyHelp')}</p>
    </section>
  );
}
