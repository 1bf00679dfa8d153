import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { roleSchema, type Role } from '../lib/schema/api';
import type { Database } from './db/schema';
import { authenticate, createAccessToken } from './store/tokens';

/*
 * `npm start` hands out a rep and a manager token for the demo org. They are kept in plain
 * text next to the database (data/, gitignored) so a later start can show them again: demo
 * credentials for one machine, never how a real team's tokens are handed out.
 */

const demoTokenSchema = z.object({ email: z.string(), role: roleSchema, token: z.string() });
export type DemoToken = z.infer<typeof demoTokenSchema>;

const fileSchema = z.object({ org: z.string(), tokens: z.array(demoTokenSchema) });

export const DEMO_USERS: readonly { email: string; role: Role }[] = [
  { email: 'rep@example.com', role: 'rep' },
  { email: 'manager@example.com', role: 'manager' },
];

/**
 * The demo tokens stored in `file` that still work for `orgSlug`, topped up with new ones
 * for any demo user that has none (the file is then rewritten).
 */
export async function ensureDemoTokens(db: Kysely<Database>, orgSlug: string, file: string): Promise<DemoToken[]> {
  const stored = await readStored(file, orgSlug);
  const tokens: DemoToken[] = [];
  let changed = false;
  for (const user of DEMO_USERS) {
    const kept = stored.find((t) => t.email === user.email && t.role === user.role);
    if (kept && (await stillValid(db, kept, orgSlug))) {
      tokens.push(kept);
      continue;
    }
    const created = await createAccessToken(db, { orgSlug, email: user.email, role: user.role });
    tokens.push({ email: created.email, role: created.role, token: created.token });
    changed = true;
  }
  if (changed) {
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, `${JSON.stringify({ note: 'Demo credentials made by npm start, for this machine only.', org: orgSlug, tokens }, null, 2)}\n`, {
      mode: 0o600,
    });
    await chmod(file, 0o600);
  }
  return tokens;
}

async function readStored(file: string, orgSlug: string): Promise<DemoToken[]> {
  try {
    const parsed = fileSchema.safeParse(JSON.parse(await readFile(file, 'utf8')));
    return parsed.success && parsed.data.org === orgSlug ? parsed.data.tokens : [];
  } catch {
    return [];
  }
}

async function stillValid(db: Kysely<Database>, token: DemoToken, orgSlug: string): Promise<boolean> {
  const result = await authenticate(db, token.token);
  return result.ok && result.principal.orgSlug === orgSlug && result.principal.role === token.role;
}
