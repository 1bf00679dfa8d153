import Fuse from 'fuse.js';
import type { StoredItem } from '../db';
import type { SearchEngine, SearchHit, SearchOptions, UsageSignal } from './types';

export type { SearchEngine, SearchHit, SearchOptions, SearchFilters, UsageSignal } from './types';

/** Interim engine: a Fuse.js index over the weighted fields. */
class FuseSearchEngine implements SearchEngine {
  private items = new Map<string, StoredItem>();
  private usage: ReadonlyMap<string, UsageSignal> = new Map();
  private fuse = this.build();

  private build() {
    return new Fuse([...this.items.values()], {
      keys: [
        { name: 'title', weight: 4 },
        { name: 'tags', weight: 3 },
        { name: 'shortcut', weight: 2 },
        { name: 'summary', weight: 1.5 },
        { name: 'body', weight: 0.5 },
      ],
      includeScore: true,
      ignoreLocation: true,
      threshold: 0.35,
    });
  }

  get size() {
    return this.items.size;
  }
  setItems(items: readonly StoredItem[]) {
    this.items = new Map(items.map((i) => [i.id, i]));
    this.fuse = this.build();
  }
  upsert(items: readonly StoredItem[]) {
    for (const i of items) this.items.set(i.id, i);
    this.fuse = this.build();
  }
  remove(ids: readonly string[]) {
    for (const id of ids) this.items.delete(id);
    this.fuse = this.build();
  }
  setUsage(usage: ReadonlyMap<string, UsageSignal>) {
    this.usage = usage;
  }
  get(id: string) {
    return this.items.get(id);
  }
  search(query: string, options: SearchOptions = {}): SearchHit[] {
    const { stages = [], types = [], limit = 50 } = options;
    const keep = (i: StoredItem) =>
      (stages.length === 0 || i.stages.some((s) => stages.includes(s))) && (types.length === 0 || types.includes(i.type));
    const q = query.trim();
    if (!q) {
      return [...this.items.values()]
        .filter(keep)
        .map((i) => ({ id: i.id, score: this.usage.get(i.id)?.uses ?? 0 }))
        .sort((a, b) => b.score - a.score || a.id.localeCompare(b.id))
        .slice(0, limit);
    }
    return this.fuse
      .search(q)
      .filter((r) => keep(r.item))
      .slice(0, limit)
      .map((r) => ({ id: r.item.id, score: 1 - (r.score ?? 1) }));
  }
}

export function createSearchEngine(): SearchEngine {
  return new FuseSearchEngine();
}
