import type { DocRecord } from './doc-table';
import { decodePostings, encodePostings } from './posting-codec';

/**
 * The persisted form of an index: one byte array, so it is stored as a single IndexedDB value
 * and handed to a worker without copying (transfer its buffer). Layout:
 *   "QVS" + format byte | u32 header length | JSON header | padding to 8 | typed sections,
 * postings varint-encoded (see posting-codec.ts): at 10,000 items about a third of raw size.
 * Item bodies are not in it: the panel reads items from Dexie, and `setItems` afterwards
 * re-indexes only what changed since (items carry a stamp).
 */
export interface IndexParts {
  terms: string[];
  df: Int32Array;
  sortedTerms: Int32Array;
  headOffsets: Int32Array;
  headData: Int32Array;
  bodyOffsets: Int32Array;
  bodyData: Int32Array;
  records: DocRecord[];
  titleOrder: Int32Array;
}

/** Bump when the layout or the meaning of any part changes: an old snapshot is then rebuilt. */
export const SNAPSHOT_FORMAT = 1;
const MAGIC = [0x51, 0x56, 0x53]; // "QVS"

interface Header {
  terms: string[];
  ids: string[];
  titleKeys: string[];
  shortcutKeys: string[];
  reviewBy: string[];
  expires: string[];
  stamps: string[];
  /** Element counts of the typed sections, in `SECTIONS` order. */
  lengths: number[];
}

type Section = Float64Array | Int32Array | Uint8Array;
const SECTIONS = [
  ['updatedAt', Float64Array],
  ['df', Int32Array],
  ['sortedTerms', Int32Array],
  ['headOffsets', Int32Array],
  ['bodyOffsets', Int32Array],
  ['titleOrder', Int32Array],
  ['headPostings', Uint8Array],
  ['bodyPostings', Uint8Array],
  ['stages', Uint8Array],
  ['types', Uint8Array],
] as const;

const align8 = (n: number) => (n + 7) & ~7;

export function encodeSnapshot(parts: IndexParts): Uint8Array<ArrayBuffer> {
  const r = parts.records;
  const typed: Record<(typeof SECTIONS)[number][0], Section> = {
    updatedAt: Float64Array.from(r, (d) => d.updatedAt),
    df: parts.df,
    sortedTerms: parts.sortedTerms,
    headOffsets: parts.headOffsets,
    bodyOffsets: parts.bodyOffsets,
    titleOrder: parts.titleOrder,
    headPostings: encodePostings(parts.headOffsets, parts.headData),
    bodyPostings: encodePostings(parts.bodyOffsets, parts.bodyData),
    stages: Uint8Array.from(r, (d) => d.stages),
    types: Uint8Array.from(r, (d) => d.type),
  };
  const header: Header = {
    terms: parts.terms,
    ids: r.map((d) => d.id),
    titleKeys: r.map((d) => d.titleKey),
    shortcutKeys: r.map((d) => d.shortcutKey),
    reviewBy: r.map((d) => d.reviewBy),
    expires: r.map((d) => d.expires),
    stamps: r.map((d) => d.stamp),
    lengths: SECTIONS.map(([name]) => typed[name].length),
  };
  const json = new TextEncoder().encode(JSON.stringify(header));
  let size = align8(8 + json.length);
  for (const [name] of SECTIONS) size = align8(size + typed[name].byteLength);

  const out = new Uint8Array(size);
  out.set([...MAGIC, SNAPSHOT_FORMAT]);
  new DataView(out.buffer).setUint32(4, json.length, true);
  out.set(json, 8);
  let offset = align8(8 + json.length);
  for (const [name] of SECTIONS) {
    const section = typed[name];
    out.set(new Uint8Array(section.buffer, section.byteOffset, section.byteLength), offset);
    offset = align8(offset + section.byteLength);
  }
  return out;
}

/** The parts of a snapshot, or undefined if it is not one of this format or damaged. */
export function decodeSnapshot(bytes: Uint8Array): IndexParts | undefined {
  try {
    if (bytes.length < 8 || MAGIC.some((b, i) => bytes[i] !== b) || bytes[3] !== SNAPSHOT_FORMAT) return undefined;
    // Typed views need aligned offsets; a byte array sliced out of a larger buffer may not be.
    const own = bytes.byteOffset % 8 === 0 ? bytes : bytes.slice();
    const jsonLength = new DataView(own.buffer, own.byteOffset).getUint32(4, true);
    const header = JSON.parse(new TextDecoder().decode(own.subarray(8, 8 + jsonLength))) as Header;
    let offset = align8(8 + jsonLength);
    const typed: Record<string, Section> = {};
    SECTIONS.forEach(([name, Kind], i) => {
      const length = header.lengths[i]!;
      const end = offset + length * Kind.BYTES_PER_ELEMENT;
      if (end > own.byteLength) throw new Error('truncated snapshot');
      typed[name] = new Kind(own.buffer as ArrayBuffer, own.byteOffset + offset, length);
      offset = align8(end);
    });
    const docCount = header.ids.length;
    const termCount = header.terms.length;
    const consistent =
      typed.df!.length === termCount &&
      typed.sortedTerms!.length === termCount &&
      typed.headOffsets!.length === termCount + 1 &&
      typed.bodyOffsets!.length === termCount + 1 &&
      typed.titleOrder!.length === docCount &&
      typed.updatedAt!.length === docCount;
    if (!consistent) return undefined;
    // Ids that point past their tables would fail later, mid-search: refuse them here.
    const within = (a: Int32Array | Uint8Array, limit: number) => a.every((v) => v >= 0 && v < limit);
    if (!within(typed.sortedTerms as Int32Array, termCount) || !within(typed.titleOrder as Int32Array, docCount)) return undefined;
    if (!within(typed.df as Int32Array, docCount + 1)) return undefined;
    const updatedAt = typed.updatedAt as Float64Array;
    const stages = typed.stages as Uint8Array;
    const types = typed.types as Uint8Array;
    const records: DocRecord[] = header.ids.map((id, i) => ({
      id,
      stages: stages[i]!,
      type: types[i]!,
      updatedAt: updatedAt[i]!,
      titleKey: header.titleKeys[i]!,
      shortcutKey: header.shortcutKeys[i]!,
      reviewBy: header.reviewBy[i]!,
      expires: header.expires[i]!,
      stamp: header.stamps[i]!,
    }));
    return {
      terms: header.terms,
      df: typed.df as Int32Array,
      sortedTerms: typed.sortedTerms as Int32Array,
      headOffsets: typed.headOffsets as Int32Array,
      headData: decodePostings(typed.headOffsets as Int32Array, typed.headPostings as Uint8Array, docCount),
      bodyOffsets: typed.bodyOffsets as Int32Array,
      bodyData: decodePostings(typed.bodyOffsets as Int32Array, typed.bodyPostings as Uint8Array, docCount),
      records,
      titleOrder: typed.titleOrder as Int32Array,
    };
  } catch {
    return undefined;
  }
}
