import { CODE_BITS, CODE_MASK } from './fields';

// Local copies: read once per posting, and some module systems make imports getters.
const BITS = CODE_BITS;
const MASK = CODE_MASK;

/** An append-only Int32 list that grows by doubling. */
export class IntList {
  data: Int32Array;
  length = 0;
  constructor(capacity = 4) {
    this.data = new Int32Array(capacity);
  }
  push(value: number) {
    if (this.length === this.data.length) {
      const grown = new Int32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = value;
  }
  toArray(): Int32Array {
    return this.data.slice(0, this.length);
  }
}

/**
 * Postings of every term: a compact base (one Int32Array, offsets per term, as built or loaded
 * from a snapshot) plus small per-term overflow lists for documents added since. Removed
 * documents stay in the lists until the next compaction; readers skip dead slots.
 */
export class PostingStore {
  offsets: Int32Array;
  data: Int32Array;
  readonly overflow = new Map<number, IntList>();
  overflowCount = 0;

  constructor(offsets: Int32Array = new Int32Array(1), data: Int32Array = new Int32Array(0)) {
    this.offsets = offsets;
    this.data = data;
  }

  /** Builds the base from (term, posting) pairs listed document by document. */
  static fromPairs(termCount: number, terms: IntList, postings: IntList): PostingStore {
    const offsets = new Int32Array(termCount + 1);
    for (let i = 0; i < terms.length; i++) {
      const t = terms.data[i]! + 1;
      offsets[t] = offsets[t]! + 1;
    }
    for (let t = 0; t < termCount; t++) offsets[t + 1] = offsets[t + 1]! + offsets[t]!;
    const cursor = offsets.slice(0, termCount);
    const data = new Int32Array(terms.length);
    for (let i = 0; i < terms.length; i++) {
      const t = terms.data[i]!;
      data[cursor[t]!] = postings.data[i]!;
      cursor[t] = cursor[t]! + 1;
    }
    return new PostingStore(offsets, data);
  }

  get basePostings(): number {
    return this.data.length;
  }

  /** Base range of a term; terms added after the base was built have an empty one. */
  baseStart(term: number): number {
    return term + 1 < this.offsets.length ? this.offsets[term]! : 0;
  }
  baseEnd(term: number): number {
    return term + 1 < this.offsets.length ? this.offsets[term + 1]! : 0;
  }

  add(term: number, posting: number) {
    let list = this.overflow.get(term);
    if (!list) {
      list = new IntList();
      this.overflow.set(term, list);
    }
    list.push(posting);
    this.overflowCount++;
  }

  /** Calls `visit(term)` once per posting whose slot is marked in `slots`. */
  forEachPostingOf(slots: Uint8Array, visit: (term: number) => void) {
    const termCount = this.offsets.length - 1;
    for (let t = 0; t < termCount; t++) {
      for (let i = this.offsets[t]!, end = this.offsets[t + 1]!; i < end; i++) {
        if (slots[this.data[i]! >>> BITS] === 1) visit(t);
      }
    }
    for (const [t, list] of this.overflow) {
      for (let i = 0; i < list.length; i++) if (slots[list.data[i]! >>> BITS] === 1) visit(t);
    }
  }

  /** Rewrites base and overflow into a new base, renumbering slots; `remap[slot]` is -1 for dead ones. */
  compact(termCount: number, remap: Int32Array): PostingStore {
    const offsets = new Int32Array(termCount + 1);
    const keep = (p: number) => remap[p >>> BITS]! >= 0;
    for (let t = 0; t < termCount; t++) {
      let n = 0;
      for (let i = this.baseStart(t), end = this.baseEnd(t); i < end; i++) if (keep(this.data[i]!)) n++;
      const list = this.overflow.get(t);
      if (list) for (let i = 0; i < list.length; i++) if (keep(list.data[i]!)) n++;
      offsets[t + 1] = offsets[t]! + n;
    }
    const data = new Int32Array(offsets[termCount]!);
    let w = 0;
    const write = (p: number) => {
      const slot = remap[p >>> BITS]!;
      if (slot >= 0) data[w++] = (slot << BITS) | (p & MASK);
    };
    for (let t = 0; t < termCount; t++) {
      for (let i = this.baseStart(t), end = this.baseEnd(t); i < end; i++) write(this.data[i]!);
      const list = this.overflow.get(t);
      if (list) for (let i = 0; i < list.length; i++) write(list.data[i]!);
    }
    return new PostingStore(offsets, data);
  }
}
