import { describe, expect, it } from 'vitest';
import { engineWith, ids, item } from './items';

// Today is 2026-01-15 in these engines (see items.ts).
const library = [
  item('ask-case-study', {
    title: 'Ask a customer to be a case study',
    stages: ['advocacy'],
    body: 'Would you share your story? A short case study with your numbers.',
  }),
  item('cold-intro', { title: 'Cold intro for hospitals', stages: ['awareness'], tags: ['healthcare'], body: 'Hospitals waste hours on rosters.' }),
  item('awareness-2', { title: 'First touch: fleet costs', stages: ['awareness'], body: 'Customer costs of a case of idle trucks.' }),
  item('awareness-3', { title: 'First touch: customer story', stages: ['awareness'], body: 'A customer like you.' }),
  item('clinic-case', {
    type: 'case_study',
    title: 'St. Mary clinic cut overtime 30%',
    stages: ['interest'],
    tags: ['healthcare'],
    body: 'Nurses and rosters.',
  }),
  item('fleet-case', { type: 'case_study', title: 'Northwind cut idle time', stages: ['interest'], tags: ['logistics'], body: 'Trucks.' }),
  item('ru-case', { type: 'case_study', title: 'ХолодЛайн: пробег −17%', stages: ['interest'], tags: ['logistics'], body: 'Маршруты.' }),
  item('overview-deck', { type: 'deck', title: 'Corporate overview', stages: ['awareness'], body: 'Who we are.' }),
  item('hospital-deck', { type: 'deck', title: 'Hospital rostering overview', stages: ['interest'], tags: ['healthcare'], body: 'Slides.' }),
  item('expired-promo', { title: 'Promotion: 20% off', stages: ['awareness'], expires: '2025-06-30', body: 'Promotion for hospitals.' }),
  item('current-promo', { title: 'Promotion: free pilot', stages: ['conversion'], body: 'Promotion for hospitals.' }),
];

describe('the page’s stage ranks, it does not filter', () => {
  const engine = engineWith(library);

  it('an exact title of another stage is found first with the page’s stage boosted', () => {
    const found = ids(engine, 'Ask a customer to be a case study', { boostStages: ['awareness'] });
    expect(found[0]).toBe('ask-case-study');
  });

  it('items of the boosted stage come first among equally matching ones', () => {
    const found = ids(engine, 'promotion', { boostStages: ['conversion'] });
    expect(found).toEqual(['current-promo', 'expired-promo']);
    const listed = ids(engine, '', { boostStages: ['interest'] });
    expect(listed.slice(0, 4).sort()).toEqual(['clinic-case', 'fleet-case', 'hospital-deck', 'ru-case']);
    expect(listed).toHaveLength(library.length);
  });

  it('a stage filter still hides other stages', () => {
    expect(ids(engine, 'Ask a customer to be a case study', { stages: ['awareness'] })).not.toContain('ask-case-study');
  });
});

describe('words naming a type or stage act as a facet', () => {
  const engine = engineWith(library);

  it('“case study” lists case studies first, then items that only say the words', () => {
    const found = ids(engine, 'case study');
    expect(found.slice(0, 3).sort()).toEqual(['clinic-case', 'fleet-case', 'ru-case']);
    expect(found).toContain('ask-case-study');
  });

  it('“case study healthcare” gives healthcare case studies first', () => {
    const found = ids(engine, 'case study healthcare');
    expect(found[0]).toBe('clinic-case');
    expect(found.slice(1, 3).sort()).toEqual(['fleet-case', 'ru-case']);
  });

  it('Russian words name types too: “кейс”, “презентация”', () => {
    expect(ids(engine, 'кейс').slice(0, 3).sort()).toEqual(['clinic-case', 'fleet-case', 'ru-case']);
    expect(ids(engine, 'презентации').slice(0, 2).sort()).toEqual(['hospital-deck', 'overview-deck']);
    expect(ids(engine, 'deck healthcare')[0]).toBe('hospital-deck');
  });

  it('a stage word ranks that stage’s items first', () => {
    expect(ids(engine, 'advocacy')[0]).toBe('ask-case-study');
    expect(ids(engine, 'конверсия')[0]).toBe('current-promo');
  });
});

describe('expired items', () => {
  const engine = engineWith(library);

  it('are listed after every current item matching as many words, even with an exact title or a boosted stage', () => {
    expect(ids(engine, 'promotion hospitals', { boostStages: ['awareness'] }).slice(0, 2)).toEqual(['current-promo', 'expired-promo']);
    expect(ids(engine, '', { boostStages: ['awareness'] }).at(-1)).toBe('expired-promo');
    // Named by more words, it still shows (the palette lists only 20), saying why elsewhere.
    expect(ids(engine, 'Promotion: 20% off')[0]).toBe('expired-promo');
  });
});
