import { randomBytes, randomUUID } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import { orgSettingsSchema, type OrgSettings } from '../../lib/schema/api';
import type { Database, OrgTable } from '../db/schema';
import { nowIso } from './clock';

export type Org = Selectable<OrgTable>;

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Why an org slug is unusable, or undefined when it is fine. */
export function orgSlugProblem(slug: string): string | undefined {
  if (slug.length === 0 || slug.length > 60) return 'must be 1-60 characters';
  if (!SLUG.test(slug)) return 'must be lowercase letters, digits and single hyphens, e.g. "acme"';
  return undefined;
}

export async function findOrg(db: Kysely<Database>, slug: string): Promise<Org | undefined> {
  return db.selectFrom('orgs').selectAll().where('slug', '=', slug).executeTakeFirst();
}

/** The org with this slug, created (with an empty library) if it does not exist yet. */
export async function ensureOrg(db: Kysely<Database>, slug: string): Promise<{ org: Org; created: boolean }> {
  const problem = orgSlugProblem(slug);
  if (problem) throw new Error(`org "${slug}": ${problem}`);
  const inserted = await db
    .insertInto('orgs')
    .values({
      id: randomUUID(),
      slug,
      library_seq: 0,
      library_epoch: randomBytes(4).toString('hex'),
      settings: '{}',
      created_at: nowIso(),
    })
    .onConflict((oc) => oc.column('slug').doNothing())
    .executeTakeFirst();
  const org = await findOrg(db, slug);
  if (!org) throw new Error(`org "${slug}" could not be created`);
  return { org, created: Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0 };
}

/** The org's settings as stored; a row written by a newer server that does not parse reads as none. */
export function orgSettings(org: Pick<Org, 'settings'>): OrgSettings {
  try {
    const parsed = orgSettingsSchema.safeParse(JSON.parse(org.settings));
    return parsed.success ? parsed.data : {};
  } catch {
    return {};
  }
}

/** Replaces the org's settings; clients get them with their next library page. */
export async function setOrgSettings(db: Kysely<Database>, orgId: string, settings: OrgSettings): Promise<void> {
  const valid = orgSettingsSchema.parse(settings);
  await db
    .updateTable('orgs')
    .set({ settings: JSON.stringify(valid) })
    .where('id', '=', orgId)
    .execute();
}
