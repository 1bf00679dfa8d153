import type { DocTable } from './doc-table';

/** What listing the library without a query needs to know. */
export interface BrowseContext {
  docs: DocTable;
  uses: Float64Array;
  lastUsedAt: Float64Array;
  /** Live slots in title order; see `titleOrder()`. */
  byTitle: readonly number[];
  keep: (slot: number) => boolean;
  today: string;
  /** Listed group by group, 0 first (the page's stage, then the rest, then expired items). */
  group?: (slot: number) => number;
  groups?: number;
}

export function isExpiredRecord(docs: DocTable, slot: number, today: string): boolean {
  const r = docs.records[slot]!;
  return r.expires !== '' && r.expires < today;
}

export function isStaleRecord(docs: DocTable, slot: number, today: string): boolean {
  const r = docs.records[slot]!;
  return (r.reviewBy !== '' && r.reviewBy < today) || (r.expires !== '' && r.expires < today);
}

function compareTitles(docs: DocTable, a: number, b: number): number {
  const ra = docs.records[a]!;
  const rb = docs.records[b]!;
  if (ra.titleKey !== rb.titleKey) return ra.titleKey < rb.titleKey ? -1 : 1;
  return ra.id < rb.id ? -1 : ra.id > rb.id ? 1 : 0;
}

/** Live slots sorted by title words, then id. */
export function titleOrder(docs: DocTable): number[] {
  const slots: number[] = [];
  for (let s = 0; s < docs.slotCount; s++) if (docs.alive[s]) slots.push(s);
  return slots.sort((a, b) => compareTitles(docs, a, b));
}

/**
 * The filtered library for an empty query, group by group (see `group`): in each, what the
 * rep uses first (most uses, then most recent), then current content before stale or expired
 * content, each by title. The library is
 * walked in a title order computed once per change (and persisted with the index), so the
 * panel's first paint never sorts the whole library.
 */
export function browse(ctx: BrowseContext, limit: number): number[] {
  const { docs, uses, lastUsedAt, keep, today } = ctx;
  const used = (s: number) => uses[s]! > 0 || lastUsedAt[s]! > 0;
  const groupOf = ctx.group ?? (() => 0);
  const out: number[] = [];

  for (let group = 0; group < (ctx.groups ?? 1); group++) {
    const inGroup = (s: number) => keep(s) && groupOf(s) === group;
    const usedSlots: number[] = [];
    for (const s of ctx.byTitle) if (used(s) && inGroup(s)) usedSlots.push(s);
    usedSlots.sort(
      (a, b) =>
        uses[b]! - uses[a]! ||
        lastUsedAt[b]! - lastUsedAt[a]! ||
        Number(isStaleRecord(docs, a, today)) - Number(isStaleRecord(docs, b, today)) ||
        compareTitles(docs, a, b),
    );
    for (const s of usedSlots) {
      if (out.length >= limit) return out;
      out.push(s);
    }
    for (const stale of [false, true]) {
      for (const s of ctx.byTitle) {
        if (out.length >= limit) return out;
        if (!used(s) && inGroup(s) && isStaleRecord(docs, s, today) === stale) out.push(s);
      }
    }
  }
  return out;
}
