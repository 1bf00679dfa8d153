import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/*
 * Access tokens look like `qv_<id>_<secret>`. The id is public and finds the stored row; the
 * whole token is only ever stored as its SHA-256, compared in constant time, so neither a
 * database dump nor response timing gives a usable token away.
 */

const TOKEN = /^qv_([0-9a-f]{16})_([A-Za-z0-9_-]{43})$/;

export interface NewAccessToken {
  id: string;
  token: string;
  hash: string;
}

export function generateAccessToken(): NewAccessToken {
  const id = randomBytes(8).toString('hex');
  const token = `qv_${id}_${randomBytes(32).toString('base64url')}`;
  return { id, token, hash: hashToken(token) };
}

/** The token's public id, or undefined when the string is not shaped like a Quiver token. */
export function accessTokenId(token: string): string | undefined {
  return TOKEN.exec(token)?.[1];
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export function tokenMatchesHash(token: string, storedHash: string): boolean {
  const actual = Buffer.from(hashToken(token), 'hex');
  const expected = Buffer.from(storedHash, 'hex');
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
