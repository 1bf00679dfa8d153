import { beforeEach, describe, expect, test, vi } from 'vitest';
import { followRegionGrants, regionScriptId, syncRegionScripts, type RegionScriptDeps } from '../../../lib/background/region-scripts';

/*
 * A site's other regions get the site's own content script once the rep turned them on, and
 * lose it when the permission goes; pages of the region already open get it at once.
 * (fake-browser implements neither `scripting` nor `permissions`: both are faked here.)
 */

interface Registered {
  id: string;
  js?: string[];
  matches?: string[];
  allFrames?: boolean;
  matchOriginAsFallback?: boolean;
  runAt?: string;
}

let granted: Set<string>;
let registered: Map<string, Registered>;
let openTabs: { id: number; url: string }[];
let deps: RegionScriptDeps & { scripting: { executeScript: ReturnType<typeof vi.fn> } };

beforeEach(() => {
  granted = new Set();
  registered = new Map();
  openTabs = [];
  deps = {
    permissions: { contains: vi.fn(async ({ origins }: { origins?: string[] }) => (origins ?? []).every((o) => granted.has(o))) },
    scripting: {
      getRegisteredContentScripts: vi.fn(async () => [...registered.values()]),
      registerContentScripts: vi.fn(async (scripts: Registered[]) => scripts.forEach((s) => registered.set(s.id, s))),
      updateContentScripts: vi.fn(async (scripts: Registered[]) => scripts.forEach((s) => registered.set(s.id, { ...registered.get(s.id)!, ...s }))),
      unregisterContentScripts: vi.fn(async ({ ids }: { ids?: string[] }) => ids?.forEach((id) => registered.delete(id))),
      executeScript: vi.fn(async () => []),
    },
    tabs: {
      query: vi.fn(async ({ url }: { url?: string | string[] }) => {
        const hosts = [url ?? []].flat().map((p) => new URL(p.replace('/*', '/')).host);
        return openTabs.filter((t) => hosts.includes(new URL(t.url).host));
      }),
    },
  } as unknown as typeof deps;
});

describe('region scripts', () => {
  test('none while no region is on', async () => {
    expect(await syncRegionScripts(deps)).toEqual([]);
    expect(registered.size).toBe(0);
  });

  test('a region turned on runs its site’s script, there and in its pages already open', async () => {
    openTabs = [
      { id: 4, url: 'https://app-eu1.hubspot.com/contacts/1/record/0-3/2' },
      { id: 5, url: 'https://app.hubspot.com/contacts/1/record/0-3/2' },
    ];
    granted.add('https://app-eu1.hubspot.com/*');
    await followRegionGrants(deps);
    expect([...registered.values()]).toEqual([
      { id: regionScriptId('hubspot'), js: ['content-scripts/hubspot.js'], matches: ['https://app-eu1.hubspot.com/*'], runAt: 'document_idle' },
    ]);
    expect(deps.scripting.executeScript).toHaveBeenCalledTimes(1);
    expect(deps.scripting.executeScript).toHaveBeenCalledWith({ target: { tabId: 4, allFrames: false }, files: ['/content-scripts/hubspot.js'] });

    // A second region joins the same script; the first region's pages are not injected twice.
    granted.add('https://app-na2.hubspot.com/*');
    await followRegionGrants(deps);
    expect(registered.get(regionScriptId('hubspot'))?.matches).toEqual(['https://app-eu1.hubspot.com/*', 'https://app-na2.hubspot.com/*']);
    expect(deps.scripting.executeScript).toHaveBeenCalledTimes(1);
  });

  test('a region turned off loses the script; the last one off unregisters it', async () => {
    granted = new Set(['https://app-eu1.hubspot.com/*', 'https://app-ap1.hubspot.com/*']);
    await syncRegionScripts(deps);
    granted.delete('https://app-eu1.hubspot.com/*');
    await syncRegionScripts(deps);
    expect(registered.get(regionScriptId('hubspot'))?.matches).toEqual(['https://app-ap1.hubspot.com/*']);
    granted.clear();
    await syncRegionScripts(deps);
    expect(registered.size).toBe(0);
  });

  test('Salesforce’s regions run in every frame, about:blank editor frames included, as on its usual hosts', async () => {
    for (const p of ['https://*.lightning.crmforce.mil/*', 'https://*.my.salesforce.mil/*', 'https://*.lightning.force.mil/*']) granted.add(p);
    await syncRegionScripts(deps);
    expect(registered.get(regionScriptId('salesforce'))).toMatchObject({
      js: ['content-scripts/salesforce.js'],
      allFrames: true,
      matchOriginAsFallback: true,
    });
  });
});
