import { formatProblem } from '../../lib/schema/content-file';
import { chooseDb, DB_ENV } from '../db/db-target';
import { openDatabase } from '../db/open-database';
import { describeImport, importIntoOrg, readLibraryFolder } from '../library-import';
import { findOrg, orgSlugProblem } from '../store/orgs';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { CommandFailed, DEFAULTS, UsageError, type CliIo } from './cli-io';
import type { Command } from './command';
import { parseOptions } from './parse-options';

/** Ids are listed one per line up to this many per kind of change; beyond, only counts. */
const LIST_AT_MOST = 50;

export const importCommand: Command = {
  name: 'import',
  summary: 'validate a folder of content files and make it the library',
  usage: `Usage: quiver import <dir> [--db ${DEFAULTS.db}] [--org ${DEFAULTS.org}]

Validates every content file (*.md) in <dir>. If any is invalid, prints each problem as
"file: field: message", imports nothing and exits with status 1. Otherwise makes the org's
library exactly the folder's content in one transaction: new and changed items get a new
version, unchanged ones are left alone, and items no longer in the folder are deleted.

  --db           SQLite database file (created if absent) or  default ${DEFAULTS.db}
                 a postgres:// URL; ${DB_ENV} sets it when not given
  --org          org slug (created if absent)              default ${DEFAULTS.org}
  --allow-empty  import a folder with no content files even though that deletes
                 every item of the org's library`,
  async run(args: string[], io: CliIo) {
    const { values, positionals } = parseOptions(args, {
      db: { type: 'string' },
      org: { type: 'string' },
      'allow-empty': { type: 'boolean' },
    });
    const [dir, ...extra] = positionals;
    if (!dir) throw new UsageError('name the folder to import, e.g. quiver import content');
    if (extra.length > 0) throw new UsageError(`unexpected argument "${extra[0]}"`);
    const orgSlug = values.org ?? DEFAULTS.org;
    const orgIssue = orgSlugProblem(orgSlug);
    if (orgIssue) throw new UsageError(`--org ${orgIssue}`);

    const folder = await readLibraryFolder(dir).catch((error: unknown) => {
      throw new CommandFailed(error instanceof Error ? error.message : String(error));
    });
    if (folder.problems.length > 0) {
      for (const problem of folder.problems) io.err(formatProblem(problem));
      const files = new Set(folder.problems.map((p) => p.file)).size;
      throw new CommandFailed(`${folder.problems.length} problem(s) in ${files} of ${folder.files} file(s); nothing was imported`);
    }

    // Opened only now: a folder with problems leaves the database as it was, or absent.
    const db = await openDatabase(chooseDb(values.db, DEFAULTS.db));
    try {
      if (folder.items.length === 0 && !values['allow-empty']) {
        // A wrong path (an empty checkout, a typo'd subfolder) must not wipe the team's library.
        const live = await countLibrary(db, orgSlug);
        if (live > 0) {
          throw new CommandFailed(
            `${dir} has no content files; importing it would delete all ${live} items of org "${orgSlug}". ` +
              'Nothing was imported. Pass --allow-empty if that is what you want.',
          );
        }
      }
      const result = await importIntoOrg(db, orgSlug, folder.items);
      const { summary } = result;
      if (result.createdOrg) io.err(`Created org "${orgSlug}".`);
      for (const [mark, ids] of [
        ['+', summary.added],
        ['~', summary.updated],
        ['-', summary.deleted],
      ] as const) {
        for (const id of ids.slice(0, LIST_AT_MOST)) io.out(`  ${mark} ${id}`);
        if (ids.length > LIST_AT_MOST) io.out(`  ${mark} … and ${ids.length - LIST_AT_MOST} more`);
      }
      io.out(`Imported ${dir} into org "${orgSlug}": ${describeImport(summary)}.`);
      return 0;
    } finally {
      await db.destroy();
    }
  },
};

/** Items of the org's library that are not deleted; 0 when the org does not exist yet. */
async function countLibrary(db: Kysely<Database>, orgSlug: string): Promise<number> {
  const org = await findOrg(db, orgSlug);
  if (!org) return 0;
  const row = await db
    .selectFrom('content_items')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('org_id', '=', org.id)
    .where('deleted_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
