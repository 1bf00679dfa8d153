import { readStore } from './idb';
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

/** Waits until the background has seeded the demo library (first start of a fresh profile). */
export async function waitForLibrary(session: ExtensionSession): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if ((await readStore(session.worker, 'items')).length > 0) return;
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
  return (await readStore<{ event: RecordedEvent }>(session.worker, 'outbox')).map((row) => row.event);
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
