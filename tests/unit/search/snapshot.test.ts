import { describe, expect, it } from 'vitest';
import { createSearchEngine } from '../../../lib/search';
import { engineWith, ids, item } from './items';

const library = [
  item('fleet', { title: 'Fleet idle time case study', tags: ['fleet', 'roi'], stages: ['interest'], type: 'case_study' }),
  item('pricing', { title: 'Pricing objection', shortcut: 'price', stages: ['conversion'], type: 'battlecard' }),
  item('ru', { title: 'ХолодЛайн: холостой пробег', tags: ['ru'], body: 'Маршруты строили в Excel.' }),
  item('stale', { title: 'Old pricing sheet', review_by: '2020-01-01', body: 'fleet pricing' }),
];
const queries = ['', 'fleet', 'fle', 'pricng', 'price', 'холостой', 'маршр', 'old pricing sheet'];

describe('a serialised index', () => {
  it('answers exactly like the index it was taken from', () => {
    const original = engineWith(library);
    original.setUsage(new Map([['stale', { uses: 1, lastUsedAt: 1 }]]));
    const reloaded = createSearchEngine({ today: () => '2026-01-15' });
    reloaded.setUsage(new Map([['stale', { uses: 1, lastUsedAt: 1 }]]));
    expect(reloaded.load(original.serialize())).toBe(true);

    expect(reloaded.size).toBe(library.length);
    for (const q of queries) expect(reloaded.search(q), q).toEqual(original.search(q));
    expect(reloaded.search('fleet', { stages: ['interest'], types: ['case_study'] })).toEqual(
      original.search('fleet', { stages: ['interest'], types: ['case_study'] }),
    );
  });

  it('holds no item bodies, and takes the items back without re-indexing unchanged ones', () => {
    const reloaded = createSearchEngine();
    reloaded.load(engineWith(library).serialize());
    expect(reloaded.get('fleet')).toBeUndefined();

    const revision = reloaded.revision;
    reloaded.setItems(library);
    expect(reloaded.revision).toBe(revision);
    expect(reloaded.get('fleet')?.title).toBe(library[0]!.title);
  });

  it('catches up with changes made since it was saved', () => {
    const reloaded = createSearchEngine();
    reloaded.load(engineWith(library).serialize());
    const changed = library.filter((i) => i.id !== 'stale').map((i) => (i.id === 'pricing' ? { ...i, title: 'Payback talk track' } : i));
    reloaded.setItems(changed);

    expect(ids(reloaded, 'payback')).toEqual(['pricing']);
    expect(ids(reloaded, 'objection')).toEqual([]);
    expect(ids(reloaded, 'old pricing sheet')).not.toContain('stale');
    expect(reloaded.size).toBe(3);
  });

  it('loads from a byte array that is a view into a larger buffer', () => {
    const bytes = engineWith(library).serialize();
    const padded = new Uint8Array(bytes.length + 3);
    padded.set(bytes, 3);
    const reloaded = createSearchEngine();
    expect(reloaded.load(padded.subarray(3))).toBe(true);
    expect(ids(reloaded, 'fleet')[0]).toBe('fleet');
  });

  it('is refused, keeping the current index, when it is of another format or damaged', () => {
    const engine = engineWith(library);
    const bytes = engine.serialize();

    const otherFormat = bytes.slice();
    otherFormat[3] = 99;
    expect(engine.load(otherFormat)).toBe(false);
    expect(engine.load(bytes.slice(0, bytes.length - 40))).toBe(false);
    expect(engine.load(new Uint8Array([1, 2, 3]))).toBe(false);

    expect(engine.size).toBe(library.length);
    expect(ids(engine, 'fleet')[0]).toBe('fleet');
  });
});
