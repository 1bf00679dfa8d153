/**
 * Which fields are searched and how much each counts. A posting packs a document slot with a
 * 4-bit code, so one Int32 per (term, document) is all the index stores:
 * - in the head store the code is a mask of the short fields holding the term;
 * - in the body store the code is the term's frequency in the body (capped at 15).
 * A term found in a head field of a document is not also posted for its body: the head
 * weight dominates anyway, and it keeps the body store (the bulk of the index) smaller.
 */

export const TITLE = 1;
export const TAGS = 2;
export const SHORTCUT = 4;
export const SUMMARY = 8;

export const CODE_BITS = 4;
export const CODE_MASK = (1 << CODE_BITS) - 1;
export const MAX_BODY_TF = CODE_MASK;

/** Title and tags count most, then shortcut, summary, body (DESIGN.md, issue 6). */
const FIELD_WEIGHTS: ReadonlyArray<readonly [number, number]> = [
  [TITLE, 10],
  [TAGS, 9],
  [SHORTCUT, 7],
  [SUMMARY, 3],
];

/** A term in several head fields counts for its best field plus a little for the others. */
export const HEAD_WEIGHT: Float64Array = (() => {
  const table = new Float64Array(CODE_MASK + 1);
  for (let mask = 1; mask <= CODE_MASK; mask++) {
    let best = 0;
    let sum = 0;
    for (const [bit, w] of FIELD_WEIGHTS) {
      if (mask & bit) {
        best = Math.max(best, w);
        sum += w;
      }
    }
    table[mask] = best + 0.25 * (sum - best);
  }
  return table;
})();

/** BM25-style saturation: the tenth mention of a word in a long guide adds little. */
export const BODY_WEIGHT: Float64Array = (() => {
  const table = new Float64Array(CODE_MASK + 1);
  for (let tf = 1; tf <= CODE_MASK; tf++) table[tf] = (2 * tf) / (tf + 1.2);
  return table;
})();

export function encodePosting(slot: number, code: number): number {
  return (slot << CODE_BITS) | code;
}
