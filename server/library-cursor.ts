/*
 * The library cursor handed to clients: `<epoch>.<seq>`. Clients treat it as opaque. The
 * epoch is random per org, so a cursor kept from another server or from before the database
 * was recreated is refused instead of silently hiding changes behind a large number.
 */

export function encodeCursor(epoch: string, seq: number): string {
  return `${epoch}.${seq}`;
}

export type DecodedCursor = { ok: true; seq: number } | { ok: false; message: string };

export function decodeCursor(cursor: string, epoch: string, librarySeq: number): DecodedCursor {
  const match = /^([0-9a-f]{1,32})\.(\d{1,15})$/.exec(cursor);
  if (!match) return { ok: false, message: 'cursor is not one this server handed out; sync again without a cursor' };
  if (match[1] !== epoch) {
    return { ok: false, message: 'cursor belongs to another library (or the server was reset); sync again without a cursor' };
  }
  const seq = Number(match[2]);
  if (seq > librarySeq) {
    return { ok: false, message: 'cursor is ahead of this library; sync again without a cursor' };
  }
  return { ok: true, seq };
}
