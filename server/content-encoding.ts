import { isUtf8 } from 'node:buffer';
import type { ContentFileProblem } from '../lib/schema/content-file';

const FRONT_MATTER = /^\uFEFF?---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

export type DecodedFile = { ok: true; text: string } | { ok: false; problem: ContentFileProblem };

/**
 * A content file's text, or a problem when its bytes are not UTF-8. Reading them as UTF-8
 * anyway would turn each bad byte into U+FFFD and import "Caf�" in place of what the author
 * wrote (a file saved as Latin-1, say). The problem names the front-matter field on whose line
 * the first bad byte sits, or the body, and the line.
 */
export function decodeContentFile(file: string, bytes: Uint8Array): DecodedFile {
  // A byte order mark stays in the text (the front-matter pattern allows it), so the text
  // encodes back to exactly the bytes it came from, up to the first bad one.
  // A native check settles the common case (valid UTF-8) in one pass; only a file it refuses
  // is walked byte by byte to find where. Buffer's decoder keeps a byte order mark, as below.
  if (isUtf8(bytes)) return { ok: true, text: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8') };
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  const text = decoder.decode(bytes);
  const valid = validPrefix(bytes, text);
  if (valid === bytes.length) return { ok: true, text };

  // The text before the first bad byte decodes exactly: it gives the line and the place.
  const before = decoder.decode(bytes.subarray(0, valid));
  const line = before.split('\n').length;
  const frontMatter = FRONT_MATTER.exec(text);
  let field = 'front matter';
  if (frontMatter && before.length >= frontMatter[0].length) field = 'body';
  else if (frontMatter) field = /^([A-Za-z_][\w.-]*)[ \t]*:/.exec(text.split('\n')[line - 1] ?? '')?.[1] ?? 'front matter';
  return {
    ok: false,
    problem: { file, field, message: `is not valid UTF-8 (line ${line}); save the file as UTF-8` },
  };
}

/** How many leading bytes are valid UTF-8: re-encoding the decoded text reproduces exactly them. */
function validPrefix(bytes: Uint8Array, decoded: string): number {
  const again = Buffer.from(decoded, 'utf8');
  let i = 0;
  while (i < bytes.length && i < again.length && bytes[i] === again[i]) i += 1;
  return i;
}
