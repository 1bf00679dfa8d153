import { IntList } from './posting-store';
import type { Vocabulary } from './vocabulary';

const START = '\u0002';
const END = '\u0003';
/** Lists are kept per (bigram, term length), so a whole-word lookup reads only near lengths. */
const LENGTH_SLOTS = 48;

/**
 * Distinct bigrams of a text as small integers. 15 bits per letter keeps keys small enough for
 * V8's fast integer map keys; letters past U+7FFF (CJK) may share a key, which only loosens
 * the filter: Fuse.js checks every candidate anyway.
 */
function gramsOf(text: string): number[] {
  const grams: number[] = [];
  for (let i = 0; i + 1 < text.length; i++) {
    const g = ((text.charCodeAt(i) & 0x7fff) << 15) | (text.charCodeAt(i + 1) & 0x7fff);
    if (!grams.includes(g)) grams.push(g);
  }
  return grams;
}

const lengthSlot = (length: number) => Math.min(length, LENGTH_SLOTS - 1);

/**
 * Bigrams of every vocabulary term: the cheap first step of typo matching. Fuse.js then
 * scores only the few dozen terms sharing the most bigrams with the query word, instead of
 * the whole vocabulary. Built lazily (`catchUp`), so loading a persisted index stays fast.
 */
export class GramIndex {
  private readonly lists = new Map<number, Array<IntList | undefined>>();
  private indexedUpTo = 0;
  private counts = new Uint16Array(1024);
  private touched = new Int32Array(1024);

  /**
   * Live terms that may be within `maxEdits` of `word` (whole word), or whose start may be
   * (`prefix`), best bigram overlap first. Which terms make the cut never depends on term ids
   * (they differ between an edited and a rebuilt index): ties at the cut are all kept or all
   * dropped, then ordered by text.
   */
  candidates(vocab: Vocabulary, word: string, maxEdits: number, prefix: boolean, limit: number): number[] {
    this.catchUp(vocab);
    const grams = gramsOf(prefix ? START + word : START + word + END);
    // Each edit breaks at most two bigrams; one more of slack for a transposition.
    const need = Math.max(1, grams.length - 2 * maxEdits - (maxEdits > 1 ? 1 : 0));
    if (this.counts.length < vocab.count) {
      this.counts = new Uint16Array(vocab.count * 2);
      this.touched = new Int32Array(vocab.count * 2);
    }
    const counts = this.counts;
    const touched = this.touched;
    let touchedCount = 0;
    const minLength = Math.max(1, word.length - maxEdits);
    const maxLength = prefix ? LENGTH_SLOTS - 1 : lengthSlot(word.length + maxEdits);
    for (const g of grams) {
      const byLength = this.lists.get(g);
      if (!byLength) continue;
      for (let length = minLength; length <= maxLength; length++) {
        const list = byLength[length];
        if (!list) continue;
        for (let i = 0; i < list.length; i++) {
          const t = list.data[i]!;
          if (counts[t] === 0) touched[touchedCount++] = t;
          counts[t] = counts[t]! + 1;
        }
      }
    }

    // Bucket the passing terms by overlap; take whole buckets from the top.
    const buckets: number[][] = [];
    for (let i = 0; i < touchedCount; i++) {
      const t = touched[i]!;
      const c = counts[t]!;
      counts[t] = 0;
      if (c >= need && vocab.isLive(t)) (buckets[c] ??= []).push(t);
    }
    const found: number[] = [];
    const byText = (a: number, b: number) => (vocab.terms[a]! < vocab.terms[b]! ? -1 : 1);
    for (let c = buckets.length - 1; c >= need; c--) {
      const bucket = buckets[c];
      if (!bucket) continue;
      if (found.length + bucket.length > limit) {
        // Fill up with a partial bucket only when it is small enough to sort cheaply.
        if (found.length < limit / 2 && bucket.length <= 4 * limit) found.push(...bucket.sort(byText).slice(0, limit - found.length));
        break;
      }
      found.push(...bucket.sort(byText));
    }
    return found;
  }

  /** Indexes the terms added to `vocab` since the last call. */
  catchUp(vocab: Vocabulary) {
    for (; this.indexedUpTo < vocab.count; this.indexedUpTo++) {
      const term = vocab.terms[this.indexedUpTo]!;
      const slot = lengthSlot(term.length);
      for (const g of gramsOf(START + term + END)) {
        let byLength = this.lists.get(g);
        if (!byLength) {
          byLength = [];
          this.lists.set(g, byLength);
        }
        let list = byLength[slot];
        if (!list) {
          list = new IntList(2);
          byLength[slot] = list;
        }
        list.push(this.indexedUpTo);
      }
    }
  }
}
