import { browser, type Browser } from 'wxt/browser';
import { messenger, tabTransport } from '../messaging/send';

/*
 * The quick palette is not part of the content script (whose 40 KB budget it would not fit):
 * palette.js is injected into the tab's top frame when first needed, joins the content
 * script's isolated world, and stays for later opens. It is only ever injected where the
 * content script answers, so a page Quiver does not support gets nothing.
 */

export async function injectPalette(tabId: number): Promise<void> {
  await browser.scripting.executeScript({ target: { tabId, frameIds: [0] }, files: ['/palette.js'] }).catch(() => {});
}

/**
 * The keyboard command: the content script notes the editor and caret the rep is in, and
 * opens the palette if it is loaded; otherwise it answers 'load' and palette.js goes in.
 */
export async function openPaletteInTab(tabId: number): Promise<void> {
  const answer = await messenger('bg', 'content', tabTransport(tabId))
    .request('bg->content:open-palette')
    .catch(() => null);
  if (answer === 'load') await injectPalette(tabId);
}

/** The tab the command was pressed in (Chrome passes it; otherwise the active tab). */
export async function openPaletteForCommand(tab: Browser.tabs.Tab | undefined): Promise<void> {
  const tabId = tab?.id ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
  if (tabId !== undefined) await openPaletteInTab(tabId);
}
