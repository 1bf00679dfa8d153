import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import type { SiteAdapter } from '../sites/adapter';
import { contentScriptLifetime } from './lifetime';
import { startContentScript } from './runtime';

/*
 * A site's content script: the shared core with that site's adapter. modules/site-scripts.ts
 * builds one per entry of lib/sites/registry.ts, with the entry's match patterns and frame
 * options; this is what runs in the page.
 */
export function siteContentScript(adapter: SiteAdapter) {
  return defineContentScript({
    main(ctx) {
      const signal = contentScriptLifetime(ctx.signal, globalThis, () => browser.runtime?.id != null);
      // Only the rep's own clicks and keys act; the page's scripts can dispatch look-alikes.
      startContentScript(window, signal, adapter, { isUserInput: (event) => event.isTrusted });
    },
  });
}
