/**
 * Text normalisation shared by indexing and querying: both sides must fold text identically,
 * or a term indexed one way is never found the other way.
 */

// Letters that NFKD does not decompose but that readers treat as a base letter plus a mark.
const EXTRA_FOLDS: Readonly<Record<string, string>> = {
  ß: 'ss',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  æ: 'ae',
  œ: 'oe',
  þ: 'th',
  ı: 'i',
};

const MARKS = /\p{M}+/gu;
const MARK = /\p{M}/u;
const EXTRA = /[ßøłđðæœþı]/g;
const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;
const WORDS = /[\p{L}\p{N}]+/gu;
const ONLY_WORD = /^[\p{L}\p{N}]+$/u;

/** Longer "words" are URLs, hashes or base64: indexing them whole only bloats the vocabulary. */
export const MAX_TOKEN_LENGTH = 40;

const WORD = 1; // part of a word, and unchanged by folding
const FOLDED = 3; // part of a word, changed by folding (é, ё, й, ß, combining marks, surrogates)
const SEPARATOR = 2;
/** Class of each UTF-16 unit, 0 until first met: filled lazily, as scripts appear. */
let unitClass: Uint8Array | undefined;

function unitClasses(): Uint8Array {
  if (unitClass) return unitClass;
  unitClass = new Uint8Array(0x10000);
  for (let c = 0; c < 128; c++) {
    unitClass[c] = (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) ? WORD : SEPARATOR;
  }
  // Surrogate halves: kept inside words, and folded as a whole word (NFKD maps 𝐀 to a).
  unitClass.fill(FOLDED, 0xd800, 0xe000);
  return unitClass;
}

function classOf(c: number): number {
  const unitClass = unitClasses();
  let known = unitClass[c]!;
  if (known === 0) {
    const ch = String.fromCharCode(c);
    known = !WORD_CHAR.test(ch) ? SEPARATOR : foldWord(ch) === ch && !MARK.test(ch) ? WORD : FOLDED;
    unitClass[c] = known;
  }
  return known;
}

/** Diacritics folded (é→e, ё→е, ł→l) from an already lowercased word. */
function foldWord(word: string): string {
  return word
    .normalize('NFKD')
    .replace(MARKS, '')
    .replace(EXTRA, (c) => EXTRA_FOLDS[c] ?? c);
}

// Names and Russian words repeat: folding each occurrence again (NFKD, two regexes) was a
// large part of indexing non-English text.
const foldCache = new Map<string, string>();
function foldCached(word: string): string {
  let folded = foldCache.get(word);
  if (folded === undefined) {
    if (foldCache.size >= 8192) foldCache.clear();
    folded = foldWord(word);
    foldCache.set(word, folded);
  }
  return folded;
}

/**
 * The normalised words of a text: runs of letters and digits in any script, lowercased, with
 * diacritics folded and cut at MAX_TOKEN_LENGTH.
 */
export function tokenise(text: string): string[] {
  const out: string[] = [];
  scanWords(text, {
    slice: (source, start, end) => out.push(source.slice(start, end)),
    word: (word) => out.push(word),
  });
  return out;
}

/** FNV-1a of a text's UTF-16 units: the vocabulary's hash, computed while scanning. */
export function hashText(text: string, start = 0, end = text.length): number {
  let h = 0x811c9dc5 | 0;
  for (let i = start; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h;
}

/** Receives the words `scanWords` finds. */
export interface WordSink {
  /** A word needing no folding: `source.slice(start, end)`, not sliced, with its `hashText`. */
  slice(source: string, start: number, end: number, hash: number): void;
  /** Any other word, already folded. */
  word(word: string): void;
}

/**
 * The words `tokenise` returns, in order, without creating a string for ASCII words: indexing
 * 50,000 items meets tens of millions of words, nearly all already in the vocabulary, and
 * slicing each one only to look it up was the largest cost of building the index.
 */
export function scanWords(text: string, sink: WordSink) {
  const unitClass = unitClasses();
  const lower = text.toLowerCase();
  const n = lower.length;
  let i = 0;
  while (i < n) {
    let c = lower.charCodeAt(i);
    if (c < 128 ? unitClass[c] !== WORD : classOf(c) === SEPARATOR) {
      i++;
      continue;
    }
    // The hot loop: letters and digits that need no folding, hashed as they go by.
    const start = i;
    let hash = 0x811c9dc5 | 0;
    let plain = true;
    for (; i < n; i++) {
      c = lower.charCodeAt(i);
      const kind = c < 128 ? unitClass[c]! : classOf(c);
      if (kind === SEPARATOR) break;
      if (kind === FOLDED) plain = false;
      hash = Math.imul(hash ^ c, 0x01000193);
    }
    if (plain) {
      if (i - start <= MAX_TOKEN_LENGTH) sink.slice(lower, start, i, hash);
      else sink.slice(lower, start, start + MAX_TOKEN_LENGTH, hashText(lower, start, start + MAX_TOKEN_LENGTH));
      continue;
    }
    // Folding may leave marks-only words empty, or (rarely) produce separators: split again.
    const folded = foldCached(lower.slice(start, i));
    if (ONLY_WORD.test(folded)) sink.word(folded.length > MAX_TOKEN_LENGTH ? folded.slice(0, MAX_TOKEN_LENGTH) : folded);
    else for (const part of folded.match(WORDS) ?? []) sink.word(part.length > MAX_TOKEN_LENGTH ? part.slice(0, MAX_TOKEN_LENGTH) : part);
  }
}

/** Tokens joined by single spaces: two texts with the same key read as the same words. */
export function textKey(text: string): string {
  return tokenise(text).join(' ');
}
