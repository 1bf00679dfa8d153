import type { StoredItem } from '../../../lib/db';
import { createSearchEngine, type IndexedSearchEngine } from '../../../lib/search';
import type { SearchOptions } from '../../../lib/search/types';

/** A valid content item with dull defaults; tests override what they are about. */
export function item(id: string, fields: Partial<StoredItem> = {}): StoredItem {
  return {
    id,
    type: 'email_template',
    title: `Untitled ${id}`,
    stages: ['interest'],
    tags: [],
    summary: '',
    owner: 'owner@example.com',
    body: 'Hello there.',
    ...fields,
  };
}

/** An engine with a fixed "today", holding `items`. */
export function engineWith(items: readonly StoredItem[]): IndexedSearchEngine {
  const engine = createSearchEngine({ today: () => '2026-01-15' });
  engine.setItems(items);
  return engine;
}

export function ids(engine: IndexedSearchEngine, query: string, options?: SearchOptions): string[] {
  return engine.search(query, options).map((h) => h.id);
}
