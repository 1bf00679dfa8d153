import type { StoredItem } from '../lib/db';
import { BaselineFuse } from './baseline-fuse';
import type { LabelledQuery } from './labelled-queries';
import { keystrokes } from './measure-engine';
import { latency, retainedBytes, timed, type Latency } from './measure';
import { Random } from './random';

export interface BaselineFigures {
  buildMs: number;
  indexBytes: number;
  memoryBytes: number;
  keystrokes: Latency;
  /** Indexes (into the labelled set) of the queries the baseline was run on. */
  sample: number[];
  /** Rank of the expected item for each sampled query. */
  ranks: number[];
  /** Open with no persisted index: build Fuse's index, then answer a first 4-letter query. */
  coldStartMs: number;
}

/**
 * The plain Fuse.js baseline scans every body with bitap on every query: about 5 s per query at
 * 1,000 items of realistic length, 30 s at 10,000, minutes at 50,000. It therefore runs for a
 * fixed time per library size on random keystrokes and queries (half the time each), skipping
 * any that its measured speed says would not fit; the report prints how many ran.
 */
export function measureBaseline(items: readonly StoredItem[], queries: readonly LabelledQuery[], seconds: number, seed: number): BaselineFigures {
  const before = retainedBytes();
  const build = timed(() => new BaselineFuse(items));
  const memoryBytes = retainedBytes() - before;
  const fuse = build.value;
  const indexBytes = fuse.serialisedIndexBytes();

  const first = queries[0]!.text.slice(0, 4);
  const firstQuery = timed(() => fuse.search(first));
  const coldStartMs = build.ms + firstQuery.ms;

  // Cost grows with the pattern length (bitap splits long patterns into 32-letter chunks).
  const perLetter = [firstQuery.ms / first.length];
  const predict = (text: string) => Math.max(...perLetter) * text.length;
  const random = new Random(seed);
  const run = <T extends { text: string }>(list: readonly T[], budgetMs: number, each: (entry: T, i: number) => void) => {
    const start = performance.now();
    for (const i of random.shuffle(list.map((_, i) => i))) {
      const entry = list[i]!;
      if (performance.now() - start + predict(entry.text) > budgetMs) continue;
      const t = timed(() => each(entry, i));
      perLetter.push(t.ms / entry.text.length);
    }
  };

  const samples: number[] = [];
  run(keystrokes(queries), (seconds * 1000) / 2, (k) => samples.push(timed(() => fuse.search(k.text, k.options)).ms));
  const sample: number[] = [];
  const ranks: number[] = [];
  run(queries, (seconds * 1000) / 2, (q, i) => {
    sample.push(i);
    ranks.push(fuse.search(q.text, q.options).findIndex((h) => h.id === q.expect));
  });

  return { buildMs: build.ms, indexBytes, memoryBytes, keystrokes: latency(samples), sample, ranks, coldStartMs };
}
