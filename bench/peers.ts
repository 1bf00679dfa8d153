/**
 * The search libraries a team would otherwise pick, set up as fairly as their documentation
 * allows for this job: the same fields and weights as the engine (title 4, tags 3, shortcut 2,
 * summary 1.5, body 0.5), prefix matching for search as you type, typo tolerance where the
 * library has it, and the stage and type filters applied before the limit.
 */
import { Document } from 'flexsearch';
import MiniSearch from 'minisearch';
import type { StoredItem } from '../lib/db';
import type { SearchHit, SearchOptions } from '../lib/search/types';
import type { LabelledQuery } from './labelled-queries';
import { keystrokes } from './measure-engine';
import { latency, retainedBytes, timed, type Latency } from './measure';

export interface PeerEngine {
  search(query: string, options?: SearchOptions): SearchHit[];
}

const WEIGHTS = { title: 4, tags: 3, shortcut: 2, summary: 1.5, body: 0.5 } as const;
type Field = keyof typeof WEIGHTS;
const FIELDS = Object.keys(WEIGHTS) as Field[];

const keeper =
  (byId: ReadonlyMap<string, StoredItem>, { stages = [], types = [] }: SearchOptions) =>
  (id: string) => {
    const item = byId.get(id);
    return !!item && (stages.length === 0 || item.stages.some((s) => stages.includes(s))) && (types.length === 0 || types.includes(item.type));
  };

/** MiniSearch 7: BM25 with prefix and fuzzy (edit distance 0.2 of the word) matching. */
export function miniSearchPeer(items: readonly StoredItem[]): PeerEngine {
  const byId = new Map(items.map((i) => [i.id, i]));
  const index = new MiniSearch<StoredItem>({
    fields: FIELDS,
    extractField: (doc, field) => {
      const value = (doc as unknown as Record<string, unknown>)[field];
      return Array.isArray(value) ? value.join(' ') : ((value as string | undefined) ?? '');
    },
    searchOptions: { boost: { ...WEIGHTS }, prefix: true, fuzzy: 0.2, combineWith: 'AND' },
  });
  index.addAll([...items]);
  return {
    search(query, options = {}) {
      if (!query.trim()) return [];
      const keep = keeper(byId, options);
      return index
        .search(query, { filter: (r) => keep(String(r.id)) })
        .slice(0, options.limit ?? 50)
        .map((r) => ({ id: String(r.id), score: r.score }));
    },
  };
}

/** FlexSearch 0.8: a document index per field, forward tokenising (prefixes), suggestions on. */
export function flexSearchPeer(items: readonly StoredItem[]): PeerEngine {
  const byId = new Map(items.map((i) => [i.id, i]));
  const index = new Document({
    document: { id: 'id', index: FIELDS.map((field) => ({ field, tokenize: 'forward' as const })) },
  });
  for (const item of items) {
    index.add({
      id: item.id,
      title: item.title,
      tags: item.tags.join(' '),
      shortcut: item.shortcut ?? '',
      summary: item.summary,
      body: item.body,
    });
  }
  return {
    search(query, options = {}) {
      if (!query.trim()) return [];
      const keep = keeper(byId, options);
      const limit = options.limit ?? 50;
      const scores = new Map<string, number>();
      const results = index.search(query, { limit: 500, suggest: true }) as unknown as { field: Field; result: (string | number)[] }[];
      for (const { field, result } of results) {
        result.forEach((id, rank) => {
          const key = String(id);
          scores.set(key, (scores.get(key) ?? 0) + WEIGHTS[field] / (1 + rank / 10));
        });
      }
      return [...scores]
        .filter(([id]) => keep(id))
        .sort((a, b) => b[1] - a[1])
        .slice(0, limit)
        .map(([id, score]) => ({ id, score }));
    },
  };
}

export interface PeerFigures {
  name: string;
  buildMs: number;
  memoryBytes: number;
  keystrokes: Latency;
  ranks: number[];
}

/** Build, memory, every keystroke of the labelled queries (up to `seconds`), and recall. */
export function measurePeer(
  name: string,
  build: (items: readonly StoredItem[]) => PeerEngine,
  items: readonly StoredItem[],
  queries: readonly LabelledQuery[],
  seconds: number,
): PeerFigures {
  const before = retainedBytes();
  const built = timed(() => build(items));
  const memoryBytes = retainedBytes() - before;
  const engine = built.value;
  const samples: number[] = [];
  const started = performance.now();
  for (const k of keystrokes(queries)) {
    if (performance.now() - started > seconds * 1000) break;
    samples.push(timed(() => engine.search(k.text, k.options)).ms);
  }
  const ranks = queries.map((q) => engine.search(q.text, q.options).findIndex((h) => h.id === q.expect));
  return { name, buildMs: built.ms, memoryBytes, keystrokes: latency(samples), ranks };
}
