import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import { addEntrypoint, addViteConfig, defineWxtModule } from 'wxt/modules';
import { SITE_REGISTRY, type SiteEntry } from '../lib/sites/registry';

/*
 * One content script per supported site, from lib/sites/registry.ts: each site's pages load
 * the shared core and their own adapter, nothing of the other sites (the size budget holds per
 * page), and a new site is one more registry entry. The entrypoint of `<site>` is a module
 * written here, three lines long:
 *
 *   import { siteContentScript } from '<root>/lib/content-script/site-script.ts';
 *   import { <site> } from '<root>/lib/sites/<site>.ts';
 *   export default siteContentScript(<site>);
 *
 * built to `content-scripts/<site>.js` and listed in the manifest with the entry's match
 * patterns and frame options. (WXT loads the modules in this folder by itself.)
 */

const PREFIX = 'virtual:quiver-site-script?';

function entryCode(root: string, site: string): string {
  return [
    `import { siteContentScript } from ${JSON.stringify(resolve(root, 'lib/content-script/site-script.ts'))};`,
    `import { ${site} } from ${JSON.stringify(resolve(root, `lib/sites/${site}.ts`))};`,
    `export default siteContentScript(${site});`,
  ].join('\n');
}

function siteScriptModules(root: string): Plugin {
  return {
    name: 'quiver:site-scripts',
    resolveId(id) {
      return id.startsWith(PREFIX) ? `\0${id}` : undefined;
    },
    load(id) {
      if (!id.startsWith(`\0${PREFIX}`)) return undefined;
      const site = id.slice(PREFIX.length + 1);
      if (!SITE_REGISTRY.some((entry) => entry.site === site)) throw new Error(`no site "${site}" in lib/sites/registry.ts`);
      return entryCode(root, site);
    },
  };
}

export default defineWxtModule({
  name: 'site-scripts',
  setup(wxt) {
    for (const entry of SITE_REGISTRY) {
      addEntrypoint(wxt, {
        type: 'content-script',
        name: entry.site,
        inputPath: `${PREFIX}${entry.site}`,
        outputDir: resolve(wxt.config.outDir, 'content-scripts'),
        options: {
          matches: [...entry.matches],
          ...('excludeMatches' in entry ? { excludeMatches: [...(entry as SiteEntry).excludeMatches!] } : {}),
          runAt: 'document_idle',
          ...('allFrames' in entry ? { allFrames: entry.allFrames } : {}),
          ...('matchAboutBlank' in entry ? { matchAboutBlank: entry.matchAboutBlank } : {}),
          ...('matchOriginAsFallback' in entry ? { matchOriginAsFallback: entry.matchOriginAsFallback } : {}),
        },
        skipped: false,
      });
    }
    addViteConfig(wxt, () => ({ plugins: [siteScriptModules(wxt.config.root)] }));
  },
});
