import * as crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openDatabase, type Db } from '../../server/db/open-database';
import { authenticate, createAccessToken } from '../../server/store/tokens';
import { freshTestDb, type TestDb } from '../server/support/test-db';
import { recordFigures } from './support/figures';

/*
 * Item 6, constant time: a token is checked by comparing fixed-length digests with
 * crypto.timingSafeEqual, so how long a refusal takes says nothing about how much of a guess
 * was right. A spy on the real function proves the comparison goes through it.
 */

vi.mock('node:crypto', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:crypto')>();
  return { ...real, timingSafeEqual: vi.fn(real.timingSafeEqual) };
});

let db: Db;
let testDb: TestDb;
let token: string;
beforeAll(async () => {
  testDb = await freshTestDb();
  db = await openDatabase(testDb.target);
  token = (await createAccessToken(db, { orgSlug: 'acme', email: 'rep@acme.test', role: 'rep' })).token;
});
afterAll(async () => {
  await db.destroy();
  await testDb.remove();
});

describe('checking a token', () => {
  it('compares SHA-256 digests with crypto.timingSafeEqual, and refuses a token that differs only in its last character', async () => {
    const compare = vi.mocked(crypto.timingSafeEqual);
    compare.mockClear();
    expect((await authenticate(db, token)).ok).toBe(true);

    const forged = `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`;
    expect(await authenticate(db, forged)).toEqual({ ok: false, reason: 'rejected' });

    // Both sides the same fixed length whatever was sent: a digest, not the token itself.
    const onDigests = compare.mock.calls.filter(([a, b]) => (a as Buffer).length === 32 && (b as Buffer).length === 32).length;
    recordFigures([{ item: '6', name: 'access control · token checks not made by timingSafeEqual on digests', value: 2 - onDigests, atMost: 0 }]);
    expect(compare).toHaveBeenCalledTimes(2);
    expect(onDigests).toBe(2);
  });
});
