import type { DocTable } from './doc-table';
import type { ParsedQuery } from './query';
import { compareSlots, TopK } from './ranking';
import type { Accumulated } from './scorer';
import type { SearchHit } from './types';
import type { UsageTable } from './usage-table';

/**
 * Score steps. A word's score is at most ~150 (best field weight x idf at 50,000 items), so a
 * query of up to 24 words stays under EXACT_BONUS, and any score plus the bonus under a tier.
 */
const WORD_TIER = 100_000;
/** An exact title or shortcut outranks every other item matching as many words. */
const EXACT_BONUS = 10_000;

const quantise = (x: number) => Math.round(x * 1e4) / 1e4;

/**
 * The best `limit` of the accumulated matches that pass `keep`, in rank order. Items matching
 * more of the words come first (AND first, OR after, like Algolia's "words" criterion), so an
 * item missing a word still shows, below the others; then relevance; then the tie-breakers.
 */
export function rankMatches(
  query: ParsedQuery,
  acc: Accumulated,
  docs: DocTable,
  usage: UsageTable,
  keep: (slot: number) => boolean,
  limit: number,
): SearchHit[] {
  const score = acc.total;
  for (const slot of [...(docs.byTitle.get(query.key) ?? []), ...(docs.byShortcut.get(query.key) ?? [])]) {
    if (score[slot]! > 0) score[slot] = score[slot]! + EXACT_BONUS;
  }
  const tables = { score, uses: usage.uses, lastUsedAt: usage.lastUsedAt, updatedAt: docs.updatedAt, ids: docs.records };
  const top = new TopK(limit, (a, b) => compareSlots(tables, a, b));
  for (let i = 0; i < acc.count; i++) {
    const slot = acc.slots[i]!;
    if (!keep(slot)) continue;
    // Rounded, so that items equally relevant to a reader tie, and the tie-breakers decide.
    score[slot] = quantise(acc.matched[slot]! * WORD_TIER + score[slot]!);
    top.offer(slot);
  }
  return top.sorted().map((slot) => ({ id: docs.records[slot]!.id, score: score[slot]! }));
}
