/*
 * Which requests for a share link are a person opening it. Link scanners and previewers open
 * links before the prospect does (Microsoft Safe Links and Outlook's previews, Gmail's image
 * proxy, Slack, Teams, LinkedIn and other unfurlers, mail security gateways): counting them
 * would tell the rep "opened" when nobody read anything. The rules, in order:
 *
 * 1. `HEAD` requests (scanners checking that a link is alive);
 * 2. prefetches (`Sec-Purpose: prefetch`, `Purpose: prefetch`, `X-Moz: prefetch`);
 * 3. user agents that say they are a scanner, previewer, crawler or script (the table below);
 * 4. requests within `quietMs` of the link's creation: nobody has read the email yet, but a
 *    gateway scanning outgoing mail has;
 * 5. repeat opens from the same browser within 30 minutes (a first-party cookie on the link's
 *    path, server/routes/share-page.ts).
 */

export const FILTER_REASONS = ['head', 'prefetch', 'scanner', 'too_soon', 'repeat'] as const;
export type FilterReason = (typeof FILTER_REASONS)[number];

/** Seconds after creation in which no request counts, unless the server is told otherwise. */
export const DEFAULT_QUIET_SECONDS = 10;
/** A repeat open from the same browser within this long is one view. */
export const REPEAT_WINDOW_SECONDS = 30 * 60;

/**
 * User agents of link scanners, previewers, crawlers and scripts: a name and the pattern that
 * finds it. Add a row when a new one shows up in the counts (tests/server/share-links.test.ts
 * holds a real user-agent string per row).
 */
export const SCANNER_AGENTS: readonly { name: string; pattern: RegExp }[] = [
  { name: 'Gmail image proxy', pattern: /GoogleImageProxy/i },
  {
    name: 'Google crawlers and previews',
    pattern: /Googlebot|Google-InspectionTool|Google-PageRenderer|Google-Safety|AdsBot-Google|APIs-Google|FeedFetcher-Google|Google-Read-Aloud/i,
  },
  { name: 'Bing and Outlook previews', pattern: /BingPreview|bingbot|msnbot/i },
  {
    name: 'Microsoft Office and Outlook link checks',
    pattern: /Microsoft Office|ms-office|Microsoft-WebDAV|MSOffice|Microsoft Outlook|Office365|Microsoft Exchange|MicrosoftPreview/i,
  },
  { name: 'Teams and Skype previews', pattern: /SkypeUriPreview|Teams\/[\d.]+ *\(preview/i },
  { name: 'Slack', pattern: /Slackbot|Slack-ImgProxy/i },
  { name: 'LinkedIn', pattern: /LinkedInBot/i },
  { name: 'Facebook and iMessage', pattern: /facebookexternalhit|Facebot|meta-externalagent/i },
  { name: 'Twitter / X', pattern: /Twitterbot/i },
  { name: 'Discord', pattern: /Discordbot/i },
  { name: 'Telegram', pattern: /TelegramBot/i },
  { name: 'WhatsApp', pattern: /^WhatsApp\//i },
  { name: 'Apple', pattern: /Applebot/i },
  {
    name: 'mail security gateways',
    pattern:
      /Barracuda|Mimecast|Proofpoint|urldefense|Symantec|Trend ?Micro|Sophos|Forcepoint|Cisco|IronPort|FireEye|Zscaler|Fortinet|Check ?Point|Avanan|Palo ?Alto/i,
  },
  { name: 'headless browsers', pattern: /HeadlessChrome|PhantomJS|Puppeteer|Playwright|Electron\/.*(?:bot|crawler)/i },
  {
    name: 'scripts and HTTP libraries',
    pattern:
      /^(?:curl|Wget|python-requests|python-urllib|Python\/|aiohttp|Go-http-client|Java\/|Apache-HttpClient|okhttp|node-fetch|undici|axios|libwww-perl|Ruby|PostmanRuntime|HTTPie)/i,
  },
  { name: 'anything that calls itself a bot', pattern: /bot\b|crawler|spider|scanner|preview|fetcher|monitor|checker|validator|https?:\/\//i },
];

/** The name of the scanner a user agent belongs to; a missing user agent is a script too. */
export function scannerOf(userAgent: string | undefined): string | undefined {
  const ua = userAgent?.trim() ?? '';
  if (ua === '') return 'no user agent';
  return SCANNER_AGENTS.find((row) => row.pattern.test(ua))?.name;
}

export function isPrefetch(header: (name: string) => string | undefined): boolean {
  return ['Sec-Purpose', 'Purpose', 'X-Purpose', 'X-Moz'].some((name) => /prefetch|preview/i.test(header(name) ?? ''));
}

/** Coarse device class: all a view keeps of its user agent. */
export function deviceClass(userAgent: string | undefined): 'desktop' | 'mobile' {
  return /Mobi|Android|iPhone|iPad|iPod|Windows Phone/i.test(userAgent ?? '') ? 'mobile' : 'desktop';
}

export interface ViewRequest {
  method: string;
  header(name: string): string | undefined;
  /** Whether this browser's repeat-open cookie for the link came with the request. */
  seenRecently: boolean;
  now: number;
}

/** Why this request is not a view, or null when it is. */
export function filterReason(request: ViewRequest, link: { createdAt: string }, quietMs: number): FilterReason | null {
  if (request.method === 'HEAD') return 'head';
  if (isPrefetch(request.header)) return 'prefetch';
  if (scannerOf(request.header('User-Agent')) !== undefined) return 'scanner';
  if (request.now - Date.parse(link.createdAt) < quietMs) return 'too_soon';
  if (request.seenRecently) return 'repeat';
  return null;
}
