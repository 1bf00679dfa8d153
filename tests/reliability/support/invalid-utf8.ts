import fc from 'fast-check';

/*
 * Byte sequences no UTF-8 decoder may accept, by the kinds of mistake that produce them: a
 * Latin-1 file, a string cut mid-character, an encoder that let surrogates or overlong forms
 * through. A decoder that replaces them yields U+FFFD; one that is strict refuses the text.
 */
export const invalidUtf8 = fc
  .oneof(
    // A continuation byte with no lead byte (Latin-1 "é" is 0xE9, a lead byte with nothing after it).
    fc.integer({ min: 0x80, max: 0xbf }).map((b) => [b]),
    fc.constantFrom([0xe9], [0xfc, 0x20]),
    // Overlong encodings of "/" and NUL.
    fc.constantFrom([0xc0, 0xaf], [0xc1, 0xbf], [0xe0, 0x80, 0xaf], [0xf0, 0x80, 0x80, 0x80]),
    // UTF-16 surrogates encoded as if they were characters (CESU-8).
    fc.constantFrom([0xed, 0xa0, 0x80], [0xed, 0xbf, 0xbf]),
    // Beyond U+10FFFF.
    fc.constantFrom([0xf4, 0x90, 0x80, 0x80], [0xf5, 0x80, 0x80, 0x80]),
    // A multi-byte character cut short.
    fc.constantFrom([0xe2, 0x82], [0xf0, 0x9f, 0x98]),
    // Bytes that never occur in UTF-8.
    fc.integer({ min: 0xf8, max: 0xff }).map((b) => [b]),
  )
  .map((bytes) => Uint8Array.from(bytes));

/** `bytes` with `insert` spliced in at `at` (clamped to the length). */
export function spliceBytes(bytes: Uint8Array, at: number, insert: Uint8Array, removeCount = 0): Uint8Array {
  const index = Math.max(0, Math.min(at, bytes.length));
  return Buffer.concat([bytes.subarray(0, index), insert, bytes.subarray(Math.min(bytes.length, index + removeCount))]);
}
