/*
 * UTC calendar days as integers (days since 1970-01-01), so ranges, buckets and weeks are
 * integer arithmetic rather than Date juggling in a loop over 10^5 events.
 */

const DAY_MS = 86_400_000;

/** The UTC day an instant falls on. */
export function dayOfMs(ms: number): number {
  return Math.floor(ms / DAY_MS);
}

/** `2025-03-04` → its day number. */
export function dayOfIso(isoDate: string): number {
  return dayOfMs(Date.parse(`${isoDate}T00:00:00Z`));
}

/** Day number → `YYYY-MM-DD`. */
export function isoOfDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** The Monday on or before a day. Day 0 (1970-01-01) was a Thursday, three days after a Monday. */
export function mondayOf(day: number): number {
  return day - ((((day + 3) % 7) + 7) % 7);
}

/** `YYYY-MM-DD` `days` later (or earlier, when negative). */
export function addDays(isoDate: string, days: number): string {
  return isoOfDay(dayOfIso(isoDate) + days);
}
