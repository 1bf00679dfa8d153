import { defineConfig } from 'wxt';
import { formatProblem } from './lib/schema/content-file';
import { registryHostPatterns, registryRegionPatterns } from './lib/sites/registry';
import { readContentDir } from './server/content-dir';

/** The demo library, validated and bundled as a public asset; an invalid file fails the build. */
async function demoLibraryAsset(root: string) {
  const { items, problems } = await readContentDir(`${root}/content`);
  if (problems.length > 0) {
    throw new Error(`The demo library in content/ has invalid files:\n${problems.map(formatProblem).join('\n')}`);
  }
  return JSON.stringify({ items });
}

export default defineConfig({
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  // Lets parallel builds (tests, benchmarks) write to their own folders.
  outDir: process.env.QUIVER_OUT_DIR ?? '.output',
  imports: false,
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: [
      'storage',
      'unlimitedStorage',
      'alarms',
      'clipboardWrite',
      // The quick palette is injected on demand (palette.js); see lib/background/palette.ts.
      'scripting',
      ...(browser === 'firefox' ? [] : ['sidePanel']),
    ],
    // Exactly the content scripts' matches (lib/sites/registry.ts; the scripts themselves are
    // added by modules/site-scripts.ts), so no new warning: Chrome does not count content-script
    // matches as host access for scripting.executeScript, and the palette must load where the
    // content script asks for it (a shortcut's fill form), not only after the keyboard command
    // granted activeTab.
    host_permissions: registryHostPatterns(),
    // The sites' other regions: no install prompt, asked for when the rep turns one on in the
    // options page (Sites). Firefox's Manifest V2 lists optional hosts with the other optional
    // permissions (the manifest type knows only Manifest V3, where hosts have their own key).
    ...(browser === 'firefox' ? { optional_permissions: registryRegionPatterns() as never[] } : { optional_host_permissions: registryRegionPatterns() }),
    action: { default_title: '__MSG_actionTitle__' },
    commands: {
      ...(browser === 'firefox'
        ? { _execute_sidebar_action: { suggested_key: { default: 'Alt+Shift+Q' }, description: '__MSG_commandOpenPanel__' } }
        : { _execute_action: { suggested_key: { default: 'Alt+Shift+Q' }, description: '__MSG_commandOpenPanel__' } }),
      'open-palette': { suggested_key: { default: 'Alt+Shift+K' }, description: '__MSG_commandOpenPalette__' },
    },
    ...(browser === 'firefox' ? { browser_specific_settings: { gecko: { id: 'quiver@quiver.dev', strict_min_version: '128.0' } } } : {}),
  }),
  vite: () => ({
    build: {
      rollupOptions: {
        onwarn(warning, warn) {
          // zod's sources carry annotations Rollup cannot place; they are harmless.
          if (warning.code === 'INVALID_ANNOTATION') return;
          warn(warning);
        },
      },
    },
  }),
  hooks: {
    // Terser packs the content script (budget: 40 KB gzipped) tighter than esbuild does; the
    // other entrypoints keep esbuild's faster minifier.
    'vite:build:extendConfig': (entrypoints, config) => {
      if (!entrypoints.some((e) => e.type === 'content-script')) return;
      config.build = { ...config.build, minify: 'terser', terserOptions: { compress: { passes: 2 } } };
    },
    'build:publicAssets': async (wxt, files) => {
      files.push({ relativeDest: 'demo-library.json', contents: await demoLibraryAsset(wxt.config.root) });
    },
  },
});
