/**
 * Cold start, measured in a fresh process so nothing is warmed up or cached, as when the side
 * panel opens: read the persisted index, load it, answer the first query.
 *   node --import tsx bench/cold-start.ts <snapshot file> <typed query>
 * Prints one JSON line of milliseconds.
 */
import { readFileSync } from 'node:fs';

const [file, typed = 'a'] = process.argv.slice(2);
if (!file) throw new Error('usage: cold-start.ts <snapshot file> <typed query>');

const started = performance.now();
// tsx compiles the engine on import; a real page loads a prebuilt bundle, so this is reported apart.
const { createSearchEngine } = await import('../lib/search/index');
const imported = performance.now();
const bytes = new Uint8Array(readFileSync(file));
const read = performance.now();
const engine = createSearchEngine();
if (!engine.load(bytes)) throw new Error('snapshot refused');
const loaded = performance.now();
engine.search('');
const firstResults = performance.now();
engine.search(typed);
const firstTyped = performance.now();

console.log(
  JSON.stringify({
    importMs: imported - started,
    readMs: read - imported,
    loadMs: loaded - read,
    firstResultsMs: firstResults - loaded,
    firstTypedMs: firstTyped - firstResults,
  }),
);
