import { browser } from 'wxt/browser';

interface Sender {
  id?: string;
  url?: string;
  tab?: { id?: number };
}

/** A page of this extension (side panel, options, dashboard), not a content script. */
export function isExtensionPage(sender: Sender): boolean {
  const origin = browser.runtime.getURL('/').replace(/\/$/, '');
  return sender.id === browser.runtime.id && typeof sender.url === 'string' && sender.url.startsWith(origin);
}

/** This extension's content script in a web page. */
export function isContentScript(sender: Sender): boolean {
  return sender.id === browser.runtime.id && sender.tab?.id !== undefined && !isExtensionPage(sender);
}
