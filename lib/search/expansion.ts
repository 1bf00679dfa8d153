import Fuse from 'fuse.js';
import type { GramIndex } from './gram-index';
import type { Vocabulary } from './vocabulary';

/**
 * The vocabulary terms one query word stands for, each with a quality in (0, 1]:
 * the word itself (1), its completions, and its near-misses (typos). `headOnly` terms are
 * looked up in the short fields only: it keeps a one-letter prefix or a typo variant of a
 * real word from dragging in every body that mentions some unrelated common word.
 */
export interface Expansion {
  terms: number[];
  quality: number[];
  headOnly: boolean[];
  /**
   * One or two letters still being typed say little: they add to the score of the items they
   * match, but do not decide which items match all the words (see WORD_TIER), so the list does
   * not jump about on every keystroke.
   */
  optional: boolean;
}

/** How a query word is read. */
export interface QueryWord {
  text: string;
  /** The word being typed: the query does not end after it yet. */
  typing: boolean;
}

// Qualities: the word itself (1) beats a completion (at most 0.9, more the more of it is
// typed), which beats a near-miss (at most 0.7): a typo is a guess, a prefix is what was typed.
const PREFIX_BASE = 0.5;
const PREFIX_SPAN = 0.4;
const FUZZY_QUALITY = 0.7;
const FUZZY_PREFIX_QUALITY = 0.5;
/** Fuse's bitap handles patterns of up to 32 characters in one pass. */
const MAX_FUZZY_LENGTH = 32;
const WORD_CANDIDATES = 48;
const PREFIX_CANDIDATES = 32;

/** One or two typos, as a rep makes them: none in very short words, two only in long ones. */
export function allowedEdits(length: number): number {
  if (length >= 7) return 2;
  if (length >= 4) return 1;
  return 0;
}

/**
 * The live terms `word` stands for: itself, its completions (sorted vocabulary), and its
 * near-misses (bigram candidates, scored by Fuse.js). `inHead(term)`: whether any item has
 * the term in a short field; head-only completions of other terms could match nothing.
 */
export function expandWord(word: QueryWord, vocab: Vocabulary, grams: GramIndex, inHead: (term: number) => boolean): Expansion {
  const found = new Map<number, { quality: number; headOnly: boolean }>();
  const offer = (term: number, quality: number, headOnly: boolean) => {
    const seen = found.get(term);
    if (!seen) found.set(term, { quality, headOnly });
    else {
      seen.quality = Math.max(seen.quality, quality);
      seen.headOnly = seen.headOnly && headOnly;
    }
  };

  const text = word.text;
  const length = text.length;
  const exact = vocab.id(text);
  const isWord = exact >= 0 && vocab.isLive(exact);
  if (isWord) offer(exact, 1, false);

  // Completions: always for the word being typed, and for a finished word of three letters or
  // more (people search with word stems: "quart fleet" for "quarterly fleet review").
  if (word.typing || length >= 3) {
    const headOnly = length < 3 || (!word.typing && isWord);
    // One or two letters are weak evidence of any particular completion.
    const base = PREFIX_BASE * Math.min(1, length / 3);
    for (const term of vocab.withPrefix(text)) {
      if (term === exact || !vocab.isLive(term) || (headOnly && !inHead(term))) continue;
      offer(term, base + (PREFIX_SPAN * length) / vocab.terms[term]!.length, headOnly);
    }
  }

  const edits = allowedEdits(length);
  if (edits > 0 && length <= MAX_FUZZY_LENGTH) {
    const threshold = (edits + 0.5) / length;
    const options = { includeScore: true, isCaseSensitive: true, ignoreLocation: true, threshold } as const;
    for (const term of grams.candidates(vocab, text, edits, false, WORD_CANDIDATES)) {
      if (term === exact) continue;
      const candidate = vocab.terms[term]!;
      const match = Fuse.match(text, candidate, options);
      if (!match.isMatch) continue;
      // Fuse matches the pattern anywhere in the term; a length gap is an edit it does not see.
      const gap = Math.abs(candidate.length - length) / Math.max(candidate.length, length);
      offer(term, FUZZY_QUALITY * (1 - Math.max(match.score, gap)), isWord);
    }
    // A typo inside the word still being typed: compare with the start of longer terms. One
    // edit only: a half-typed word with two typos matches too much of the vocabulary.
    if (word.typing && length >= 5) {
      const prefixOptions = { ...options, threshold: 1.5 / length };
      for (const term of grams.candidates(vocab, text, 1, true, PREFIX_CANDIDATES)) {
        const candidate = vocab.terms[term]!;
        if (candidate.length <= length || candidate.startsWith(text) || !inHead(term)) continue;
        const match = Fuse.match(text, candidate.slice(0, length + 1), prefixOptions);
        if (!match.isMatch) continue;
        offer(term, FUZZY_PREFIX_QUALITY * (1 - match.score) * (0.6 + (0.4 * length) / candidate.length), true);
      }
    }
  }

  const expansion: Expansion = { terms: [], quality: [], headOnly: [], optional: word.typing && length <= 2 };
  for (const [term, { quality, headOnly }] of found) {
    expansion.terms.push(term);
    expansion.quality.push(quality);
    expansion.headOnly.push(headOnly);
  }
  return expansion;
}
