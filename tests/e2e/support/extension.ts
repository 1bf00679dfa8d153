import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { chromiumPath } from './chromium';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const EXTENSION_DIR = path.resolve(ROOT, process.env.QUIVER_OUT_DIR ?? '.output', 'chrome-mv3');

export interface ExtensionSession {
  context: BrowserContext;
  extensionId: string;
  worker: Worker;
  /** Opens an extension page (`sidepanel.html?tabId=3`, `options.html`…) in a normal tab. */
  openPage(pathAndQuery: string): Promise<Page>;
  /** The welcome page the install opened, when `keepWelcome` asked to keep it open. */
  welcome: Page | undefined;
  /** The profile directory, for starting the browser again on it (`userDataDir`). */
  userDataDir: string;
  close(): Promise<void>;
}

/** Starts the system Chromium with the built extension loaded, in a fresh profile. */
export async function launchExtension(
  options: {
    extensionDir?: string;
    lang?: string;
    /** Keep the welcome page a first install opens (else it is closed before the test runs). */
    keepWelcome?: boolean;
    /** Start on this existing profile (a browser restart) instead of a fresh one; it is kept on close. */
    userDataDir?: string;
    /** Keep a fresh profile on close, to start again on it. */
    keepProfile?: boolean;
    colorScheme?: 'light' | 'dark';
  } = {},
): Promise<ExtensionSession> {
  const dir = options.extensionDir ?? EXTENSION_DIR;
  const lang = options.lang ?? 'en-US';
  const fresh = options.userDataDir === undefined;
  const userDataDir = options.userDataDir ?? mkdtempSync(path.join(tmpdir(), 'quiver-e2e-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath(),
    headless: true,
    locale: lang,
    colorScheme: options.colorScheme ?? 'light',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      `--lang=${lang}`,
      `--disable-extensions-except=${dir}`,
      `--load-extension=${dir}`,
    ],
  });
  // Nothing may reach the real internet: anything not routed by a test is refused.
  await context.route(/^https?:\/\/(?!127\.0\.0\.1|localhost)/, (route) => route.abort('blockedbyclient'));
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
  const extensionId = new URL(worker.url()).host;
  // A first install opens the welcome page (lib/background/welcome.ts), once: in a fresh profile
  // wait for it, so that it cannot take the focus from a test's page later.
  let welcome: Page | undefined;
  if (fresh) {
    const isWelcome = (p: Page) => p.url() === `chrome-extension://${extensionId}/welcome.html`;
    const deadline = Date.now() + 15_000;
    while (!welcome && Date.now() < deadline) {
      welcome = context.pages().find(isWelcome);
      if (!welcome) await new Promise((r) => setTimeout(r, 100));
    }
    if (welcome && !options.keepWelcome) {
      await welcome.close();
      welcome = undefined;
    }
  }
  return {
    context,
    extensionId,
    worker,
    welcome,
    userDataDir,
    async openPage(pathAndQuery: string) {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/${pathAndQuery}`);
      return page;
    },
    async close() {
      await context.close();
      if (fresh && !options.keepProfile) rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Reads the system clipboard from an ordinary web page (extension origins cannot be granted
 * clipboard-read by the test driver).
 */
export async function readClipboard(session: ExtensionSession): Promise<{ text: string; html: string }> {
  const origin = 'https://clipboard.quiver.test';
  await session.context.route(`${origin}/**`, (route) => route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>clipboard</title>' }));
  await session.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
  const page = await session.context.newPage();
  try {
    await page.goto(`${origin}/`);
    await page.bringToFront();
    return await page.evaluate(async () => {
      const items = await navigator.clipboard.read();
      let text = '';
      let html = '';
      for (const item of items) {
        if (item.types.includes('text/plain')) text = await (await item.getType('text/plain')).text();
        if (item.types.includes('text/html')) html = await (await item.getType('text/html')).text();
      }
      return { text, html };
    });
  } finally {
    await page.close();
  }
}

/**
 * Lets the extension run on `pattern`, as the rep would in the browser's own extension settings
 * (chrome://extensions → Quiver → Site access), through the API that page uses. An optional host
 * allowed there is not granted yet, but a later `permissions.request` for it from a click is
 * granted without the prompt, which a test cannot click (it is browser UI, out of Playwright's
 * and CDP's reach). So a test can still drive the real path: the rep's click on a switch,
 * `permissions.request`, the grant, `permissions.onAdded`.
 */
export async function allowHostInBrowserSettings(session: ExtensionSession, pattern: string): Promise<void> {
  const settings = await session.context.newPage();
  try {
    await settings.goto(`chrome://extensions/?id=${session.extensionId}`);
    await settings.evaluate(
      ([id, host]) =>
        (
          globalThis as unknown as { chrome: { developerPrivate: { addHostPermission(id: string, host: string): Promise<void> } } }
        ).chrome.developerPrivate.addHostPermission(id!, host!),
      [session.extensionId, pattern],
    );
  } finally {
    await settings.close();
  }
}
