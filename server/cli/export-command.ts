import path from 'node:path';
import { formatProblem } from '../../lib/schema/content-file';
import { chooseDb, DB_ENV } from '../db/db-target';
import { openDatabase } from '../db/open-database';
import { exportLibrary } from '../library-export';
import { orgSlugProblem } from '../store/orgs';
import { CommandFailed, DEFAULTS, UsageError, type CliIo } from './cli-io';
import type { Command } from './command';
import { parseOptions } from './parse-options';

export const exportCommand: Command = {
  name: 'export',
  summary: 'write the library out as content files',
  usage: `Usage: quiver export <dir> [--db ${DEFAULTS.db}] [--org ${DEFAULTS.org}]

Writes the org's library into <dir> (created if absent) in the content file format, one
<id>.md per item, overwriting files of the same name. Importing that folder gives the same
library back.

  --db    SQLite database file or postgres:// URL (${DB_ENV} when not given)  default ${DEFAULTS.db}
  --org   org slug              default ${DEFAULTS.org}`,
  async run(args: string[], io: CliIo) {
    const { values, positionals } = parseOptions(args, { db: { type: 'string' }, org: { type: 'string' } });
    const [dir, ...extra] = positionals;
    if (!dir) throw new UsageError('name the folder to export to, e.g. quiver export ./library');
    if (extra.length > 0) throw new UsageError(`unexpected argument "${extra[0]}"`);
    const orgSlug = values.org ?? DEFAULTS.org;
    const orgIssue = orgSlugProblem(orgSlug);
    if (orgIssue) throw new UsageError(`--org ${orgIssue}`);

    const db = await openDatabase(chooseDb(values.db, DEFAULTS.db));
    try {
      const result = await exportLibrary(db, orgSlug, dir).catch((error: unknown) => {
        throw new CommandFailed(error instanceof Error ? error.message : String(error));
      });
      for (const stray of result.strayFiles) {
        io.err(`warning: ${path.join(dir, stray)} is not in the library; importing ${dir} would add it back`);
      }
      for (const problem of result.problems) io.err(formatProblem(problem));
      io.out(`Exported ${result.written} item(s) of org "${orgSlug}" to ${dir}.`);
      if (result.problems.length > 0) {
        throw new CommandFailed(`${result.problems.length} problem(s): those items were not written`);
      }
      return 0;
    } finally {
      await db.destroy();
    }
  },
};
