import { mkdir, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Kysely } from 'kysely';
import { contentItemSchema } from '../lib/schema/content';
import { serializeContentFile, zodProblems, type ContentFileProblem } from '../lib/schema/content-file';
import type { Database } from './db/schema';
import { liveItems } from './store/library';
import { findOrg } from './store/orgs';

export interface LibraryExport {
  written: number;
  /** Stored items that are not valid content items (only possible if the database was edited by hand). */
  problems: ContentFileProblem[];
  /** Content files already in the folder that are not in the library: importing the folder would bring them back. */
  strayFiles: string[];
}

/** Writes the org's library as content files, one `<id>.md` per item, into `dir` (created if absent). */
export async function exportLibrary(db: Kysely<Database>, orgSlug: string, dir: string): Promise<LibraryExport> {
  const org = await findOrg(db, orgSlug);
  if (!org) throw new Error(`there is no org "${orgSlug}" in this database`);
  await mkdir(dir, { recursive: true });
  const problems: ContentFileProblem[] = [];
  const names = new Set<string>();
  for (const row of await liveItems(db, org.id)) {
    const file = `${row.id}.md`;
    let stored: unknown;
    try {
      stored = JSON.parse(row.item);
    } catch {
      problems.push({ file, field: 'front matter', message: 'the stored item is not JSON' });
      continue;
    }
    const parsed = contentItemSchema.safeParse(stored);
    if (!parsed.success) {
      problems.push(...zodProblems(file, parsed.error));
      continue;
    }
    await writeFile(path.join(dir, file), serializeContentFile(parsed.data), 'utf8');
    names.add(file);
  }
  const strayFiles = (await readdir(dir)).filter((name) => name.endsWith('.md') && name.toLowerCase() !== 'readme.md' && !names.has(name)).sort();
  return { written: names.size, problems, strayFiles };
}
