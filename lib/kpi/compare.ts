/*
 * Total orders shared with the server's SQL. Text compares by Unicode code point, which is
 * how SQLite's BINARY collation orders UTF-8; JavaScript's `<` compares UTF-16 units and
 * would put astral characters (emoji) before U+E000–U+FFFF.
 */

function isSurrogate(unit: number): boolean {
  return unit >= 0xd800 && unit <= 0xdfff;
}

export function compareText(a: string, b: string): number {
  if (a === b) return 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    const sx = isSurrogate(x);
    const sy = isSurrogate(y);
    // A surrogate starts a code point above U+FFFF: greater than any single unit.
    if (sx !== sy) return sx ? 1 : -1;
    return x - y;
  }
  return a.length - b.length;
}

/** Text keys ascending, `null` after every value. */
export function compareNullableText(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return compareText(a, b);
}

/** Larger numbers first. */
export function descending(a: number, b: number): number {
  return b - a;
}
