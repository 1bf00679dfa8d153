import type { Page } from 'playwright-core';
import type { ExtensionSession } from './extension';

/*
 * Helpers for the keyboard tests (shortcut expansion and the quick palette): the rep's profile,
 * the demo library being ready, the palette's keyboard command pressed for real, and the usage
 * events the background recorded.
 */

/** Extension APIs inside worker.evaluate. */
declare const chrome: {
  storage: { local: { get(key: string): Promise<Record<string, unknown>>; set(items: object): Promise<void> } };
};

export const PROFILE = { fullName: 'Maria Lopez', title: 'Account Executive', company: 'Quiver Demo', email: 'maria.lopez@quiver-demo.com' };

/** Saves the rep's profile (the `my.*` variables), as the options page does. */
export async function setProfile(session: ExtensionSession, profile: typeof PROFILE | null): Promise<void> {
  await session.worker.evaluate(async (p) => {
    const settings = ((await chrome.storage.local.get('settings')).settings ?? {}) as Record<string, unknown>;
    await chrome.storage.local.set({ settings: { ...settings, profile: p ?? { fullName: '', title: '', company: '', email: '' } } });
  }, profile);
}

/** Rows of an object store of the extension's database, read in the service worker. */
async function readStore<T>(session: ExtensionSession, store: string): Promise<T[]> {
  return session.worker.evaluate(
    (name) =>
      new Promise<T[]>((resolve, reject) => {
        const open = indexedDB.open('quiver');
        // Not there yet: create nothing (an empty database would get in Dexie's way).
        open.onupgradeneeded = () => open.transaction?.abort();
        open.onerror = () => resolve([]);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains(name)) {
            db.close();
            return resolve([]);
          }
          const all = db.transaction(name).objectStore(name).getAll();
          all.onsuccess = () => resolve(all.result as T[]);
          all.onerror = () => reject(all.error);
          // Closed at once, so the extension's own upgrades are never blocked by this reader.
          db.close();
        };
      }),
    store,
  );
}

/** Waits until the background has seeded the demo library (first start of a fresh profile). */
export async function waitForLibrary(session: ExtensionSession): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if ((await readStore(session, 'items')).length > 0) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the demo library was never seeded');
}

export interface RecordedEvent {
  kind: string;
  contentId?: string;
  site?: string;
  timeToContentMs?: number;
}

/** Usage events waiting in the outbox (no server is configured, so they stay there). */
export async function usageEvents(session: ExtensionSession): Promise<RecordedEvent[]> {
  return (await readStore<{ event: RecordedEvent }>(session, 'outbox')).map((row) => row.event);
}

/**
 * Presses Alt+Shift+K as a keyboard would. Playwright's `keyboard.press` reaches the page but
 * not Chromium's command handling; a raw key event sent over CDP goes through the browser's
 * own keyboard path, where the extension command's accelerator fires `commands.onCommand`.
 */
export async function pressPaletteCommand(session: ExtensionSession, page: Page): Promise<void> {
  await page.bringToFront();
  const cdp = await session.context.newCDPSession(page);
  try {
    const key = { modifiers: 1 /* Alt */ | 8 /* Shift */, windowsVirtualKeyCode: 75, nativeVirtualKeyCode: 75, code: 'KeyK', key: 'K' };
    await cdp.send('Input.dispatchKeyEvent', { type: 'rawKeyDown', ...key });
    await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', ...key });
  } finally {
    await cdp.detach();
  }
}
