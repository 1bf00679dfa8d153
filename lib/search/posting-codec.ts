import { CODE_BITS, CODE_MASK } from './fields';

// Local copies: read once per posting, and some module systems make imports getters.
const BITS = CODE_BITS;
const CODES = CODE_MASK + 1;

/**
 * Compact form of a posting list for snapshots. Within a term, slots ascend, so each posting is
 * stored as the gap to the previous slot (zigzag, in case they ever do not) with its 4-bit
 * code, as a LEB128 varint: about 1.5 bytes instead of 4. Arithmetic, not bit operations,
 * because a gap times 16 can pass 2^31.
 */
export function encodePostings(offsets: Int32Array, data: Int32Array): Uint8Array {
  let out = new Uint8Array(Math.max(16, data.length * 2));
  let w = 0;
  const termCount = offsets.length - 1;
  for (let t = 0; t < termCount; t++) {
    let previous = 0;
    for (let i = offsets[t]!, end = offsets[t + 1]!; i < end; i++) {
      const posting = data[i]!;
      const slot = posting >>> BITS;
      const gap = slot - previous;
      previous = slot;
      let value = (gap >= 0 ? gap * 2 : -gap * 2 - 1) * CODES + (posting & (CODES - 1));
      if (w + 8 > out.length) {
        const grown = new Uint8Array(out.length * 2);
        grown.set(out);
        out = grown;
      }
      while (value >= 0x80) {
        out[w++] = (value % 0x80) | 0x80;
        value = Math.floor(value / 0x80);
      }
      out[w++] = value;
    }
  }
  return out.slice(0, w);
}

/**
 * Inverse of `encodePostings`; `offsets` gives the number of postings per term. Throws on
 * bytes that do not decode to slots below `slotCount`, so a damaged snapshot is refused
 * rather than read out of bounds later.
 */
export function decodePostings(offsets: Int32Array, bytes: Uint8Array, slotCount: number): Int32Array {
  const termCount = offsets.length - 1;
  const data = new Int32Array(offsets[termCount]!);
  let r = 0;
  for (let t = 0; t < termCount; t++) {
    let previous = 0;
    for (let i = offsets[t]!, end = offsets[t + 1]!; i < end; i++) {
      if (r >= bytes.length) throw new Error('truncated postings');
      let byte = bytes[r++]!;
      let value = byte & 0x7f;
      // Most postings are one or two bytes; only long gaps loop further.
      for (let scale = 0x80; byte >= 0x80; scale *= 0x80) {
        if (r >= bytes.length) throw new Error('truncated postings');
        byte = bytes[r++]!;
        value += (byte & 0x7f) * scale;
      }
      const code = value % CODES;
      const zigzag = (value - code) / CODES;
      const gap = zigzag % 2 === 0 ? zigzag / 2 : -(zigzag + 1) / 2;
      previous += gap;
      if (previous < 0 || previous >= slotCount) throw new Error('posting out of range');
      data[i] = (previous << BITS) | code;
    }
  }
  return data;
}
