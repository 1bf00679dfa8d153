import { readFileSync } from 'node:fs';
import path from 'node:path';
import { JSDOM } from './jsdom';

export const FIXTURES = path.resolve(__dirname, '../../fixtures');

export function fixtureHtml(name: string): string {
  return readFileSync(path.join(FIXTURES, name), 'utf8');
}

/**
 * A saved page as a live document under its real URL. The fixture's own inline scripts run
 * (they build shadow roots and write editor frames, as the real sites' scripts do); the
 * promise resolves once the page has loaded and `ready` (if given) holds.
 */
export async function loadFixture(
  name: string,
  url: string,
  ready: (doc: Document) => boolean = () => true,
): Promise<{ window: Window & typeof globalThis; document: Document; url: URL }> {
  return loadPage(fixtureHtml(name), url, ready, name);
}

/** Any page's HTML (a fixture variant) as a live document under a URL, as loadFixture does. */
export async function loadPage(
  html: string,
  url: string,
  ready: (doc: Document) => boolean = () => true,
  name = url,
): Promise<{ window: Window & typeof globalThis; document: Document; url: URL }> {
  const dom = new JSDOM(html, { url, runScripts: 'dangerously', pretendToBeVisual: true });
  const win = dom.window;
  await new Promise<void>((resolve) => {
    if (win.document.readyState === 'complete') resolve();
    else win.addEventListener('load', () => resolve(), { once: true });
  });
  for (let i = 0; i < 100 && !ready(win.document); i++) await new Promise((r) => setTimeout(r, 10));
  if (!ready(win.document)) throw new Error(`${name} never became ready`);
  return { window: win, document: win.document, url: new URL(url) };
}
