import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { StoredItem } from '../lib/db';
import { createSearchEngine } from '../lib/search/index';
import type { LabelledQuery } from './labelled-queries';
import { latency, retainedBytes, timed, type Latency } from './measure';
import { Random } from './random';

export interface EngineFigures {
  buildMs: number;
  snapshotBytes: number;
  serialiseMs: number;
  memoryBytes: number;
  terms: number;
  postings: number;
  keystrokes: Latency;
  /** Rank of the expected item per labelled query (-1: not in the results). */
  ranks: number[];
  coldStart: { importMs: number; readMs: number; loadMs: number; firstResultsMs: number; firstTypedMs: number };
  /** First results with no persisted index: setItems defers the postings. */
  firstResultsUnindexedMs: number;
  upsert10Ms: number;
  remove10Ms: number;
}

const here = path.dirname(fileURLToPath(import.meta.url));
const today = () => '2025-11-27';

/** Each prefix of each query, as typed one key at a time. */
export function keystrokes(queries: readonly LabelledQuery[]): Array<Pick<LabelledQuery, 'text' | 'options'>> {
  return queries.flatMap((q) => Array.from(q.text, (_, i) => ({ text: q.text.slice(0, i + 1), options: q.options })));
}

function coldStart(snapshot: Uint8Array, typed: string): EngineFigures['coldStart'] {
  const dir = mkdtempSync(path.join(tmpdir(), 'quiver-bench-'));
  try {
    const file = path.join(dir, 'index.bin');
    writeFileSync(file, snapshot);
    const child = spawnSync(process.execPath, ['--import', 'tsx', path.join(here, 'cold-start.ts'), file, typed], {
      encoding: 'utf8',
      cwd: path.join(here, '..'),
    });
    if (child.status !== 0) throw new Error(`cold start failed: ${child.stderr}`);
    return JSON.parse(child.stdout.trim().split('\n').pop()!) as EngineFigures['coldStart'];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Ten items as a sync would change them: new wording in the title and body, a new version. */
function edited(items: readonly StoredItem[], seed: number): StoredItem[] {
  const random = new Random(seed);
  return random.sample(items, 10).map((item) => ({
    ...item,
    title: `${item.title} revised`,
    body: `${item.body} Updated pricing section for the new quarter.`,
    version: (item.version ?? 0) + 1,
  }));
}

export function measureEngine(items: readonly StoredItem[], queries: readonly LabelledQuery[]): EngineFigures {
  const before = retainedBytes();
  const engine = createSearchEngine({ today });
  const build = timed(() => {
    engine.setItems(items);
    engine.prepare();
  });
  const memoryBytes = retainedBytes() - before;
  const stats = engine.stats();

  const samples: number[] = [];
  for (const k of keystrokes(queries)) samples.push(timed(() => engine.search(k.text, k.options)).ms);
  const ranks = queries.map((q) => engine.search(q.text, q.options).findIndex((h) => h.id === q.expect));

  const serialised = timed(() => engine.serialize());
  const cold = coldStart(serialised.value, queries[0]!.text.slice(0, 4));

  const fresh = createSearchEngine({ today });
  const firstResultsUnindexedMs = timed(() => {
    fresh.setItems(items);
    fresh.search('');
  }).ms;

  const changed = edited(items, items.length);
  const upsert10Ms = timed(() => engine.upsert(changed)).ms;
  const remove10Ms = timed(() => engine.remove(changed.map((i) => i.id))).ms;

  return {
    buildMs: build.ms,
    snapshotBytes: serialised.value.byteLength,
    serialiseMs: serialised.ms,
    memoryBytes,
    terms: stats.terms,
    postings: stats.postings,
    keystrokes: latency(samples),
    ranks,
    coldStart: cold,
    firstResultsUnindexedMs,
    upsert10Ms,
    remove10Ms,
  };
}
