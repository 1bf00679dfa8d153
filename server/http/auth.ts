import type { Kysely } from 'kysely';
import { createMiddleware } from 'hono/factory';
import type { Role } from '../../lib/schema/api';
import type { Database } from '../db/schema';
import { authenticate, type Principal } from '../store/tokens';
import { ApiProblem } from './api-problem';

export type AuthEnv = { Variables: { principal: Principal } };

const BEARER = /^Bearer[ ]+(\S+)[ ]*$/i;

/** Requires `Authorization: Bearer <token>` naming a live token; 401 otherwise. */
export function requireToken(db: Kysely<Database>) {
  return createMiddleware<AuthEnv>(async (c, next) => {
    const header = c.req.header('Authorization');
    if (!header) throw unauthorized(c, 'missing_token', 'send the access token as "Authorization: Bearer <token>"');
    const token = BEARER.exec(header)?.[1];
    if (!token) throw unauthorized(c, 'malformed_token', 'the Authorization header must read "Bearer <token>"');
    const result = await authenticate(db, token);
    if (!result.ok) {
      throw result.reason === 'malformed'
        ? unauthorized(c, 'malformed_token', 'that is not a Quiver access token (they start with "qv_")')
        : unauthorized(c, 'token_rejected', 'token rejected: it is unknown or has been revoked');
    }
    c.set('principal', result.principal);
    await next();
  });
}

/** Requires one of the roles; 403 (the token is fine, the user may not do this). */
export function requireRole(...roles: Role[]) {
  return createMiddleware<AuthEnv>(async (c, next) => {
    const { role } = c.get('principal');
    if (!roles.includes(role)) {
      throw new ApiProblem(403, 'forbidden', `this needs the ${roles.join(' or ')} role; your token's role is ${role}`);
    }
    await next();
  });
}

function unauthorized(c: { header: (name: string, value: string) => void }, code: string, message: string): ApiProblem {
  c.header('WWW-Authenticate', 'Bearer realm="quiver"');
  return new ApiProblem(401, code, message);
}
