import { stat } from 'node:fs/promises';
import type { Kysely } from 'kysely';
import type { ContentItem } from '../lib/schema/content';
import { readContentDir, type ContentDir } from './content-dir';
import type { Database } from './db/schema';
import { importLibrary, type ImportSummary } from './store/library';
import { ensureOrg } from './store/orgs';

/** Reads and validates a folder of content files; a missing folder is an error, an empty one is not. */
export async function readLibraryFolder(dir: string): Promise<ContentDir> {
  const info = await stat(dir).catch(() => undefined);
  if (!info?.isDirectory()) throw new Error(`${dir}: no such folder`);
  return readContentDir(dir);
}

/** Makes the org's library exactly `items` (see importLibrary); creates the org if needed. */
export async function importIntoOrg(
  db: Kysely<Database>,
  orgSlug: string,
  items: readonly ContentItem[],
): Promise<{ summary: ImportSummary; createdOrg: boolean }> {
  const { org, created } = await ensureOrg(db, orgSlug);
  return { summary: await importLibrary(db, org.id, items), createdOrg: created };
}

/** `3 added, 1 updated, 80 unchanged, 0 deleted` */
export function describeImport(summary: ImportSummary): string {
  return `${summary.added.length} added, ${summary.updated.length} updated, ${summary.unchanged} unchanged, ${summary.deleted.length} deleted`;
}
