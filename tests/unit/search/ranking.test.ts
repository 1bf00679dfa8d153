import { describe, expect, it } from 'vitest';
import { engineWith, ids, item } from './items';

const library = [
  item('northwind', {
    type: 'case_study',
    title: 'How Northwind cut fleet idle time 23%',
    stages: ['interest', 'engagement'],
    tags: ['logistics', 'roi', 'fleet'],
    summary: 'A logistics company reduced idle time with route planning.',
    body: 'Northwind runs 400 trucks across the region. Planning took hours every evening.',
  }),
  item('quarterly-review', {
    title: 'Quarterly fleet review agenda',
    stages: ['advocacy'],
    tags: ['renewal'],
    body: 'Agenda for the quarterly business review with the customer.',
  }),
  item('pricing-objection', {
    type: 'battlecard',
    title: 'Handling the pricing objection',
    stages: ['conversion'],
    tags: ['pricing', 'objection'],
    shortcut: 'price',
    body: 'When the buyer says we are too expensive, anchor on payback.',
  }),
  item('breakup', {
    title: 'Breakup email after no reply',
    stages: ['engagement'],
    tags: ['cadence'],
    body: 'Should I close your file? Fleet telematics may not be a priority right now.',
  }),
  item('kholodline', {
    type: 'case_study',
    title: 'ХолодЛайн: холостой пробег −17%',
    stages: ['interest'],
    tags: ['ru', 'cold-chain'],
    summary: 'Кейс на русском: дистрибутор охлаждённой продукции.',
    body: 'Маршруты строили четыре логиста в Excel.',
  }),
  item('schmidt', {
    type: 'case_study',
    title: 'Autoteile Schmidt: Müller über Lieferzeiten in Łódź',
    stages: ['interest'],
    tags: ['dach'],
    body: 'Ein Kunde aus Deutschland.',
  }),
];

describe('search ranking', () => {
  const engine = engineWith(library);

  it('finds an item first despite a typo in its title', () => {
    expect(ids(engine, 'Northwnd fleet')[0]).toBe('northwind');
    expect(ids(engine, 'quartelry review')[0]).toBe('quarterly-review');
    expect(ids(engine, 'objectoin')[0]).toBe('pricing-objection');
  });

  it('matches the word being typed by its prefix, keystroke by keystroke', () => {
    for (const typed of ['q', 'qu', 'qua', 'quar', 'quart', 'quarterly f', 'quarterly fle']) {
      expect(ids(engine, typed)[0], typed).toBe('quarterly-review');
    }
  });

  it('does not let the first letter of the next word reshuffle the results', () => {
    const typing = engineWith([
      item('target', { title: 'Northwind idle time' }),
      item('other', { title: 'Route planning', body: 'As Northwind found out.' }),
      ...Array.from({ length: 10 }, (_, i) => item(`filler-${i}`, { title: `Filler ${i}` })),
    ]);
    expect(ids(typing, 'northwind')[0]).toBe('target');
    expect(ids(typing, 'northwind r')[0]).toBe('target');
    expect(ids(typing, 'northwind ro')[0]).toBe('target');
    expect(ids(typing, 'northwind rou')[0]).toBe('other');
  });

  it('ranks items holding every word above items holding some', () => {
    const hits = ids(engine, 'fleet telematics');
    expect(hits[0]).toBe('breakup');
    expect(hits).toContain('northwind');
  });

  it('still finds an item when one of several words matches nothing', () => {
    expect(ids(engine, 'northwind fleet zzyzx')[0]).toBe('northwind');
  });

  it('finds items by tag, and a tag counts more than a mention in a body', () => {
    expect(ids(engine, 'roi')).toEqual(['northwind']);
    const fleet = ids(engine, 'fleet');
    expect(fleet.indexOf('northwind')).toBeLessThan(fleet.indexOf('breakup'));
  });

  it('searches Cyrillic text, folding ё to е, with typos', () => {
    expect(ids(engine, 'холодлайн')[0]).toBe('kholodline');
    expect(ids(engine, 'охлажденной')[0]).toBe('kholodline');
    expect(ids(engine, 'холостый пробег')[0]).toBe('kholodline');
    expect(ids(engine, 'логис')[0]).toBe('kholodline');
  });

  it('folds diacritics both ways', () => {
    expect(ids(engine, 'muller lodz')[0]).toBe('schmidt');
    expect(ids(engine, 'Über')[0]).toBe('schmidt');
  });

  it('keeps only the requested stages and types', () => {
    expect(ids(engine, 'fleet', { stages: ['advocacy'] })).toEqual(['quarterly-review']);
    expect(ids(engine, 'fleet', { types: ['case_study'] })).toEqual(['northwind']);
    expect(ids(engine, 'fleet', { stages: ['engagement', 'advocacy'] }).sort()).toEqual(['breakup', 'northwind', 'quarterly-review'].sort());
    expect(ids(engine, 'fleet', { stages: ['conversion'] })).toEqual([]);
    expect(ids(engine, '', { types: ['battlecard'] })).toEqual(['pricing-objection']);
  });

  it('respects the limit', () => {
    expect(ids(engine, '', { limit: 2 })).toHaveLength(2);
    expect(ids(engine, 'e', { limit: 1 })).toHaveLength(1);
  });
});

describe('exact matches', () => {
  it('puts an exact title first, even against an item that mentions its words more', () => {
    const engine = engineWith([
      item('longer', {
        title: 'Fleet review for logistics leaders',
        tags: ['fleet', 'review'],
        summary: 'Fleet review, fleet review, fleet review.',
        body: 'fleet review '.repeat(30),
      }),
      item('exact', { title: 'Fleet review' }),
    ]);
    expect(ids(engine, 'fleet review')[0]).toBe('exact');
    expect(ids(engine, 'Fleet Review!')[0]).toBe('exact');
  });

  it('puts an exact shortcut first', () => {
    const engine = engineWith([
      item('roi-guide', { title: 'ROI calculator guide', tags: ['roi'], summary: 'ROI, ROI and more ROI.' }),
      item('payback', { title: 'Payback snippet', type: 'snippet', shortcut: 'roi' }),
    ]);
    expect(ids(engine, 'roi')[0]).toBe('payback');
    expect(ids(engine, ';roi')[0]).toBe('payback');
  });
});

describe('field weights', () => {
  it('counts title over summary over body', () => {
    const engine = engineWith([
      item('in-body', { title: 'One', body: 'A note on telematics.' }),
      item('in-summary', { title: 'Two', summary: 'About telematics.' }),
      item('in-title', { title: 'Telematics three' }),
    ]);
    expect(ids(engine, 'telematics')).toEqual(['in-title', 'in-summary', 'in-body']);
  });
});

describe('ties', () => {
  const twin = (id: string, updated_at?: string) => item(id, { title: 'Renewal reminder', updated_at });

  it('go to the item used more, then used last, then updated last', () => {
    const engine = engineWith([twin('a', '2025-01-01T00:00:00Z'), twin('b', '2025-06-01T00:00:00Z'), twin('c'), twin('d')]);
    expect(ids(engine, 'renewal')).toEqual(['b', 'a', 'c', 'd']);

    engine.setUsage(
      new Map([
        ['c', { uses: 3, lastUsedAt: 100 }],
        ['d', { uses: 3, lastUsedAt: 200 }],
        ['a', { uses: 1, lastUsedAt: 900 }],
      ]),
    );
    expect(ids(engine, 'renewal')).toEqual(['d', 'c', 'a', 'b']);
  });

  it('never outweigh relevance', () => {
    const engine = engineWith([item('used', { title: 'Other', body: 'renewal' }), item('title', { title: 'Renewal' })]);
    engine.setUsage(new Map([['used', { uses: 50, lastUsedAt: 1 }]]));
    expect(ids(engine, 'renewal')[0]).toBe('title');
  });
});

describe('the empty query', () => {
  it('lists the filtered library: used first, then current before stale or expired, then by title', () => {
    const engine = engineWith([
      item('zeta', { title: 'Zeta' }),
      item('alpha-stale', { title: 'Alpha', review_by: '2025-12-31' }),
      item('beta', { title: 'Beta' }),
      item('gamma-expired', { title: 'Gamma', expires: '2026-01-01' }),
      item('omega-used', { title: 'Omega' }),
      item('delta-advocacy', { title: 'Delta', stages: ['advocacy'] }),
    ]);
    engine.setUsage(new Map([['omega-used', { uses: 2, lastUsedAt: 5 }]]));
    expect(ids(engine, '')).toEqual(['omega-used', 'beta', 'delta-advocacy', 'zeta', 'alpha-stale', 'gamma-expired']);
    expect(ids(engine, '  ', { stages: ['advocacy'] })).toEqual(['delta-advocacy']);
  });
});
