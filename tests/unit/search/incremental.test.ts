import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { StoredItem } from '../../../lib/db';
import { CONTENT_TYPES, JOURNEY_STAGES } from '../../../lib/schema/content';
import { createSearchEngine, type IndexedSearchEngine } from '../../../lib/search';
import type { SearchOptions } from '../../../lib/search/types';
import { item } from './items';

// A small vocabulary, so that random items share words and queries hit several of them.
const WORDS = [
  'fleet',
  'review',
  'pricing',
  'objection',
  'route',
  'planning',
  'payback',
  'renewal',
  'quarterly',
  'idle',
  'miles',
  'logistics',
  'cold',
  'chain',
  'müller',
  'маршрут',
  'депо',
  'холодный',
  'telematics',
  'roi',
];
const IDS = Array.from({ length: 12 }, (_, i) => `item-${i}`);

const words = (min: number, max: number) => fc.array(fc.constantFrom(...WORDS), { minLength: min, maxLength: max }).map((w) => w.join(' '));

const arbItem = (id: string) =>
  fc
    .record({
      title: words(1, 5),
      tags: fc.subarray(['fleet', 'roi', 'cold-chain', 'ru', 'pricing']),
      summary: words(0, 6),
      body: words(0, 40),
      stages: fc.subarray([...JOURNEY_STAGES], { minLength: 1 }),
      type: fc.constantFrom(...CONTENT_TYPES),
      shortcut: fc.option(fc.constantFrom('roi', 'fleet', 'price'), { nil: undefined }),
      updated_at: fc.option(fc.constantFrom('2025-01-01T00:00:00Z', '2025-06-01T00:00:00Z'), { nil: undefined }),
      review_by: fc.option(fc.constantFrom('2025-01-01', '2027-01-01'), { nil: undefined }),
    })
    .map((fields): StoredItem => item(id, fields));

const arbItems = fc.uniqueArray(fc.constantFrom(...IDS), { maxLength: 12 }).chain((ids) => fc.tuple(...ids.map(arbItem)));

type Edit = { op: 'upsert'; items: StoredItem[] } | { op: 'remove'; ids: string[] } | { op: 'setItems'; items: StoredItem[] } | { op: 'reload' };

// Long runs of upserts and removals between rebuilds, so that compaction (after dozens of
// retired slots) happens inside the sequences too.
const arbEdit: fc.Arbitrary<Edit> = fc.oneof(
  { weight: 30, arbitrary: arbItems.map((items): Edit => ({ op: 'upsert', items })) },
  { weight: 10, arbitrary: fc.subarray(IDS, { maxLength: 4 }).map((ids): Edit => ({ op: 'remove', ids })) },
  { weight: 1, arbitrary: arbItems.map((items): Edit => ({ op: 'setItems', items })) },
  { weight: 1, arbitrary: fc.constant<Edit>({ op: 'reload' }) },
);

const QUERIES: Array<[string, SearchOptions?]> = [
  [''],
  ['', { stages: ['interest'] }],
  ['fleet'],
  ['fle'],
  ['f'],
  ['flet'],
  ['quartelry review'],
  ['pricing objection'],
  ['cold chain', { types: ['case_study', 'deck'] }],
  ['roi'],
  ['маршр'],
  ['muller'],
  ['renewal payback idle', { stages: ['conversion', 'advocacy'] }],
  ['telematics planning route miles', { limit: 3 }],
];

const today = () => '2026-01-15';
const usage = new Map([
  ['item-1', { uses: 2, lastUsedAt: 10 }],
  ['item-4', { uses: 2, lastUsedAt: 20 }],
  ['item-7', { uses: 1, lastUsedAt: 5 }],
  ['item-9', { uses: 5, lastUsedAt: 1 }],
]);

function answers(engine: IndexedSearchEngine) {
  return QUERIES.map(([q, options]) => engine.search(q, options));
}

describe('incremental updates', () => {
  it('answer exactly as a rebuild from the final library, whatever the edits', () => {
    fc.assert(
      fc.property(arbItems, fc.array(arbEdit, { maxLength: 120, size: 'max' }), (initial, edits) => {
        let engine = createSearchEngine({ today });
        engine.setUsage(usage);
        engine.setItems(initial);
        const library = new Map(initial.map((i) => [i.id, i]));

        for (const edit of edits) {
          switch (edit.op) {
            case 'upsert':
              engine.upsert(edit.items);
              for (const i of edit.items) library.set(i.id, i);
              break;
            case 'remove':
              engine.remove(edit.ids);
              for (const id of edit.ids) library.delete(id);
              break;
            case 'setItems':
              engine.setItems(edit.items);
              library.clear();
              for (const i of edit.items) library.set(i.id, i);
              break;
            case 'reload': {
              // A reloaded index knows no item bodies: later edits take the other path.
              const reloaded = createSearchEngine({ today });
              reloaded.setUsage(usage);
              expect(reloaded.load(engine.serialize())).toBe(true);
              engine = reloaded;
              break;
            }
          }
        }

        const rebuilt = createSearchEngine({ today });
        rebuilt.setUsage(usage);
        rebuilt.setItems([...library.values()]);
        expect(engine.size).toBe(library.size);
        expect(answers(engine)).toEqual(answers(rebuilt));
      }),
      { numRuns: 150 },
    );
  });

  it('re-index only what changed when the same library is set again', () => {
    const library = IDS.map((id, n) => item(id, { title: `${WORDS[n]} ${WORDS[n + 1]}` }));
    const engine = createSearchEngine({ today });
    engine.setItems(library);
    const before = engine.revision;

    engine.setItems(library.map((i) => ({ ...i })));
    expect(engine.revision).toBe(before);

    engine.setItems(library.map((i) => (i.id === 'item-3' ? { ...i, title: 'telematics' } : i)));
    expect(engine.revision).toBeGreaterThan(before);
    expect(engine.search('telematics')[0]?.id).toBe('item-3');
  });

  it('keep the newest version when an upsert names an item twice', () => {
    const engine = createSearchEngine({ today });
    engine.upsert([item('a', { title: 'first fleet' }), item('a', { title: 'second route' })]);
    expect(engine.size).toBe(1);
    expect(engine.search('route').map((h) => h.id)).toEqual(['a']);
    expect(engine.search('first')).toEqual([]);
    expect(engine.get('a')?.title).toBe('second route');
  });

  it('forget removed items entirely', () => {
    const engine = createSearchEngine({ today });
    engine.setItems([item('a', { title: 'fleet' }), item('b', { title: 'route' })]);
    engine.remove(['a', 'unknown']);
    expect(engine.size).toBe(1);
    expect(engine.get('a')).toBeUndefined();
    expect(engine.search('fleet')).toEqual([]);
    expect(engine.search('').map((h) => h.id)).toEqual(['b']);
  });
});
