/**
 * Side panel cold start in the real browser: the built extension in Chromium, a generated
 * library written into its IndexedDB, then `sidepanel.html` opened again and again. Measures
 * navigation start → first result on screen, with the persisted index and without it, and the
 * longest main-thread task meanwhile (the panel must never freeze while the worker indexes).
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import type { Page } from 'playwright-core';
import type { StoredItem } from '../lib/db';
import { chromiumPath } from '../tests/e2e/support/chromium';
import { launchExtension, type ExtensionSession } from '../tests/e2e/support/extension';
import { latency, type Latency } from './measure';

export interface PanelColdStart {
  /** With the index persisted by an earlier visit. */
  persisted: Latency;
  /** The first visit: no persisted index, the worker indexes from the items. */
  unindexedMs: number;
  /** Longest main-thread task in the panel page during the unindexed start, and 5 s after. */
  longestTaskMs: number;
}

const OUT_DIR = '.output-bench';
const RUNS = 7;

/** Installed in the panel page before its own scripts: when did the first result appear? */
function observeFirstResult() {
  const w = window as unknown as { __firstResult?: number; __longestTask: number };
  w.__longestTask = 0;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) w.__longestTask = Math.max(w.__longestTask, e.duration);
  }).observe({ type: 'longtask', buffered: true });
  new MutationObserver((_m, observer) => {
    if (document.querySelector('ul.results li.result')) {
      w.__firstResult = performance.now();
      observer.disconnect();
    }
  }).observe(document, { childList: true, subtree: true });
}

/** Writes the library straight into the extension's database, as a finished sync would. */
async function writeLibrary(page: Page, items: readonly StoredItem[]): Promise<void> {
  await page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('quiver');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const tx = db.transaction(['items', 'meta'], 'readwrite');
    tx.objectStore('items').clear();
    tx.objectStore('meta').put({ key: 'librarySource', value: 'server' });
    tx.objectStore('meta').delete('searchIndex');
    await new Promise((r) => (tx.oncomplete = r));
    db.close();
  });
  for (let i = 0; i < items.length; i += 500) {
    await page.evaluate(
      async (chunk) => {
        const db = await new Promise<IDBDatabase>((resolve) => {
          const open = indexedDB.open('quiver');
          open.onsuccess = () => resolve(open.result);
        });
        const tx = db.transaction('items', 'readwrite');
        for (const item of chunk) tx.objectStore('items').put(item);
        await new Promise((r) => (tx.oncomplete = r));
        db.close();
      },
      items.slice(i, i + 500),
    );
  }
}

async function hasPersistedIndex(page: Page): Promise<boolean> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve) => {
      const open = indexedDB.open('quiver');
      open.onsuccess = () => resolve(open.result);
    });
    const value = await new Promise<unknown>((resolve) => {
      const req = db.transaction('meta').objectStore('meta').get('searchIndex');
      req.onsuccess = () => resolve(req.result);
    });
    db.close();
    return value !== undefined;
  });
}

async function openPanel(session: ExtensionSession): Promise<{ page: Page; firstResultMs: number }> {
  const page = await session.context.newPage();
  await page.addInitScript(observeFirstResult);
  await page.goto(`chrome-extension://${session.extensionId}/sidepanel.html`);
  await page.waitForFunction(() => (window as unknown as { __firstResult?: number }).__firstResult !== undefined, null, {
    timeout: 60_000,
  });
  const firstResultMs = await page.evaluate(() => (window as unknown as { __firstResult: number }).__firstResult);
  return { page, firstResultMs };
}

/** Null when no Chromium is installed: the rest of the benchmark still runs. */
export async function measurePanelColdStart(items: readonly StoredItem[]): Promise<PanelColdStart | null> {
  try {
    chromiumPath();
  } catch {
    return null;
  }
  const build = spawnSync('npx', ['wxt', 'build'], { env: { ...process.env, QUIVER_OUT_DIR: OUT_DIR }, stdio: 'ignore' });
  if (build.status !== 0) throw new Error('the extension build for the panel cold-start benchmark failed');
  const session = await launchExtension({ extensionDir: path.resolve(OUT_DIR, 'chrome-mv3') });
  if (process.env.QUIVER_BENCH_DEBUG) session.context.on('page', (p) => p.on('console', (m) => console.log(m.text())));
  try {
    const admin = await session.openPage('options.html');
    await writeLibrary(admin, items);

    const first = await openPanel(session);
    await first.page.waitForTimeout(5000);
    const longestTaskMs = await first.page.evaluate(() => (window as unknown as { __longestTask: number }).__longestTask);
    for (let i = 0; i < 120 && !(await hasPersistedIndex(admin)); i++) await admin.waitForTimeout(500);
    await first.page.close();

    const samples: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const { page, firstResultMs } = await openPanel(session);
      samples.push(firstResultMs);
      await page.close();
    }
    return { persisted: latency(samples), unindexedMs: first.firstResultMs, longestTaskMs };
  } finally {
    await session.close();
  }
}
