import { t } from '../../../lib/i18n';
import type { Settings } from '../../../lib/settings';
import type { SettingsSectionProps } from './settings-section';

/** The shortcut prefix and the key that expands a shortcut. */
export function ShortcutsSection({ form, change }: SettingsSectionProps) {
  const keyName = form.shortcutKey === 'Tab' ? t('optKeyTab') : t('optKeySpace');
  return (
    <section aria-labelledby="opt-shortcuts">
      <h2 id="opt-shortcuts">{t('optShortcutsSection')}</h2>
      <label>
        {t('optShortcutPrefix')}
        <input value={form.shortcutPrefix} maxLength={3} required onChange={(e) => change({ shortcutPrefix: e.target.value })} />
      </label>
      <label>
        {t('optShortcutKey')}
        <select value={form.shortcutKey} onChange={(e) => change({ shortcutKey: e.target.value as Settings['shortcutKey'] })}>
          <option value="Tab">{t('optKeyTab')}</option>
          <option value="Space">{t('optKeySpace')}</option>
        </select>
      </label>
      <p className="muted">{t('optShortcutHelp', `${form.shortcutPrefix}roi + ${keyName}`)}</p>
    </section>
  );
}
