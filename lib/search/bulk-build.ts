import type { StoredItem } from '../db';
import type { TermCollector } from './document-terms';
import { encodePosting } from './fields';
import { IntList, PostingStore } from './posting-store';
import type { Vocabulary } from './vocabulary';

// A local alias: called once per posting (millions), and some module systems make imports getters.
const encode = encodePosting;

/**
 * Postings of a whole library at once, item `i` in slot `i`, counted into `vocab`'s document
 * frequencies. Pairs are gathered item by item, then laid out per term in one pass: far
 * cheaper than growing tens of thousands of per-term lists.
 */
export function buildPostingStores(items: readonly StoredItem[], vocab: Vocabulary, collector: TermCollector): { head: PostingStore; body: PostingStore } {
  const headTerms = new IntList(1024);
  const headPostings = new IntList(1024);
  const bodyTerms = new IntList(1024);
  const bodyPostings = new IntList(1024);
  items.forEach((item, slot) => {
    const terms = collector.collect(item, vocab, true);
    for (let i = 0; i < terms.headTerms.length; i++) {
      headTerms.push(terms.headTerms[i]!);
      headPostings.push(encode(slot, terms.headCodes[i]!));
      vocab.addDocFrequency(terms.headTerms[i]!, 1);
    }
    for (let i = 0; i < terms.bodyTerms.length; i++) {
      bodyTerms.push(terms.bodyTerms[i]!);
      bodyPostings.push(encode(slot, terms.bodyCodes[i]!));
      vocab.addDocFrequency(terms.bodyTerms[i]!, 1);
    }
  });
  return {
    head: PostingStore.fromPairs(vocab.count, headTerms, headPostings),
    body: PostingStore.fromPairs(vocab.count, bodyTerms, bodyPostings),
  };
}
