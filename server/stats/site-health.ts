import { sql, type Kysely } from 'kysely';
import { shapeSiteHealth, siteHealthWindows, type SiteHealthGroup, type SiteHealthWindow } from '../../lib/kpi/site-health';
import type { PageKind, Site } from '../../lib/schema/page-context';
import type { SiteHealthQuery, SiteHealthReport } from '../../lib/schema/site-health';
import type { Database } from '../db/schema';

/*
 * GET /api/v1/site-health and `quiver site-health`: the site-health checks of one org counted
 * in SQL, the same statements on SQLite and PostgreSQL (plain sums of 0/1 flags), then shaped
 * by lib/kpi/site-health.ts, which also counts them in memory for the parity test.
 */

const n = (v: unknown): number => Number(v ?? 0);

export async function siteHealthReport(db: Kysely<Database>, orgId: string, query: SiteHealthQuery): Promise<SiteHealthReport> {
  const isPage = sql<number>`case when check_kind = 'page' then 1 else 0 end`;
  const groupRows = await db
    .selectFrom('site_health_events')
    .select([
      'day',
      'site',
      'page_kind',
      'version',
      sql<number>`sum(${isPage})`.as('pages'),
      sql<number>`sum(case when check_kind = 'page' then context_failed else 0 end)`.as('context_failed'),
      sql<number>`sum(case when check_kind = 'page' then editor_expected else 0 end)`.as('editor_pages'),
      sql<number>`sum(case when check_kind = 'page' then editor_failed else 0 end)`.as('editor_failed'),
      sql<number>`sum(case when check_kind = 'page' and (context_failed = 1 or editor_failed = 1) then 1 else 0 end)`.as('failed_pages'),
      sql<number>`sum(case when check_kind = 'insert' then insert_failed else 0 end)`.as('insert_failures'),
    ])
    .where('org_id', '=', orgId)
    .where('day', '>=', query.from)
    .where('day', '<=', query.to)
    .groupBy(['day', 'site', 'page_kind', 'version'])
    .execute();

  const { previousFrom, currentFrom, to } = siteHealthWindows(query.to);
  // A literal, not a parameter: PostgreSQL matches the select and GROUP BY expressions by
  // their text, and two parameters are two texts. The day is a validated YYYY-MM-DD.
  const window = sql<'previous' | 'current'>`case when day >= ${sql.lit(currentFrom)} then 'current' else 'previous' end`;
  const windowRows = await db
    .selectFrom('site_health_events')
    .select([
      'site',
      'page_kind',
      window.as('window'),
      sql<number>`count(*)`.as('pages'),
      sql<number>`sum(case when context_failed = 1 or editor_failed = 1 then 0 else 1 end)`.as('ok_pages'),
    ])
    .where('org_id', '=', orgId)
    .where('check_kind', '=', 'page')
    .where('day', '>=', previousFrom)
    .where('day', '<=', to)
    .groupBy(['site', 'page_kind', window])
    .execute();

  const groups: SiteHealthGroup[] = groupRows.map((r) => ({
    day: r.day,
    site: r.site as Site,
    pageKind: r.page_kind as PageKind,
    version: r.version,
    pages: n(r.pages),
    contextFailed: n(r.context_failed),
    editorPages: n(r.editor_pages),
    editorFailed: n(r.editor_failed),
    failedPages: n(r.failed_pages),
    insertFailures: n(r.insert_failures),
  }));
  const windows: SiteHealthWindow[] = windowRows.map((r) => ({
    site: r.site as Site,
    pageKind: r.page_kind as PageKind,
    window: r.window,
    pages: n(r.pages),
    okPages: n(r.ok_pages),
  }));
  return shapeSiteHealth(query, groups, windows);
}
