import type { DocTable } from './doc-table';
import type { ParsedQuery } from './query';
import { compareSlots, TopK } from './ranking';
import type { Accumulated } from './scorer';
import type { SearchHit } from './types';
import type { UsageTable } from './usage-table';

/**
 * Score steps, from the strongest. A word's score is at most ~150 (best field weight x idf at
 * 50,000 items), so the text relevance of a query of up to 24 words stays under BOOST_BONUS;
 * each bonus outweighs all the smaller ones together, and all of them together stay under a
 * word tier.
 */
const WORD_TIER = 100_000;
/**
 * A current item before an expired one matching as many words. Not above the word tiers: the
 * palette lists 20 items, and an expired item the rep names must still show, saying why.
 */
const LIVE_BONUS = 80_000;
/** An exact title or shortcut outranks every other item matching as many words. */
const EXACT_BONUS = 40_000;
/** An item of the type or stage the query names ("case study healthcare") before the others. */
const FACET_BONUS = 20_000;
/** An item of a boosted stage (the page's) before the others, all else equal. */
const BOOST_BONUS = 5_000;

const quantise = (x: number) => Math.round(x * 1e4) / 1e4;

export interface RankOptions {
  /** Whether the item is of a type or stage the query names. */
  named: (slot: number) => boolean;
  /** Whether the item is of a boosted stage. */
  boosted: (slot: number) => boolean;
  /** Whether the item has expired: it goes after every current one. */
  expired: (slot: number) => boolean;
}

/**
 * The best `limit` of the accumulated matches that pass `keep`, in rank order. Items matching
 * more of the words come first (AND first, OR after, like Algolia's "words" criterion), so an
 * item missing a word still shows, below the others; an item of a type or stage the query
 * names matches those words whatever its text. Then current items before expired ones, an
 * exact title, a named type or stage, a boosted stage; then relevance; then the tie-breakers.
 */
export function rankMatches(
  query: ParsedQuery,
  acc: Accumulated,
  docs: DocTable,
  usage: UsageTable,
  keep: (slot: number) => boolean,
  limit: number,
  { named, boosted, expired }: RankOptions,
): SearchHit[] {
  const score = acc.total;
  const facetWords = query.facetWords.length;
  const exact = new Set([...(docs.byTitle.get(query.key) ?? []), ...(docs.byShortcut.get(query.key) ?? [])]);
  const tables = { score, uses: usage.uses, lastUsedAt: usage.lastUsedAt, updatedAt: docs.updatedAt, ids: docs.records };
  const top = new TopK(limit, (a, b) => compareSlots(tables, a, b));
  for (let i = 0; i < acc.count; i++) {
    const slot = acc.slots[i]!;
    if (!keep(slot)) continue;
    const isNamed = facetWords > 0 && named(slot);
    const words = acc.matched[slot]! + (isNamed ? facetWords : acc.facetMatched[slot]!);
    let total = words * WORD_TIER + score[slot]!;
    if (!expired(slot)) total += LIVE_BONUS;
    if (exact.has(slot)) total += EXACT_BONUS;
    if (isNamed) total += FACET_BONUS;
    if (boosted(slot)) total += BOOST_BONUS;
    // Rounded, so that items equally relevant to a reader tie, and the tie-breakers decide.
    score[slot] = quantise(total);
    top.offer(slot);
  }
  return top.sorted().map((slot) => ({ id: docs.records[slot]!.id, score: score[slot]! }));
}
