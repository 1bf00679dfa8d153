import type { Expansion } from './expansion';
import { BODY_WEIGHT, CODE_BITS, CODE_MASK, HEAD_WEIGHT } from './fields';
import type { PostingStore } from './posting-store';
import type { Vocabulary } from './vocabulary';

// Local copies: some module systems (tsx, CommonJS output) turn imported constants into
// getters, and these are read once per posting.
const BITS = CODE_BITS;
const MASK = CODE_MASK;

/** Per-document relevance of a query, accumulated over the postings of its expanded words. */
export interface Accumulated {
  /** Slots touched by at least one word (dead ones included: the caller filters). */
  slots: Int32Array;
  count: number;
  /** Sum over words of each word's best term score, per slot. */
  total: Float64Array;
  /** How many of the query's required (not `optional`) words the slot matched, per slot. */
  matched: Uint8Array;
  /** How many of the facet words (from `facetFrom` on) the slot matched by its text, per slot. */
  facetMatched: Uint8Array;
}

/**
 * Scores documents word by word. For each word a document keeps its best term (the exact word
 * beats a completion beats a typo), weighted by field and by rarity (BM25's idf); the word
 * scores are then summed. Scratch arrays are reused between queries: at 50,000 items,
 * allocating them per keystroke would cost more than the scoring.
 */
export class Scorer {
  private total = new Float64Array(0);
  private best = new Float64Array(0);
  private matched = new Uint8Array(0);
  private facetMatched = new Uint8Array(0);
  private touched = new Int32Array(0);
  private count = 0;
  private wordTouched = new Int32Array(0);
  private wordCount = 0;

  accumulate(
    expansions: readonly Expansion[],
    vocab: Vocabulary,
    head: PostingStore,
    body: PostingStore,
    liveDocs: number,
    slotCount: number,
    facetFrom = expansions.length,
  ): Accumulated {
    this.reset(slotCount);
    for (let w = 0; w < expansions.length; w++) {
      const expansion = expansions[w]!;
      const facet = w >= facetFrom;
      this.wordCount = 0;
      for (let k = 0; k < expansion.terms.length; k++) {
        const term = expansion.terms[k]!;
        const df = vocab.docFrequency(term);
        const idf = Math.log(1 + (liveDocs - df + 0.5) / (df + 0.5));
        const factor = expansion.quality[k]! * idf;
        this.visit(head.data, head.baseStart(term), head.baseEnd(term), HEAD_WEIGHT, factor);
        const headExtra = head.overflow.get(term);
        if (headExtra) this.visit(headExtra.data, 0, headExtra.length, HEAD_WEIGHT, factor);
        if (expansion.headOnly[k]) continue;
        this.visit(body.data, body.baseStart(term), body.baseEnd(term), BODY_WEIGHT, factor);
        const bodyExtra = body.overflow.get(term);
        if (bodyExtra) this.visit(bodyExtra.data, 0, bodyExtra.length, BODY_WEIGHT, factor);
      }
      const counts = expansion.optional ? 0 : 1;
      for (let i = 0; i < this.wordCount; i++) {
        const slot = this.wordTouched[i]!;
        // Every word scores above zero, so a zero total means "not touched yet".
        if (this.total[slot] === 0) this.touched[this.count++] = slot;
        this.total[slot] = this.total[slot]! + this.best[slot]!;
        if (facet) this.facetMatched[slot] = this.facetMatched[slot]! + counts;
        else this.matched[slot] = this.matched[slot]! + counts;
        this.best[slot] = 0;
      }
    }
    return this.result();
  }

  /**
   * Adds a slot no word touched (an item a facet word names) with no score, so that ranking
   * sees it. Call after `accumulate`; the next `accumulate` clears it like any other.
   */
  include(slot: number) {
    if (this.total[slot] === 0) {
      this.touched[this.count++] = slot;
      this.total[slot] = Number.MIN_VALUE;
    }
  }

  /** What `accumulate` and `include` have gathered since the last `accumulate`. */
  result(): Accumulated {
    return { slots: this.touched, count: this.count, total: this.total, matched: this.matched, facetMatched: this.facetMatched };
  }

  private visit(data: Int32Array, from: number, to: number, weights: Float64Array, factor: number) {
    const best = this.best;
    for (let i = from; i < to; i++) {
      const posting = data[i]!;
      const slot = posting >>> BITS;
      const score = weights[posting & MASK]! * factor;
      const before = best[slot]!;
      if (score > before) {
        if (before === 0) this.wordTouched[this.wordCount++] = slot;
        best[slot] = score;
      }
    }
  }

  /** Clears what the previous query left and makes room for every slot. */
  private reset(slotCount: number) {
    for (let i = 0; i < this.count; i++) {
      const slot = this.touched[i]!;
      this.total[slot] = 0;
      this.matched[slot] = 0;
      this.facetMatched[slot] = 0;
    }
    this.count = 0;
    if (this.total.length < slotCount) {
      const size = Math.max(slotCount, this.total.length * 2, 64);
      this.total = new Float64Array(size);
      this.best = new Float64Array(size);
      this.matched = new Uint8Array(size);
      this.facetMatched = new Uint8Array(size);
      this.touched = new Int32Array(size);
      this.wordTouched = new Int32Array(size);
    }
  }
}
