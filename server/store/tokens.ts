import type { Kysely } from 'kysely';
import { roleSchema, type Role } from '../../lib/schema/api';
import { accessTokenId, generateAccessToken, tokenMatchesHash } from '../access-token';
import type { Database } from '../db/schema';
import { nowIso } from './clock';
import { ensureOrg } from './orgs';
import { ensureUser, normaliseEmail } from './users';

/** Who a request is made by, as its access token says. */
export interface Principal {
  userId: string;
  email: string;
  role: Role;
  orgId: string;
  orgSlug: string;
}

export type Authentication = { ok: true; principal: Principal } | { ok: false; reason: 'malformed' | 'rejected' };

export async function authenticate(db: Kysely<Database>, token: string): Promise<Authentication> {
  const id = accessTokenId(token);
  if (!id) return { ok: false, reason: 'malformed' };
  const row = await db
    .selectFrom('access_tokens as t')
    .innerJoin('users as u', 'u.id', 't.user_id')
    .innerJoin('orgs as o', 'o.id', 'u.org_id')
    .select(['t.hash', 't.revoked_at', 'u.id as userId', 'u.email', 'u.role', 'o.id as orgId', 'o.slug as orgSlug'])
    .where('t.id', '=', id)
    .executeTakeFirst();
  if (!row || row.revoked_at !== null || !tokenMatchesHash(token, row.hash)) return { ok: false, reason: 'rejected' };
  const role = roleSchema.safeParse(row.role);
  if (!role.success) return { ok: false, reason: 'rejected' };
  return {
    ok: true,
    principal: { userId: row.userId, email: row.email, role: role.data, orgId: row.orgId, orgSlug: row.orgSlug },
  };
}

export interface CreatedToken {
  /** Shown once; only its hash is stored. */
  token: string;
  tokenId: string;
  email: string;
  role: Role;
  orgSlug: string;
  createdOrg: boolean;
  createdUser: boolean;
  previousRole?: string;
}

/** Creates the org and user if needed, then a new token for the user. */
export async function createAccessToken(db: Kysely<Database>, request: { orgSlug: string; email: string; role: Role }): Promise<CreatedToken> {
  return db.transaction().execute(async (trx) => {
    const { org, created: createdOrg } = await ensureOrg(trx, request.orgSlug);
    const { user, created: createdUser, previousRole } = await ensureUser(trx, org.id, request.email, request.role);
    const fresh = generateAccessToken();
    await trx.insertInto('access_tokens').values({ id: fresh.id, user_id: user.id, hash: fresh.hash, created_at: nowIso(), revoked_at: null }).execute();
    return {
      token: fresh.token,
      tokenId: fresh.id,
      email: user.email,
      role: request.role,
      orgSlug: org.slug,
      createdOrg,
      createdUser,
      ...(previousRole ? { previousRole } : {}),
    };
  });
}

/** Revokes one token, given as the whole token or its public id. Returns whether one was revoked. */
export async function revokeToken(db: Kysely<Database>, tokenOrId: string): Promise<boolean> {
  const id = accessTokenId(tokenOrId) ?? tokenOrId;
  const result = await db.updateTable('access_tokens').set({ revoked_at: nowIso() }).where('id', '=', id).where('revoked_at', 'is', null).executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Revokes every live token of a user; returns how many. */
export async function revokeUserTokens(db: Kysely<Database>, orgSlug: string, email: string): Promise<number> {
  const users = db
    .selectFrom('users as u')
    .innerJoin('orgs as o', 'o.id', 'u.org_id')
    .select('u.id')
    .where('o.slug', '=', orgSlug)
    .where('u.email', '=', normaliseEmail(email));
  const result = await db
    .updateTable('access_tokens')
    .set({ revoked_at: nowIso() })
    .where('user_id', 'in', users)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export interface TokenListing {
  tokenId: string;
  email: string;
  role: string;
  orgSlug: string;
  createdAt: string;
  revokedAt: string | null;
}

export async function listTokens(db: Kysely<Database>, orgSlug?: string): Promise<TokenListing[]> {
  let query = db
    .selectFrom('access_tokens as t')
    .innerJoin('users as u', 'u.id', 't.user_id')
    .innerJoin('orgs as o', 'o.id', 'u.org_id')
    .select(['t.id as tokenId', 'u.email', 'u.role', 'o.slug as orgSlug', 't.created_at as createdAt', 't.revoked_at as revokedAt'])
    .orderBy('o.slug')
    .orderBy('u.email')
    .orderBy('t.created_at');
  if (orgSlug) query = query.where('o.slug', '=', orgSlug);
  return query.execute();
}
