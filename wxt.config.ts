import { defineConfig } from 'wxt';
import { formatProblem } from './lib/schema/content-file';
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
    // Exactly the content script's matches (entrypoints/content.ts), so no new warning: Chrome
    // does not count content-script matches as host access for scripting.executeScript, and the
    // palette must load where the content script asks for it (a shortcut's fill form), not only
    // after the keyboard command granted activeTab.
    host_permissions: [
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
    action: { default_title: '__MSG_actionTitle__' },
    commands: {
      ...(browser === 'firefox'
        ? { _execute_sidebar_action: { suggested_key: { default: 'Alt+Shift+Q' }, description: '__MSG_commandOpenPanel__' } }
        : { _execute_action: { suggested_key: { default: 'Alt+Shift+Q' }, description: '__MSG_commandOpenPanel__' } }),
      'open-palette': { suggested_key: { default: 'Alt+Shift+K' }, description: '__MSG_commandOpenPalette__' },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'quiver@quiver.dev',
              // 140 (an ESR) is the first Firefox that shows the data declaration below.
              strict_min_version: '140.0',
              // What leaves the browser, and only once the rep sets a server URL: usage events
              // (the rep's email, the site and page kind where content was used) and search
              // text, sent to the team's own library server. Firefox shows this at install.
              data_collection_permissions: { required: ['personallyIdentifyingInfo', 'websiteActivity', 'searchTerms'] },
            },
            // Firefox for Android has no sidebar; were it ever installed there, 142 is the first
            // version that shows the data declaration.
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
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
