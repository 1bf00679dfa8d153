import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { contentScriptLifetime } from '../lib/content-script/lifetime';
import { startContentScript } from '../lib/content-script/runtime';

export default defineContentScript({
  matches: [
    'https://mail.google.com/*',
    'https://www.linkedin.com/*',
    'https://*.lightning.force.com/*',
    'https://*.my.salesforce.com/*',
    'https://app.hubspot.com/*',
    'https://outlook.office.com/*',
    'https://outlook.office365.com/*',
    'https://outlook.live.com/*',
    'https://outlook.cloud.microsoft/*',
  ],
  // Every frame, about:blank ones included, so editors in Salesforce's written-after-load frames
  // are on the script's side of the wall; child frames stay quiet (see startContentScript).
  allFrames: true,
  matchAboutBlank: true,
  matchOriginAsFallback: true,
  runAt: 'document_idle',
  main(ctx) {
    const signal = contentScriptLifetime(ctx.signal, globalThis, () => browser.runtime?.id != null);
    // Only the rep's own clicks and keys act; the page's scripts can dispatch look-alikes.
    startContentScript(window, signal, { isUserInput: (event) => event.isTrusted });
  },
});
