import { browser } from 'wxt/browser';
import { z } from 'zod';
import { getDb, getMeta, seedDemoLibrary, setMeta, type QuiverDb } from '../db';
import { contentItemSchema } from '../schema/content';

const demoFileSchema = z.object({ items: z.array(contentItemSchema) });

/** Loads the demo library bundled with the extension (validated at build time, checked again here). */
export async function loadBundledDemoLibrary() {
  // Generated at build time, so WXT's typed public paths do not list it.
  const url = (browser.runtime.getURL as (path: string) => string)('/demo-library.json');
  const response = await fetch(url);
  return demoFileSchema.parse(await response.json()).items;
}

/**
 * Seeds the demo library unless a server is configured or its library is already cached.
 * Once per extension version: a waking worker does not re-read the bundle every time.
 */
export async function ensureDemoLibrary(db: QuiverDb = getDb(), serverConfigured: boolean): Promise<void> {
  if (serverConfigured) return;
  if ((await getMeta(db, 'librarySource')) === 'server') return;
  const version = browser.runtime.getManifest().version;
  if ((await getMeta(db, 'demoSeededFor')) === version && (await db.items.count()) > 0) return;
  await seedDemoLibrary(db, await loadBundledDemoLibrary());
  await setMeta(db, 'demoSeededFor', version);
}
