import Fuse from 'fuse.js';
import type { StoredItem } from '../lib/db';
import type { SearchHit, SearchOptions } from '../lib/search/types';

/**
 * The comparison point: one plain Fuse.js index over every field, body included, with the
 * field weights and threshold of the interim engine this work replaced; filters after search.
 */
export class BaselineFuse {
  private readonly fuse: Fuse<StoredItem>;
  constructor(items: readonly StoredItem[]) {
    this.fuse = new Fuse([...items], {
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

  search(query: string, options: SearchOptions = {}): SearchHit[] {
    const { stages = [], types = [], limit = 50 } = options;
    const keep = (i: StoredItem) => (stages.length === 0 || i.stages.some((s) => stages.includes(s))) && (types.length === 0 || types.includes(i.type));
    if (!query.trim()) return [];
    return this.fuse
      .search(query)
      .filter((r) => keep(r.item))
      .slice(0, limit)
      .map((r) => ({ id: r.item.id, score: 1 - (r.score ?? 1) }));
  }

  /**
   * Bytes of Fuse's own index as JSON, as a page would persist it (`Fuse.parseIndex` reloads
   * it). Counted record by record: at 50,000 items the whole string is hundreds of megabytes.
   */
  serialisedIndexBytes(): number {
    const { keys, records } = this.fuse.getIndex().toJSON();
    let bytes = Buffer.byteLength(JSON.stringify({ keys, records: [] }));
    for (const record of records) bytes += Buffer.byteLength(JSON.stringify(record)) + 1;
    return bytes;
  }
}
