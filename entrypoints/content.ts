import { defineContentScript } from 'wxt/utils/define-content-script';

export default defineContentScript({
  matches: [
    'https://mail.google.com/*',
    'https://www.linkedin.com/*',
    'https://*.lightning.force.com/*',
    'https://*.my.salesforce.com/*',
    'https://app.hubspot.com/*',
  ],
  allFrames: true,
  matchAboutBlank: true,
  matchOriginAsFallback: true,
  runAt: 'document_idle',
  main() {},
});
