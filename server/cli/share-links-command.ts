import { chooseDb, DB_ENV } from '../db/db-target';
import { openDatabase } from '../db/open-database';
import { findOrg, orgSettings, orgSlugProblem, setOrgSettings } from '../store/orgs';
import { CommandFailed, DEFAULTS, UsageError, type CliIo } from './cli-io';
import type { Command } from './command';
import { parseOptions } from './parse-options';

/** An admin's org-wide switch for share links. Per item: `shareable: false` in its file. */
export const shareLinksCommand: Command = {
  name: 'share-links',
  summary: 'turn share links on or off for an org',
  usage: `Usage: quiver share-links on|off|status [--org ${DEFAULTS.org}] [--db ${DEFAULTS.db}]

Turns share links on or off for the whole org. Off: reps get no Share link button (after
their next sync), the server refuses new links, and existing links answer 410. To keep one
item from being shared, write "shareable: false" in its content file and import it.

  --db    SQLite database file or postgres:// URL (${DB_ENV} when not given)  default ${DEFAULTS.db}
  --org   org slug              default ${DEFAULTS.org}`,
  async run(args: string[], io: CliIo) {
    const { values, positionals } = parseOptions(args, { db: { type: 'string' }, org: { type: 'string' } });
    const [what, ...extra] = positionals;
    if (what !== 'on' && what !== 'off' && what !== 'status') throw new UsageError('say on, off or status');
    if (extra.length > 0) throw new UsageError(`unexpected argument "${extra[0]}"`);
    const orgSlug = values.org ?? DEFAULTS.org;
    const orgIssue = orgSlugProblem(orgSlug);
    if (orgIssue) throw new UsageError(`--org ${orgIssue}`);
    const db = await openDatabase(chooseDb(values.db, DEFAULTS.db));
    try {
      const org = await findOrg(db, orgSlug);
      if (!org) throw new CommandFailed(`there is no org "${orgSlug}"`);
      const settings = orgSettings(org);
      if (what !== 'status') {
        const { shareLinks: _previous, ...rest } = settings;
        await setOrgSettings(db, org.id, what === 'off' ? { ...rest, shareLinks: false } : rest);
      }
      const on = what === 'status' ? settings.shareLinks !== false : what === 'on';
      io.out(`Share links are ${on ? 'on' : 'off'} for org "${orgSlug}".`);
      return 0;
    } finally {
      await db.destroy();
    }
  },
};
