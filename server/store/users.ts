import { randomUUID } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import type { Role } from '../../lib/schema/api';
import type { Database, UserTable } from '../db/schema';
import { nowIso } from './clock';

export type User = Selectable<UserTable>;

const EMAIL = /^[^\s@]+@[^\s@]+$/;

/** Emails are compared as lowercase: `Maria@Example.com` and `maria@example.com` are one rep. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export function emailProblem(email: string): string | undefined {
  if (email.length > 320) return 'must be at most 320 characters';
  if (!EMAIL.test(email)) return 'must be an email address, e.g. maria@example.com';
  return undefined;
}

export interface EnsuredUser {
  user: User;
  created: boolean;
  /** The role the user had before, when this call changed it. */
  previousRole?: string;
}

/** The org's user with this email, created if needed; the role given becomes the user's role. */
export async function ensureUser(db: Kysely<Database>, orgId: string, email: string, role: Role): Promise<EnsuredUser> {
  const normalised = normaliseEmail(email);
  const problem = emailProblem(normalised);
  if (problem) throw new Error(`user "${email}": ${problem}`);
  const existing = await db.selectFrom('users').selectAll().where('org_id', '=', orgId).where('email', '=', normalised).executeTakeFirst();
  if (existing) {
    if (existing.role === role) return { user: existing, created: false };
    await db.updateTable('users').set({ role }).where('id', '=', existing.id).execute();
    return { user: { ...existing, role }, created: false, previousRole: existing.role };
  }
  const user: User = { id: randomUUID(), org_id: orgId, email: normalised, role, created_at: nowIso() };
  await db.insertInto('users').values(user).execute();
  return { user, created: true };
}
