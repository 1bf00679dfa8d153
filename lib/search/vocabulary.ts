import { hashText } from './normalise';

/**
 * Every term ever indexed, with its document frequency and a sorted view for prefix lookup.
 * Term ids are never reused: a term whose last document goes away keeps its id with df 0, and
 * every lookup skips such dead terms, so results never depend on the history of edits.
 */
export class Vocabulary {
  readonly terms: string[];
  /**
   * Open-addressing table of term ids by `hashText`: unlike a Map, it can look up a word
   * still inside the text it came from (`internSlice`), so indexing slices only new words.
   */
  private slots: Int32Array;
  private hashes: Int32Array;
  private df: Int32Array;
  /** Term ids in UTF-16 code unit order of their text. */
  private sorted: number[];
  private unsorted: number[] = [];
  /** Bumps whenever a term becomes live or dead; cached query expansions depend on exactly that. */
  liveVersion = 0;

  /** A vocabulary of `terms` (ids are their positions), as a snapshot stores it. */
  constructor(terms: readonly string[] = [], df?: Int32Array, sorted?: ArrayLike<number>) {
    this.terms = [];
    this.df = new Int32Array(Math.max(1024, terms.length * 2));
    let size = 1024;
    while (size < terms.length * 2) size *= 2;
    this.slots = new Int32Array(size).fill(-1);
    this.hashes = new Int32Array(size);
    for (const term of terms) this.add(term, hashText(term));
    if (df) this.df.set(df.subarray(0, terms.length));
    this.sorted = [];
    if (sorted) {
      this.sorted = Array.from(sorted);
      this.unsorted = [];
    }
  }

  get count(): number {
    return this.terms.length;
  }

  id(term: string): number {
    return this.find(term, 0, term.length, hashText(term));
  }

  intern(term: string): number {
    const hash = hashText(term);
    const known = this.find(term, 0, term.length, hash);
    return known >= 0 ? known : this.add(term, hash);
  }

  /** The id of `source.slice(start, end)`, whose `hashText` is `hash`; -1 if unknown. */
  find(source: string, start: number, end: number, hash: number): number {
    const mask = this.slots.length - 1;
    const length = end - start;
    for (let i = hash & mask; ; i = (i + 1) & mask) {
      const id = this.slots[i]!;
      if (id < 0) return -1;
      if (this.hashes[id] !== hash) continue;
      const term = this.terms[id]!;
      if (term.length !== length) continue;
      let same = true;
      for (let k = 0; k < length; k++) {
        if (term.charCodeAt(k) !== source.charCodeAt(start + k)) {
          same = false;
          break;
        }
      }
      if (same) return id;
    }
  }

  /** Like `intern`, for a word still inside `source`: sliced only if it is new. */
  internSlice(source: string, start: number, end: number, hash: number): number {
    const known = this.find(source, start, end, hash);
    return known >= 0 ? known : this.add(source.slice(start, end), hash);
  }

  private add(term: string, hash: number): number {
    const id = this.terms.length;
    this.terms.push(term);
    this.unsorted.push(id);
    if (id >= this.hashes.length) {
      const hashes = new Int32Array(this.hashes.length * 2);
      hashes.set(this.hashes);
      this.hashes = hashes;
    }
    this.hashes[id] = hash;
    if (id >= this.df.length) {
      const df = new Int32Array(this.df.length * 2);
      df.set(this.df);
      this.df = df;
    }
    // Keep the table at most half full, so probes stay short.
    if (this.terms.length * 2 > this.slots.length) this.rehash(this.slots.length * 2);
    else this.place(id);
    return id;
  }

  private place(id: number) {
    const mask = this.slots.length - 1;
    let i = this.hashes[id]! & mask;
    while (this.slots[i]! >= 0) i = (i + 1) & mask;
    this.slots[i] = id;
  }

  private rehash(size: number) {
    this.slots = new Int32Array(size).fill(-1);
    for (let id = 0; id < this.terms.length; id++) this.place(id);
  }

  docFrequency(id: number): number {
    return this.df[id] ?? 0;
  }

  isLive(id: number): boolean {
    return (this.df[id] ?? 0) > 0;
  }

  addDocFrequency(id: number, delta: number) {
    const before = this.df[id]!;
    const after = before + delta;
    this.df[id] = after;
    if (before > 0 !== after > 0) this.liveVersion++;
  }

  /** Term ids whose text starts with `prefix`, in text order (dead terms included). */
  withPrefix(prefix: string): number[] {
    const sorted = this.sortedIds();
    const from = this.lowerBound(sorted, prefix);
    const to = this.lowerBound(sorted, prefix + '\uffff');
    return sorted.slice(from, to);
  }

  /** The frequencies and sort order, for a snapshot. */
  exportTables(): { df: Int32Array; sorted: Int32Array } {
    return { df: this.df.slice(0, this.terms.length), sorted: Int32Array.from(this.sortedIds()) };
  }

  private sortedIds(): number[] {
    if (this.unsorted.length === 0) return this.sorted;
    if (this.unsorted.length <= 64) {
      // A sync that adds a few words should not pay for sorting the whole vocabulary.
      for (const id of this.unsorted) {
        this.sorted.splice(this.lowerBound(this.sorted, this.terms[id]!), 0, id);
      }
    } else {
      const texts = this.terms.slice();
      texts.sort();
      this.sorted = texts.map((t) => this.id(t));
    }
    this.unsorted = [];
    return this.sorted;
  }

  private lowerBound(sorted: readonly number[], text: string): number {
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.terms[sorted[mid]!]! < text) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
