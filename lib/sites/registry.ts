/*
 * The supported sites, as data: which pages each site's content script runs on, and how.
 * One entry is all a new site needs besides its adapter file and fixture; the rest follows:
 * - modules/site-scripts.ts builds one content script per entry, `content-scripts/<site>.js`,
 *   from the shared core (lib/content-script/site-script.ts) and the site's adapter, the
 *   file `lib/sites/<site>.ts` exporting `<site>`: a page loads only its own site's code;
 * - wxt.config.ts asks for exactly these hosts when the extension is installed, and lists the
 *   site's other regions as optional hosts, which the rep turns on in the options page (Sites);
 *   the background then registers the same content script for them (lib/background/region-scripts.ts);
 * - the `Site` of page contexts and usage events is one of these names
 *   (lib/schema/page-context.ts);
 * - tests/unit/sites/registry.test.ts checks each entry against its adapter and fixtures, and
 *   tests/e2e/content-script-budget.test.ts each built script against the size budget.
 * Data only: wxt.config.ts reads it in Node at build time, the content script in the page.
 */

export interface SiteEntry {
  /** The site's name in page contexts and usage events, and of its adapter file and content script. */
  readonly site: string;
  /** What the rep and the manager read: the product's own name, the same in every language. */
  readonly label: string;
  /**
   * Match patterns of the pages the content script runs on. The extension asks for these
   * hosts at install time, and for no other.
   */
  readonly matches: readonly string[];
  /** Pages under those patterns that belong to another site's script (two scripts never share a page). */
  readonly excludeMatches?: readonly string[];
  /**
   * Run in every frame, about:blank frames and frames written after load included, for
   * editors inside frames; child frames stay quiet, the top frame reaches into them.
   */
  readonly allFrames?: boolean;
  readonly matchAboutBlank?: boolean;
  readonly matchOriginAsFallback?: boolean;
  /**
   * Where else the site lives (other data centres, government clouds): asked for only when the
   * rep turns a region on, so the install prompt names only the hosts most reps use.
   */
  readonly regions?: readonly SiteRegion[];
}

export interface SiteRegion {
  /** What the options page calls it: the host the rep sees in the address bar. */
  readonly label: string;
  readonly matches: readonly string[];
}

export const SITE_REGISTRY = [
  { site: 'gmail', label: 'Gmail', matches: ['https://mail.google.com/*'] },
  {
    site: 'outlook',
    label: 'Outlook',
    // Microsoft 365 work accounts (being moved to outlook.cloud.microsoft) and personal accounts.
    matches: ['https://outlook.office.com/*', 'https://outlook.office365.com/*', 'https://outlook.live.com/*', 'https://outlook.cloud.microsoft/*'],
  },
  // Sales Navigator is its own app on LinkedIn's host: each page gets one of the two scripts.
  {
    site: 'linkedin',
    label: 'LinkedIn',
    matches: ['https://www.linkedin.com/*'],
    excludeMatches: ['https://www.linkedin.com/sales', 'https://www.linkedin.com/sales/*'],
  },
  { site: 'salesnav', label: 'Sales Navigator', matches: ['https://www.linkedin.com/sales', 'https://www.linkedin.com/sales/*'] },
  {
    site: 'salesforce',
    label: 'Salesforce',
    matches: ['https://*.lightning.force.com/*', 'https://*.my.salesforce.com/*'],
    // The activity composer's CKEditor sits in nested about:blank frames rewritten after load.
    allFrames: true,
    matchAboutBlank: true,
    matchOriginAsFallback: true,
    // Sandboxes, Developer Edition, scratch and Trailhead orgs are subdomains of the two above
    // (<org>--<sandbox>.sandbox.lightning.force.com, <org>.develop.lightning.force.com…).
    regions: [
      {
        label: 'Government Cloud (*.lightning.crmforce.mil, *.lightning.force.mil)',
        matches: ['https://*.lightning.crmforce.mil/*', 'https://*.my.salesforce.mil/*', 'https://*.lightning.force.mil/*'],
      },
    ],
  },
  {
    site: 'hubspot',
    label: 'HubSpot',
    matches: ['https://app.hubspot.com/*'],
    // HubSpot's data centres ("hublets"): an account lives on one and is served from its host.
    regions: [
      { label: 'app-eu1.hubspot.com', matches: ['https://app-eu1.hubspot.com/*'] },
      { label: 'app-na1.hubspot.com', matches: ['https://app-na1.hubspot.com/*'] },
      { label: 'app-na2.hubspot.com', matches: ['https://app-na2.hubspot.com/*'] },
      { label: 'app-na3.hubspot.com', matches: ['https://app-na3.hubspot.com/*'] },
      { label: 'app-ap1.hubspot.com', matches: ['https://app-ap1.hubspot.com/*'] },
    ],
  },
] as const satisfies readonly SiteEntry[];

export type SiteName = (typeof SITE_REGISTRY)[number]['site'];

/** Every site's name, in registry order. */
export const SITES = SITE_REGISTRY.map((entry) => entry.site) as readonly SiteName[] as readonly [SiteName, ...SiteName[]];

/** Every host the content scripts run on, as the install-time host permissions. */
export function registryHostPatterns(): string[] {
  // A host permission covers a whole origin: Sales Navigator's /sales/* is LinkedIn's host.
  const origins = SITE_REGISTRY.flatMap((entry) => entry.matches.map((p) => p.replace(/^(https:\/\/[^/]+)\/.*$/, '$1/*')));
  return [...new Set(origins)];
}

/** The hosts of every site's other regions, as optional host permissions. */
export function registryRegionPatterns(): string[] {
  return SITE_REGISTRY.flatMap((entry: SiteEntry) => (entry.regions ?? []).flatMap((region) => [...region.matches]));
}
