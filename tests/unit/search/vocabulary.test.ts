import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hashText, scanWords, tokenise } from '../../../lib/search/normalise';
import { Vocabulary } from '../../../lib/search/vocabulary';

describe('the vocabulary', () => {
  it('gives every distinct term one id, found again by text or inside a longer text', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ minLength: 1, maxLength: 12 }), { maxLength: 3000 }), (terms) => {
        const vocab = new Vocabulary();
        const ids = terms.map((t) => vocab.intern(t));
        terms.forEach((t, i) => {
          expect(vocab.id(t)).toBe(ids[i]);
          const text = `<${t}>`;
          expect(vocab.find(text, 1, 1 + t.length, hashText(t))).toBe(ids[i]);
        });
        expect(vocab.count).toBe(new Set(terms).size);
        expect(vocab.id('\u0000never')).toBe(-1);
      }),
      { numRuns: 30 },
    );
  });

  it('lists terms by prefix in text order', () => {
    const vocab = new Vocabulary();
    for (const t of ['fleet', 'flee', 'route', 'fleets', 'fl', 'alpha']) vocab.intern(t);
    expect(vocab.withPrefix('fle').map((id) => vocab.terms[id])).toEqual(['flee', 'fleet', 'fleets']);
    vocab.intern('flex');
    expect(vocab.withPrefix('fle').map((id) => vocab.terms[id])).toEqual(['flee', 'fleet', 'fleets', 'flex']);
  });

  it('is rebuilt from a snapshot with the same ids', () => {
    const vocab = new Vocabulary();
    for (const t of ['b', 'a', 'c']) vocab.intern(t);
    const { df, sorted } = vocab.exportTables();
    const copy = new Vocabulary(vocab.terms, df, sorted);
    expect(['a', 'b', 'c'].map((t) => copy.id(t))).toEqual(['a', 'b', 'c'].map((t) => vocab.id(t)));
    expect(copy.withPrefix('').map((id) => copy.terms[id])).toEqual(['a', 'b', 'c']);
  });
});

/** Normalising the whole text at once: the obvious, slow way the scanner must agree with. */
function reference(text: string): string[] {
  const folded = text.toLowerCase().normalize('NFKD').replace(/\p{M}/gu, '').replace(/ß/g, 'ss').replace(/ł/g, 'l');
  return (folded.match(/[\p{L}\p{N}]+/gu) ?? []).map((w) => w.slice(0, 40));
}

describe('scanning for the index', () => {
  const alphabet = [...'abcXYZ019 .,-_!?\n', 'é', 'Ü', 'ß', 'Ł', 'ё', 'Й', 'ж', 'e\u0301', 'ﬁ'];

  it('finds the words of the obvious normalisation, hashed as hashText hashes them', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...alphabet), { maxLength: 120 }).map((parts) => parts.join('')),
        (text) => {
          const seen: string[] = [];
          scanWords(text, {
            slice: (source, start, end, hash) => {
              expect(hash).toBe(hashText(source, start, end));
              seen.push(source.slice(start, end));
            },
            word: (word) => seen.push(word),
          });
          expect(seen).toEqual(reference(text));
          expect(tokenise(text)).toEqual(seen);
        },
      ),
    );
  });

  it('keeps only letters and digits, whatever the input', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (text) => {
        for (const word of tokenise(text)) expect(word).toMatch(/^[\p{L}\p{N}]{1,40}$/u);
      }),
    );
  });
});
