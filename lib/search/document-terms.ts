import type { StoredItem } from '../db';
import { MAX_BODY_TF, SHORTCUT, SUMMARY, TAGS, TITLE } from './fields';
import { scanWords, type WordSink } from './normalise';
import type { Vocabulary } from './vocabulary';

/** The distinct terms of one item, split into head postings (field mask) and body postings (tf). */
export interface DocumentTerms {
  headTerms: number[];
  headCodes: number[];
  bodyTerms: number[];
  bodyCodes: number[];
}

/**
 * Turns items into term ids and posting codes. Reuses scratch arrays indexed by term id, so
 * indexing 50,000 items allocates no per-item maps.
 */
export class TermCollector {
  private mask = new Uint8Array(1024);
  private tf = new Uint16Array(1024);
  private touched: number[] = [];

  private bit = 0;
  private intern = true;
  private vocab: Vocabulary | undefined;
  // One sink, reused: a closure per item would cost more than the words of a short item.
  private readonly sink: WordSink = {
    slice: (source, start, end, hash) => {
      const vocab = this.vocab!;
      this.count(this.intern ? vocab.internSlice(source, start, end, hash) : vocab.find(source, start, end, hash));
    },
    word: (word) => {
      const vocab = this.vocab!;
      this.count(this.intern ? vocab.intern(word) : vocab.id(word));
    },
  };

  /**
   * The item's terms. `intern`: add new words to the vocabulary (indexing); otherwise skip
   * unknown words (retiring an item indexed earlier, whose words are all known).
   */
  collect(item: StoredItem, vocab: Vocabulary, intern: boolean): DocumentTerms {
    this.vocab = vocab;
    this.intern = intern;
    this.scan(item.title, TITLE);
    for (const list of [item.tags, item.industries, item.personas]) {
      if (list) for (const tag of list) this.scan(tag, TAGS);
    }
    if (item.shortcut) this.scan(item.shortcut, SHORTCUT);
    this.scan(item.summary, SUMMARY);
    // The subject line of an email template reads like a second summary.
    if (item.subject) this.scan(item.subject, SUMMARY);
    this.scan(item.body, 0);

    const out: DocumentTerms = { headTerms: [], headCodes: [], bodyTerms: [], bodyCodes: [] };
    for (const id of this.touched) {
      const mask = this.mask[id]!;
      if (mask !== 0) {
        out.headTerms.push(id);
        out.headCodes.push(mask);
      } else {
        out.bodyTerms.push(id);
        out.bodyCodes.push(Math.min(this.tf[id]!, MAX_BODY_TF));
      }
      this.mask[id] = 0;
      this.tf[id] = 0;
    }
    this.touched.length = 0;
    this.vocab = undefined;
    return out;
  }

  /** `bit` is the head field's bit, or 0 for the body. */
  private scan(text: string, bit: number) {
    this.bit = bit;
    scanWords(text, this.sink);
  }

  private count(id: number) {
    if (id < 0) return;
    if (id >= this.mask.length) this.grow(id);
    if (this.mask[id] === 0 && this.tf[id] === 0) this.touched.push(id);
    if (this.bit !== 0) this.mask[id] = this.mask[id]! | this.bit;
    // Saturates long before 65,535; the cap only guards the Uint16 scratch.
    else if (this.tf[id]! < 0xffff) this.tf[id] = this.tf[id]! + 1;
  }

  private grow(id: number) {
    let size = this.mask.length;
    while (size <= id) size *= 2;
    const mask = new Uint8Array(size);
    mask.set(this.mask);
    const tf = new Uint16Array(size);
    tf.set(this.tf);
    this.mask = mask;
    this.tf = tf;
  }
}
