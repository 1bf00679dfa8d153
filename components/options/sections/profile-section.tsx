import { t } from '../../../lib/i18n';
import type { Profile } from '../../../lib/settings';
import type { SettingsSectionProps } from './settings-section';

/** The rep's own details, for the `my.*` variables of signatures. */
export function ProfileSection({ form, change }: SettingsSectionProps) {
  const set = (key: keyof Profile, value: string) => change({ profile: { ...form.profile, [key]: value } });
  return (
    <section aria-labelledby="opt-profile">
      <h2 id="opt-profile">{t('optProfileSection')}</h2>
      <p className="muted">{t('optProfileHelp')}</p>
      <label>
        {t('optYourName')}
        <input value={form.profile.fullName} autoComplete="name" onChange={(e) => set('fullName', e.target.value)} />
      </label>
      <label>
        {t('optYourTitle')}
        <input value={form.profile.title} autoComplete="organization-title" onChange={(e) => set('title', e.target.value)} />
      </label>
      <label>
        {t('optYourCompany')}
        <input value={form.profile.company} autoComplete="organization" onChange={(e) => set('company', e.target.value)} />
      </label>
      <label>
        {t('optYourEmail')}
        <input type="email" value={form.profile.email} autoComplete="email" onChange={(e) => set('email', e.target.value)} />
      </label>
    </section>
  );
}
