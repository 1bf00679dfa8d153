import type { Settings } from '../../../lib/settings';

/** What a section of the settings form gets: the form as edited, and how to change it. */
export interface SettingsSectionProps {
  form: Settings;
  change(patch: Partial<Settings>): void;
}
