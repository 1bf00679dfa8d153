import { describe, expect, it } from 'vitest';
import { textKey, tokenise } from '../../../lib/search/normalise';

describe('tokenise', () => {
  it('lowercases and splits on anything that is not a letter or digit', () => {
    expect(tokenise('How Northwind cut fleet idle-time 23%!')).toEqual(['how', 'northwind', 'cut', 'fleet', 'idle', 'time', '23']);
  });

  it('folds diacritics, including letters NFKD leaves alone', () => {
    expect(tokenise('Müller Łódź Sørensen Straße café')).toEqual(['muller', 'lodz', 'sorensen', 'strasse', 'cafe']);
    // Decomposed input (e + combining acute) folds the same as precomposed.
    expect(tokenise('cafe\u0301')).toEqual(['cafe']);
  });

  it('keeps Cyrillic words, folding ё and й like their base letters', () => {
    expect(tokenise('ХолодЛайн: холостой пробег −17%, ёлка')).toEqual(['холодлаин', 'холостои', 'пробег', '17', 'елка']);
  });

  it('gives texts with the same words the same key', () => {
    expect(textKey('Fleet review!')).toBe(textKey('  fleet   REVIEW '));
  });

  it('cuts very long runs, such as URLs glued together', () => {
    expect(tokenise('x'.repeat(100))[0]).toHaveLength(40);
  });
});
