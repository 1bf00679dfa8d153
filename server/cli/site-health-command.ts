import { parseSiteHealthParams, siteHealthProblem, type SiteHealthReport } from '../../lib/schema/site-health';
import { chooseDb, DB_ENV } from '../db/db-target';
import { openDatabase } from '../db/open-database';
import { findOrg, orgSlugProblem } from '../store/orgs';
import { siteHealthReport } from '../stats/site-health';
import { CommandFailed, DEFAULTS, UsageError, type CliIo } from './cli-io';
import type { Command } from './command';
import { parseOptions } from './parse-options';

export const siteHealthCommand: Command = {
  name: 'site-health',
  summary: 'print how well the site adapters read pages, per site, page kind, version and day',
  usage: `Usage: quiver site-health [--from <day>] [--to <day>] [--org ${DEFAULTS.org}] [--db ${DEFAULTS.db}]

Prints, per UTC day, site, page kind and extension version: pages seen, the share where the
page's context was found, the share of open composes where the message box was found, and
Inserts that failed; then every site and page kind whose success rate over the last 7 days
dropped against the 7 days before. The same figures as GET /api/v1/site-health.

  --from  first UTC day, YYYY-MM-DD  default 29 days before --to
  --to    last UTC day, YYYY-MM-DD   default today
  --org   org slug                   default ${DEFAULTS.org}
  --db    SQLite database file or postgres:// URL (${DB_ENV} when not given)  default ${DEFAULTS.db}`,
  async run(args: string[], io: CliIo) {
    const { values, positionals } = parseOptions(args, {
      from: { type: 'string' },
      to: { type: 'string' },
      org: { type: 'string' },
      db: { type: 'string' },
    });
    if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`);
    const query = parseSiteHealthParams({ from: values.from, to: values.to }, new Date().toISOString().slice(0, 10));
    if (!query.success) throw new UsageError(`--${siteHealthProblem(query.error.issues, { from: values.from, to: values.to })}`);
    const orgSlug = values.org ?? DEFAULTS.org;
    const orgIssue = orgSlugProblem(orgSlug);
    if (orgIssue) throw new UsageError(`--org ${orgIssue}`);

    const db = await openDatabase(chooseDb(values.db, DEFAULTS.db));
    try {
      const org = await findOrg(db, orgSlug);
      if (!org) throw new CommandFailed(`no org "${orgSlug}" in this database`);
      const report = await siteHealthReport(db, org.id, query.data);
      for (const line of siteHealthLines(report)) io.out(line);
      return 0;
    } finally {
      await db.destroy();
    }
  },
};

const pct = (v: number | null) => (v === null ? '—' : `${v.toFixed(1)}%`);

/** The report as aligned text columns, then the drops. */
export function siteHealthLines(report: SiteHealthReport): string[] {
  const lines = [`Site health ${report.from} to ${report.to}`];
  if (report.rows.length === 0) return [...lines, 'No site-health checks in this range.'];
  const header = ['Day', 'Site', 'Page kind', 'Version', 'Pages', 'Context found', 'Editor found', 'Insert failures'];
  const table = report.rows.map((r) => [
    r.day,
    r.site,
    r.pageKind,
    r.version,
    String(r.pages),
    pct(r.contextFound),
    r.editorPages === 0 ? '—' : `${pct(r.editorFound)} of ${r.editorPages}`,
    String(r.insertFailures),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...table.map((row) => row[i]!.length)));
  const numeric = (i: number) => i >= 4;
  const format = (row: string[]) =>
    row
      .map((cell, i) => (numeric(i) ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  lines.push(format(header), ...table.map(format));
  for (const d of report.drops) {
    lines.push(
      `DROPPED ${d.site} ${d.pageKind}: ${d.currentRate.toFixed(1)}% of ${d.currentPages} page(s) read in full in the last 7 days, against ${d.previousRate.toFixed(1)}% of ${d.previousPages} the 7 days before`,
    );
  }
  return lines;
}
