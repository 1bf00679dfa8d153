import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer, { type Browser, type ElementHandle, type Page } from 'puppeteer-core';
import { fixtureUrl } from '../../fixtures/serve';

/*
 * The Firefox build in Firefox ESR, driven over WebDriver BiDi: the add-on installed as a
 * temporary add-on (`webExtension.install`), saved site pages served under their real https
 * URLs by network interception (so the manifest's match patterns decide where the content
 * script runs), and every other request refused, real sites included.
 */

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const FIREFOX_EXTENSION_DIR = path.resolve(ROOT, process.env.QUIVER_OUT_DIR ?? '.output', 'firefox-mv2');
const FIXTURES = path.resolve(ROOT, 'tests/fixtures');

/** The extension's moz-extension:// host, pinned through the profile for the add-on's id. */
const EXTENSION_UUID = '5f0e6c1a-3b7d-4e2a-9c84-7a1d2e3f4b50';

/** The system Firefox (Debian's `firefox-esr` package by default). */
export function firefoxPath(): string {
  const candidates = [process.env.QUIVER_FIREFOX, '/usr/bin/firefox-esr', '/usr/bin/firefox'].filter((p): p is string => Boolean(p));
  const found = candidates.find((p) => existsSync(p));
  if (!found) {
    throw new Error(
      'The Firefox smoke test needs Firefox, and none was found at ' +
        candidates.join(', ') +
        '. Install it with `apt-get install -y firefox-esr` (Debian), or set QUIVER_FIREFOX to its path.',
    );
  }
  return found;
}

/** The add-on id the build declares (browser_specific_settings.gecko.id). */
export function addonId(extensionDir = FIREFOX_EXTENSION_DIR): string {
  const manifest = JSON.parse(readFileSync(path.join(extensionDir, 'manifest.json'), 'utf8')) as {
    browser_specific_settings?: { gecko?: { id?: string } };
  };
  const id = manifest.browser_specific_settings?.gecko?.id;
  if (!id) throw new Error(`${extensionDir}/manifest.json declares no gecko id`);
  return id;
}

export interface SidebarState {
  /** Firefox's id of the sidebar shown, '' when none is. */
  id: string;
  /** The page loaded in an extension sidebar, and its title. */
  url?: string;
  title?: string;
}

export interface FirefoxSession {
  browser: Browser;
  /** `moz-extension://<uuid>` */
  origin: string;
  /** Firefox's id for this add-on's sidebar. */
  sidebarId: string;
  /** Opens an extension page (`sidepanel.html?tabId=3`, `options.html`…) in a normal tab. */
  openPage(pathAndQuery: string): Promise<Page>;
  /** Opens a saved site page under the real URL it names, in a new tab. */
  openFixture(name: string): Promise<Page>;
  /** Runs an expression in the browser window itself (privileged), returning its JSON-able value. */
  inBrowserWindow<T>(expression: string): Promise<T>;
  sidebar(): Promise<SidebarState>;
  close(): Promise<void>;
}

interface BidiConnection {
  send(method: string, params: object): Promise<{ result: Record<string, unknown> }>;
}

/** Starts Firefox headless in a fresh profile and installs the built add-on as a temporary one. */
export async function launchFirefox(options: { extensionDir?: string } = {}): Promise<FirefoxSession> {
  const extensionDir = options.extensionDir ?? FIREFOX_EXTENSION_DIR;
  const id = addonId(extensionDir);
  const browser = await puppeteer.launch({
    browser: 'firefox',
    protocol: 'webDriverBiDi',
    executablePath: firefoxPath(),
    headless: true,
    // Lets the driver open moz-extension:// pages in tabs and look at the browser window
    // (the sidebar); web content gets nothing more.
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [id]: EXTENSION_UUID }),
      'intl.locale.requested': 'en-US',
      'intl.accept_languages': 'en-US, en',
      // Nothing may reach a real site: whatever a test does not serve itself goes to a proxy
      // on a closed local port and fails there.
      'network.proxy.type': 1,
      'network.proxy.http': '127.0.0.1',
      'network.proxy.http_port': 9,
      'network.proxy.ssl': '127.0.0.1',
      'network.proxy.ssl_port': 9,
      'network.proxy.no_proxies_on': '',
      'network.proxy.allow_hijacking_localhost': true,
    },
  });
  try {
    const installed = await browser.installExtension(extensionDir);
    if (installed !== id) throw new Error(`Firefox installed ${installed}, expected ${id}`);
  } catch (err) {
    await browser.close();
    throw err;
  }
  const origin = `moz-extension://${EXTENSION_UUID}`;
  const connection = (browser as unknown as { connection: BidiConnection }).connection;

  async function inBrowserWindow<T>(expression: string): Promise<T> {
    const tree = await connection.send('browsingContext.getTree', { 'moz:scope': 'chrome' });
    const contexts = tree.result.contexts as { context: string; url: string }[];
    const window = contexts.find((c) => c.url === 'chrome://browser/content/browser.xhtml');
    if (!window) throw new Error('no browser window');
    const { result } = await connection.send('script.evaluate', {
      expression: `JSON.stringify((() => { ${expression} })())`,
      target: { context: window.context },
      awaitPromise: false,
    });
    if (result.type !== 'success') throw new Error(`in the browser window: ${JSON.stringify(result.exceptionDetails ?? result)}`);
    const value = (result.result as { value?: string }).value;
    return (value === undefined ? undefined : JSON.parse(value)) as T;
  }

  return {
    browser,
    origin,
    // Firefox names an add-on's sidebar after its id: `quiver@quiver.dev` → `quiver_quiver_dev-sidebar-action`.
    sidebarId: `${id.toLowerCase().replace(/[^a-z0-9_-]/g, '_')}-sidebar-action`,
    async openPage(pathAndQuery) {
      const page = await browser.newPage();
      const url = `${origin}/${pathAndQuery}`;
      // Firefox reports no navigation events for extension pages to the driver, so the
      // navigation is started and the page's own state awaited instead.
      page.goto(url).catch(() => {});
      await waitFor(
        () => page.evaluate((wanted) => location.href === wanted && document.readyState === 'complete', url).catch(() => false),
        `${pathAndQuery} to load`,
      );
      return page;
    },
    async openFixture(name) {
      const url = new URL(fixtureUrl(name));
      const html = readFileSync(path.join(FIXTURES, name), 'utf8');
      const page = await browser.newPage();
      await page.setRequestInterception(true);
      page.on('request', (request) => {
        if (new URL(request.url()).origin !== url.origin) return void request.abort('blockedbyclient');
        // The saved page for every navigation on its site; nothing for its subresources.
        return void (request.isNavigationRequest()
          ? request.respond({ status: 200, contentType: 'text/html; charset=utf-8', body: html })
          : request.respond({ status: 204, body: '' }));
      });
      await page.goto(url.href);
      return page;
    },
    inBrowserWindow,
    sidebar: () =>
      inBrowserWindow<SidebarState>(`
        const inner = SidebarController.browser?.contentDocument?.getElementById('webext-panels-browser');
        return { id: SidebarController.currentID ?? '', url: inner?.currentURI?.spec, title: inner?.contentTitle };
      `),
    async close() {
      await browser.close();
    },
  };
}

/**
 * Presses a key with modifiers in the browser window, as a keyboard would: trusted key events
 * that go through Firefox's own shortcut handling (where add-on commands live), not only into
 * the page. `key` is a single letter.
 */
export async function pressInBrowserWindow(session: FirefoxSession, modifiers: ('Alt' | 'Shift' | 'Control')[], key: string): Promise<void> {
  const mods = modifiers.map((m) => ({ key: m, code: `${m}Left`, keyCode: { Alt: 18, Shift: 16, Control: 17 }[m] }));
  const letter = { key: key.toUpperCase(), code: `Key${key.toUpperCase()}`, keyCode: key.toUpperCase().charCodeAt(0) };
  await session.inBrowserWindow(`
    const tip = Cc['@mozilla.org/text-input-processor;1'].createInstance(Ci.nsITextInputProcessor);
    if (!tip.beginInputTransactionForTests(window)) throw new Error('no input transaction');
    const ev = (k) => new KeyboardEvent('', k);
    const mods = ${JSON.stringify(mods)};
    const letter = ${JSON.stringify(letter)};
    for (const m of mods) tip.keydown(ev(m));
    tip.keydown(ev(letter));
    tip.keyup(ev(letter));
    for (const m of mods.reverse()) tip.keyup(ev(m));
    return true;
  `);
}

/** Polls until `check` holds. */
export async function waitFor(check: () => Promise<boolean>, what: string, timeoutMs = 20_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** An ARIA selector: the element with this role and accessible name. */
export const role = (name: string, accessibleName?: string): string =>
  accessibleName === undefined ? `::-p-aria([role="${name}"])` : `::-p-aria([name="${accessibleName}"][role="${name}"])`;

/** The rendered text of an element. */
export const textOf = (el: ElementHandle): Promise<string> => el.evaluate((node) => (node as HTMLElement).innerText);
