import { z } from 'zod';
import { storedValue } from './stored-value';

/** The rep's own details, used for the `my.*` template variables. */
export const profileSchema = z.object({
  fullName: z.string().max(200).default(''),
  title: z.string().max(200).default(''),
  company: z.string().max(200).default(''),
  email: z.string().max(320).default(''),
});
export type Profile = z.infer<typeof profileSchema>;

export const settingsSchema = z.object({
  /** Library server base URL, e.g. http://127.0.0.1:8787; empty means no server (demo library). */
  serverUrl: z.string().max(2048).default(''),
  /** Access token; kept in extension-local storage only, never synced. */
  token: z.string().max(512).default(''),
  profile: profileSchema.default({ fullName: '', title: '', company: '', email: '' }),
  /** Log search text in usage events (content gaps need it); off keeps only result counts. */
  logQueries: z.boolean().default(true),
  /** Shortcut expansion: trigger prefix and the key that expands. */
  shortcutPrefix: z.string().min(1).max(3).default(';'),
  shortcutKey: z.enum(['Tab', 'Space']).default('Tab'),
});
export type Settings = z.infer<typeof settingsSchema>;

function readSettings(stored: unknown): Settings {
  const parsed = settingsSchema.safeParse(stored ?? {});
  return parsed.success ? parsed.data : settingsSchema.parse({});
}

/** The rep's settings, in extension-local storage (never synced): what the options page saves. */
export const settingsStore = storedValue('local:settings', readSettings);

export function loadSettings(): Promise<Settings> {
  return settingsStore.get();
}

export async function saveSettings(patch: Partial<Settings>): Promise<Settings> {
  const next = settingsSchema.parse({ ...(await loadSettings()), ...patch });
  await settingsStore.set(next);
  return next;
}

export function isServerConfigured(settings: Pick<Settings, 'serverUrl' | 'token'>): boolean {
  return settings.serverUrl.trim() !== '' && settings.token.trim() !== '';
}
