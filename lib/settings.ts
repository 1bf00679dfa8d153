import { browser } from 'wxt/browser';
import { z } from 'zod';

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

const KEY = 'settings';

export async function loadSettings(): Promise<Settings> {
  const stored = (await browser.storage.local.get(KEY))[KEY];
  const parsed = settingsSchema.safeParse(stored ?? {});
  return parsed.success ? parsed.data : settingsSchema.parse({});
}

export async function saveSettings(patch: Partial<Settings>): Promise<Settings> {
  const next = settingsSchema.parse({ ...(await loadSettings()), ...patch });
  await browser.storage.local.set({ [KEY]: next });
  return next;
}

export function onSettingsChanged(listener: (settings: Settings) => void): () => void {
  const handler = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area !== 'local' || !(KEY in changes)) return;
    const parsed = settingsSchema.safeParse(changes[KEY]?.newValue ?? {});
    if (parsed.success) listener(parsed.data);
  };
  browser.storage.onChanged.addListener(handler);
  return () => browser.storage.onChanged.removeListener(handler);
}

export function isServerConfigured(settings: Pick<Settings, 'serverUrl' | 'token'>): boolean {
  return settings.serverUrl.trim() !== '' && settings.token.trim() !== '';
}
