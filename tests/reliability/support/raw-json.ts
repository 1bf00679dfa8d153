/*
 * JSON text with parts JSON.stringify cannot write: raw bytes inside a string (invalid UTF-8)
 * and nesting deeper than JSON.stringify's recursion allows. A case puts a marker in its value
 * where such a part goes; `renderJson` writes the value and swaps the markers for the bytes.
 */

const MARK = '\u0001';

/** A value that renders as `depth` nested arrays. */
export function deepArray(depth: number): string {
  return `${MARK}D:${depth}${MARK}`;
}

/** A piece of string content that renders as these raw bytes. */
export function rawBytes(bytes: Uint8Array): string {
  return `${MARK}S:${Buffer.from(bytes).toString('hex')}${MARK}`;
}

// JSON.stringify escapes U+0001 as the six characters \u0001.
const ESCAPED = '\\\\u0001';
const MARKERS = new RegExp(`"${ESCAPED}D:(\\d+)${ESCAPED}"|${ESCAPED}S:([0-9a-f]*)${ESCAPED}`, 'g');

export function renderJson(value: unknown): Uint8Array {
  const text = JSON.stringify(value) ?? '';
  const parts: Buffer[] = [];
  let last = 0;
  for (const match of text.matchAll(MARKERS)) {
    parts.push(Buffer.from(text.slice(last, match.index), 'utf8'));
    parts.push(
      match[1] !== undefined ? Buffer.from('['.repeat(Number(match[1])) + ']'.repeat(Number(match[1])), 'latin1') : Buffer.from(match[2] ?? '', 'hex'),
    );
    last = match.index + match[0].length;
  }
  parts.push(Buffer.from(text.slice(last), 'utf8'));
  return Buffer.concat(parts);
}
