import { browser } from 'wxt/browser';
import { SITE_REGISTRY, type SiteEntry, type SiteRegion } from './registry';

/*
 * Whether the rep turned a site's other region on: the browser's optional host permission for
 * the region's hosts (see lib/sites/registry.ts). Turning one on must happen in the rep's own
 * click, which the browser requires before it asks; the background then runs the site's
 * script there (lib/background/region-scripts.ts).
 */

/** Every site that has other regions, with them. */
export function sitesWithRegions(): { entry: SiteEntry; regions: readonly SiteRegion[] }[] {
  return (SITE_REGISTRY as readonly SiteEntry[]).flatMap((entry) => (entry.regions?.length ? [{ entry, regions: entry.regions }] : []));
}

export function regionTurnedOn(region: SiteRegion): Promise<boolean> {
  return browser.permissions.contains({ origins: [...region.matches] }).catch(() => false);
}

/** Asks the browser for the region's hosts; call it synchronously in the click, before any await. */
export function turnOnRegion(region: SiteRegion): Promise<boolean> {
  return browser.permissions.request({ origins: [...region.matches] }).catch(() => false);
}

export function turnOffRegion(region: SiteRegion): Promise<boolean> {
  return browser.permissions.remove({ origins: [...region.matches] }).catch(() => false);
}

/** Calls back when any permission changes (here, in the browser's settings, or in another page). */
export function onRegionAccessChanged(listener: () => void): () => void {
  const { onAdded, onRemoved } = browser.permissions;
  onAdded.addListener(listener);
  onRemoved.addListener(listener);
  return () => {
    onAdded.removeListener(listener);
    onRemoved.removeListener(listener);
  };
}
