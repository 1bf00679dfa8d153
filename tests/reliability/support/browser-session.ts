import type { CDPSession, Page } from 'playwright-core';
import type { PageContext } from '../../../lib/schema/page-context';
import { launchExtension, type ExtensionSession } from '../../e2e/support/extension';

/*
 * The browser side of the reliability attacks: the built extension in Chromium (the folder
 * QUIVER_OUT_DIR names, as the e2e tests use), with one extension page kept open as the
 * attacker's and observer's seat. An extension page rather than the service worker: the
 * worker is what some attacks stop, and Playwright's handle on it does not survive that.
 */

export interface AttackSession extends ExtensionSession {
  /** options.html, left open: reads the extension's database and sends runtime messages. */
  seat: Page;
  /** A CDP session on the seat, for the browser's own controls (ServiceWorker, Storage). */
  cdp: CDPSession;
}

export async function launchAttackSession(): Promise<AttackSession> {
  const session = await launchExtension();
  const seat = await session.openPage('options.html');
  const cdp = await session.context.newCDPSession(seat);
  return { ...session, seat, cdp };
}

/** Extension APIs inside seat.evaluate, where the code runs in an extension page. */
declare const chrome: {
  runtime: { sendMessage(message: unknown): Promise<unknown> };
};

/**
 * Sends a message to the background from the seat and waits for its answer (undefined when
 * the background gave none). Waking a stopped worker is part of what the browser does here.
 */
export async function askBackground(seat: Page, message: unknown, timeoutMs = 10_000): Promise<unknown> {
  return seat.evaluate(
    ([msg, ms]) =>
      Promise.race([chrome.runtime.sendMessage(msg), new Promise((_, reject) => setTimeout(() => reject(new Error(`no answer in ${ms} ms`)), ms))]),
    [message, timeoutMs] as const,
  );
}

/**
 * True when the worker is alive and answers a valid request. `panel->bg:upload-events` answers
 * null once done; with no server configured it does nothing else.
 */
export async function backgroundAnswers(seat: Page): Promise<boolean> {
  try {
    return (await askBackground(seat, { type: 'panel->bg:upload-events' }, 20_000)) === null;
  } catch {
    return false;
  }
}

/**
 * The id of the tab showing `url`, found by asking each tab's content script for its context
 * (as tests/fixtures/serve.ts does, without opening a side panel that would record events).
 */
export async function tabIdOf(seat: Page, url: string): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const found = await seat.evaluate(async (wanted) => {
      const api = (
        globalThis as unknown as {
          chrome: { tabs: { query(q: object): Promise<{ id?: number }[]>; sendMessage(t: number, m: unknown, o: object): Promise<unknown> } };
        }
      ).chrome;
      for (const tab of await api.tabs.query({})) {
        if (tab.id === undefined) continue;
        const ctx = (await api.tabs.sendMessage(tab.id, { type: 'panel->content:get-context' }, { frameId: 0 }).catch(() => null)) as { url?: string } | null;
        if (ctx?.url === wanted) return tab.id;
      }
      return null;
    }, url);
    if (found !== null) return found;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`no content script answered for ${url}`);
}

/** Asks a tab's content script for its page context, as the side panel does; null when nothing answers. */
export function contentContext(seat: Page, tabId: number): Promise<PageContext | null> {
  return seat.evaluate(
    (tab) =>
      (globalThis as unknown as { chrome: { tabs: { sendMessage(t: number, m: unknown, o: object): Promise<unknown> } } }).chrome.tabs
        .sendMessage(tab, { type: 'panel->content:get-context' }, { frameId: 0 })
        .then(
          (c) => (c ?? null) as PageContext | null,
          () => null,
        ),
    tabId,
  );
}

/**
 * Reads until `ok` holds of what was read and returns it; throws naming `what` when it never
 * does. Unlike expect.poll it works in hooks, where the setup of an attack happens.
 */
export async function until<T>(read: () => Promise<T>, ok: (value: T) => boolean, what: string, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  while (Date.now() < deadline) {
    last = await read().catch(() => undefined as T);
    if (last !== undefined && ok(last)) return last;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what} (last seen: ${JSON.stringify(last)?.slice(0, 300)})`);
}
