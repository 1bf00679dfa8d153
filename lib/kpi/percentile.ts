/**
 * Nearest-rank percentile of values sorted ascending: the value at index ceil(P·n/100) − 1.
 * No interpolation, so the answer is always an observed value. P is a whole percent so the
 * rank is exact integer arithmetic rather than a product of binary fractions (0.1 · 3 is
 * 0.30000000000000004); SQL gets the same index as (P * n + 99) / 100 − 1 in integer division.
 */
export function nearestRank(sortedAscending: readonly number[], percent: number): number | null {
  const n = sortedAscending.length;
  if (n === 0) return null;
  const index = Math.ceil((percent * n) / 100) - 1;
  return sortedAscending[Math.min(Math.max(index, 0), n - 1)] ?? null;
}
