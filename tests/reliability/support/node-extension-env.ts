import { fakeBrowser } from 'wxt/testing/fake-browser';

/*
 * The long runs (`npx tsx tests/reliability/…`) load extension modules outside vitest, where
 * WxtVitest gives them a browser. Those that keep a flag in extension storage (lib/events/
 * track.ts notes a full disk in lib/storage-full.ts) need one too: WXT's fake browser, set
 * where `wxt/browser` looks. Import this first.
 */
(globalThis as unknown as { chrome?: unknown }).chrome ??= fakeBrowser;
