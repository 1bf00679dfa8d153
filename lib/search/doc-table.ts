import type { StoredItem } from '../db';
import { CONTENT_TYPES, JOURNEY_STAGES, type ContentType, type JourneyStage } from '../schema/content';
import { textKey } from './normalise';

/** What the engine keeps per indexed document: everything ranking and filtering need, no body. */
export interface DocRecord {
  id: string;
  stages: number;
  type: number;
  updatedAt: number;
  titleKey: string;
  shortcutKey: string;
  reviewBy: string;
  expires: string;
  stamp: string;
}

export function stageMask(stages: readonly JourneyStage[]): number {
  let mask = 0;
  for (const s of stages) {
    const i = JOURNEY_STAGES.indexOf(s);
    if (i >= 0) mask |= 1 << i;
  }
  return mask;
}

/** 0 for "no type filter", else a bit per type (ten types fit an Int32). */
export function typeMask(types: readonly ContentType[]): number {
  let mask = 0;
  for (const t of types) {
    const i = CONTENT_TYPES.indexOf(t);
    if (i >= 0) mask |= 1 << i;
  }
  return mask;
}

export function docRecordOf(item: StoredItem, stamp: string): DocRecord {
  const updated = item.updated_at ? Date.parse(item.updated_at) : NaN;
  return {
    id: item.id,
    stages: stageMask(item.stages),
    type: Math.max(0, CONTENT_TYPES.indexOf(item.type)),
    updatedAt: Number.isNaN(updated) ? 0 : updated,
    titleKey: textKey(item.title),
    shortcutKey: item.shortcut ? textKey(item.shortcut) : '',
    reviewBy: item.review_by ?? '',
    expires: item.expires ?? '',
    stamp,
  };
}

function grown<T extends Uint8Array | Float64Array>(a: T, size: number, make: (n: number) => T): T {
  if (size <= a.length) return a;
  const b = make(Math.max(size, a.length * 2));
  b.set(a);
  return b;
}

/**
 * Documents by slot. A slot is an internal number that postings point at; an upsert kills the
 * old slot and appends a new one, so existing postings never need rewriting until compaction.
 */
export class DocTable {
  records: DocRecord[] = [];
  alive = new Uint8Array(64);
  stages = new Uint8Array(64);
  types = new Uint8Array(64);
  updatedAt = new Float64Array(64);
  readonly slotOf = new Map<string, number>();
  /** Live slots by exact title / shortcut words, so exact matches can rank first. */
  readonly byTitle = new Map<string, number[]>();
  readonly byShortcut = new Map<string, number[]>();
  liveCount = 0;

  get slotCount(): number {
    return this.records.length;
  }

  add(record: DocRecord): number {
    const slot = this.records.length;
    this.records.push(record);
    const size = slot + 1;
    this.alive = grown(this.alive, size, (n) => new Uint8Array(n));
    this.stages = grown(this.stages, size, (n) => new Uint8Array(n));
    this.types = grown(this.types, size, (n) => new Uint8Array(n));
    this.updatedAt = grown(this.updatedAt, size, (n) => new Float64Array(n));
    this.alive[slot] = 1;
    this.stages[slot] = record.stages;
    this.types[slot] = record.type;
    this.updatedAt[slot] = record.updatedAt;
    this.slotOf.set(record.id, slot);
    addTo(this.byTitle, record.titleKey, slot);
    if (record.shortcutKey) addTo(this.byShortcut, record.shortcutKey, slot);
    this.liveCount++;
    return slot;
  }

  kill(slot: number) {
    const record = this.records[slot]!;
    this.alive[slot] = 0;
    this.slotOf.delete(record.id);
    removeFrom(this.byTitle, record.titleKey, slot);
    if (record.shortcutKey) removeFrom(this.byShortcut, record.shortcutKey, slot);
    this.liveCount--;
  }

  /** Live slots in slot order, and the old→new slot map that drops the dead ones. */
  compactionMap(): Int32Array {
    const remap = new Int32Array(this.slotCount).fill(-1);
    let next = 0;
    for (let s = 0; s < this.slotCount; s++) if (this.alive[s]) remap[s] = next++;
    return remap;
  }

  /** A table holding only the live records, renumbered by `compactionMap()`. */
  compacted(): DocTable {
    const table = new DocTable();
    for (let s = 0; s < this.slotCount; s++) if (this.alive[s]) table.add(this.records[s]!);
    return table;
  }
}

function addTo(map: Map<string, number[]>, key: string, slot: number) {
  const list = map.get(key);
  if (list) list.push(slot);
  else map.set(key, [slot]);
}

function removeFrom(map: Map<string, number[]>, key: string, slot: number) {
  const list = map.get(key);
  if (!list) return;
  const rest = list.filter((s) => s !== slot);
  if (rest.length) map.set(key, rest);
  else map.delete(key);
}
