import { beforeAll, describe, expect, test } from 'vitest';
import type { ContentItem } from '../../lib/schema/content';
import { createSearchEngine, type SearchEngine } from '../../lib/search';
import { demoLibrary } from './support/demo-library';

let items: ContentItem[];
let engine: SearchEngine;
beforeAll(async () => {
  items = await demoLibrary();
  engine = createSearchEngine();
  engine.setItems(items);
});
const titles = (query: string, options = {}) => engine.search(query, options).map((h) => engine.get(h.id)!.title);

describe('search on the demo library', () => {
  test('a typo in a title finds the item first', () => {
    expect(titles('dispachly batlecard')[0]).toBe('Battlecard: Routewise vs. Dispatchly');
    expect(titles('nordhafn empty mils')[0]).toBe('How Nordhafen Logistik cut empty miles 18% across four depots');
  });

  test('a partial word while typing already finds the item', () => {
    expect(titles('referral as')).toContain('Referral ask after a strong result');
  });

  test('a stage filter excludes other stages', () => {
    const hits = engine.search('case study', { stages: ['advocacy'] });
    expect(hits.length).toBeGreaterThan(0);
    for (const h of hits) expect(engine.get(h.id)!.stages).toContain('advocacy');
    const unfiltered = engine.search('case study');
    expect(unfiltered.some((h) => !engine.get(h.id)!.stages.includes('advocacy'))).toBe(true);
  });

  test('a type filter keeps only that type', () => {
    const hits = engine.search('', { types: ['battlecard'] });
    expect(hits.map((h) => h.id).sort()).toEqual(
      items
        .filter((i) => i.type === 'battlecard')
        .map((i) => i.id)
        .sort(),
    );
  });

  test('Russian content is found by a Russian query', () => {
    const top = titles('холостой пробег').slice(0, 2);
    expect(top).toHaveLength(2);
    for (const title of top) expect(title).toMatch(/\(RU\)$/);
  });
});

describe('the page’s stage ranks, words naming a type act as a facet (demo library)', () => {
  test('every item’s exact title finds it first, whatever stage the page boosts', () => {
    const expiredOrDuplicate = (i: ContentItem) => i.expires !== undefined || items.filter((o) => o.title === i.title).length > 1;
    for (const stage of ['awareness', 'interest', 'engagement', 'conversion', 'advocacy'] as const) {
      for (const item of items.filter((i) => !expiredOrDuplicate(i))) {
        expect(engine.search(item.title, { boostStages: [stage] })[0]?.id, `${item.title} with ${stage} boosted`).toBe(item.id);
      }
    }
  });

  test('“case study” lists case studies first; “case study healthcare” the healthcare ones first', () => {
    const caseStudies = items.filter((i) => i.type === 'case_study').length;
    const first = engine.search('case study', { limit: caseStudies }).map((h) => engine.get(h.id)!.type);
    expect(first.every((type) => type === 'case_study')).toBe(true);
    const health = engine.search('case study healthcare', { limit: 1 }).map((h) => engine.get(h.id)!)[0]!;
    expect(health.type).toBe('case_study');
    expect([...health.tags, ...(health.industries ?? [])]).toContain('healthcare');
    expect(engine.get(engine.search('кейс')[0]!.id)!.type).toBe('case_study');
    expect(engine.get(engine.search('презентация')[0]!.id)!.type).toBe('deck');
  });

  test('the e2e content gap finds nothing at all', () => {
    expect(titles('veterinary kennels')).toEqual([]);
  });
});
