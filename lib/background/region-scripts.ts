import { browser, type Browser } from 'wxt/browser';
import { SITE_REGISTRY, type SiteEntry, type SiteName } from '../sites/registry';

/*
 * A site's other regions (lib/sites/registry.ts) are optional hosts: the rep turns one on in
 * the options page, which asks the browser for it. The manifest's content scripts do not run
 * there, so the background registers the site's own script (content-scripts/<site>.js) for the
 * regions granted, keeps that in step whenever permissions change (and at start-up, in case
 * they changed while the worker was away), and puts the script into the region's pages already
 * open, so the rep needs no reload.
 */

type Scripting = Pick<
  typeof browser.scripting,
  'getRegisteredContentScripts' | 'registerContentScripts' | 'updateContentScripts' | 'unregisterContentScripts' | 'executeScript'
>;

export interface RegionScriptDeps {
  scripting: Scripting;
  permissions: Pick<typeof browser.permissions, 'contains'>;
  tabs: Pick<typeof browser.tabs, 'query'>;
}

const defaultDeps = (): RegionScriptDeps => ({ scripting: browser.scripting, permissions: browser.permissions, tabs: browser.tabs });

/** A site's content script, as the build writes it (modules/site-scripts.ts). */
const scriptFile = (site: string) => `/content-scripts/${site as SiteName}.js` as const;

/** The id of a site's registered script for its regions. */
export const regionScriptId = (site: string) => `quiver-regions-${site}`;

/** The regions' match patterns the rep granted, by site. */
async function grantedRegionMatches(deps: RegionScriptDeps): Promise<Map<SiteEntry, string[]>> {
  const granted = new Map<SiteEntry, string[]>();
  for (const entry of SITE_REGISTRY as readonly SiteEntry[]) {
    const matches: string[] = [];
    for (const region of entry.regions ?? []) {
      if (await deps.permissions.contains({ origins: [...region.matches] }).catch(() => false)) matches.push(...region.matches);
    }
    granted.set(entry, matches);
  }
  return granted;
}

function scriptFor(entry: SiteEntry, matches: string[]): Browser.scripting.RegisteredContentScript {
  return {
    id: regionScriptId(entry.site),
    js: [scriptFile(entry.site).slice(1)],
    matches,
    runAt: 'document_idle',
    ...(entry.allFrames ? { allFrames: true } : {}),
    ...(entry.matchOriginAsFallback ? { matchOriginAsFallback: true } : {}),
  };
}

/**
 * Registers, updates or removes each site's region script so that it runs exactly on the
 * regions granted now. Returns the match patterns that were newly covered.
 */
export async function syncRegionScripts(deps: RegionScriptDeps = defaultDeps()): Promise<string[]> {
  const granted = await grantedRegionMatches(deps);
  const registered = new Map((await deps.scripting.getRegisteredContentScripts()).map((s) => [s.id, s]));
  const added: string[] = [];
  for (const [entry, matches] of granted) {
    const id = regionScriptId(entry.site);
    const current = registered.get(id);
    if (matches.length === 0) {
      if (current) await deps.scripting.unregisterContentScripts({ ids: [id] });
      continue;
    }
    added.push(...matches.filter((m) => !current?.matches?.includes(m)));
    if (!current) await deps.scripting.registerContentScripts([scriptFor(entry, matches)]);
    else if (matches.join() !== (current.matches ?? []).join()) await deps.scripting.updateContentScripts([scriptFor(entry, matches)]);
  }
  return added;
}

/** Puts each site's script into its open pages on these patterns (a region just turned on). */
export async function injectIntoOpenPages(patterns: string[], deps: RegionScriptDeps = defaultDeps()): Promise<void> {
  if (patterns.length === 0) return;
  for (const entry of SITE_REGISTRY as readonly SiteEntry[]) {
    const mine = patterns.filter((p) => entry.regions?.some((r) => r.matches.includes(p)));
    if (mine.length === 0) continue;
    const tabs = await deps.tabs.query({ url: mine }).catch(() => []);
    for (const tab of tabs) {
      if (tab.id === undefined) continue;
      await deps.scripting.executeScript({ target: { tabId: tab.id, allFrames: entry.allFrames ?? false }, files: [scriptFile(entry.site)] }).catch(() => {
        // The tab navigated away or closed meanwhile: its next page gets the registered script.
      });
    }
  }
}

/** After a permission change: the scripts follow the grants, and pages already open get theirs. */
export async function followRegionGrants(deps: RegionScriptDeps = defaultDeps()): Promise<void> {
  await injectIntoOpenPages(await syncRegionScripts(deps), deps);
}
