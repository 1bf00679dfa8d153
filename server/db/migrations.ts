import { sql, type CreateTableBuilder, type Migration, type MigrationProvider } from 'kysely';
import type { UntypedDb } from './schema';
import { stageFilterKey } from '../../lib/kpi/content-gaps';

/*
 * Versioned schema migrations, in code so the server ships as one folder. Append only: a
 * migration that has run somewhere is never edited; add the next one instead. SQLite and
 * PostgreSQL run the same migrations: the schema builder, and plain SQL both understand
 * (text, integer, partial indexes, `insert … select`); anything else would go through
 * server/db/sql-dialect.ts. On PostgreSQL each migration runs in a transaction, and instances
 * starting together take turns (server/db/open-database.ts).
 *
 * Adding a table: append `'000N_what'` below with its createTable and indexes, add the row
 * type to server/db/schema.ts, and nothing else: the server, the tests on both databases and
 * /readyz (which wants every migration listed here applied) pick it up.
 */
const migrations: Record<string, Migration> = {
  '0001_initial': {
    async up(db: UntypedDb) {
      await db.schema
        .createTable('orgs')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('slug', 'text', (c) => c.notNull().unique())
        .addColumn('library_seq', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('library_epoch', 'text', (c) => c.notNull())
        .addColumn('settings', 'text', (c) => c.notNull().defaultTo('{}'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('users')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
        .addColumn('email', 'text', (c) => c.notNull())
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addUniqueConstraint('users_org_email', ['org_id', 'email'])
        .execute();

      await db.schema
        .createTable('access_tokens')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
        .addColumn('hash', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('revoked_at', 'text')
        .execute();
      await db.schema.createIndex('access_tokens_user').on('access_tokens').column('user_id').execute();

      await db.schema
        .createTable('content_items')
        .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
        .addColumn('id', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('seq', 'integer', (c) => c.notNull())
        .addColumn('type', 'text', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('owner', 'text', (c) => c.notNull())
        .addColumn('shortcut', 'text')
        .addColumn('review_by', 'text')
        .addColumn('expires', 'text')
        .addColumn('item', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('deleted_at', 'text')
        .addPrimaryKeyConstraint('content_items_pk', ['org_id', 'id'])
        .execute();
      // The delta query: what changed in this org after sequence number N.
      await db.schema.createIndex('content_items_org_seq').on('content_items').columns(['org_id', 'seq']).execute();

      await db.schema
        .createTable('usage_events')
        .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
        .addColumn('id', 'text', (c) => c.notNull())
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('at', 'text', (c) => c.notNull())
        .addColumn('content_id', 'text')
        .addColumn('content_type', 'text')
        .addColumn('stage', 'text')
        .addColumn('site', 'text')
        .addColumn('page_kind', 'text')
        .addColumn('query', 'text')
        .addColumn('result_count', 'integer')
        .addColumn('time_to_content_ms', 'integer')
        .addColumn('stale', 'integer')
        .addColumn('payload', 'text', (c) => c.notNull())
        .addColumn('received_at', 'text', (c) => c.notNull())
        // Idempotent ingestion: a re-sent event hits this key and is counted once.
        .addPrimaryKeyConstraint('usage_events_pk', ['org_id', 'id'])
        .execute();
      // KPIs read an org's events over a date range, often by kind.
      await db.schema.createIndex('usage_events_org_at').on('usage_events').columns(['org_id', 'at']).execute();
      await db.schema.createIndex('usage_events_org_kind_at').on('usage_events').columns(['org_id', 'kind', 'at']).execute();
    },
  },
  '0002_usage_events_stats_covering': {
    async up(db: UntypedDb) {
      // Every column a stats query reads, after the range key: GET /api/v1/stats scans an
      // org's range of events a dozen times, and from this index alone it never touches the
      // table rows, whose payload JSON makes them large. It makes (org_id, at) redundant, and
      // dropping that keeps ingestion maintaining the same number of indexes.
      await db.schema
        .createIndex('usage_events_stats')
        .on('usage_events')
        .columns(['org_id', 'at', 'kind', 'user_id', 'content_id', 'content_type', 'stage', 'site', 'time_to_content_ms', 'stale'])
        .execute();
      await db.schema.dropIndex('usage_events_org_at').execute();
    },
  },
  '0003_usage_rollups': {
    async up(db: UntypedDb) {
      // The stage filter of a search with no results, as the content gaps list groups it, kept
      // in a column at ingest rather than read from the payload JSON at every stats query.
      await db.schema.alterTable('usage_events').addColumn('stage_filter', 'text').execute();
      for (;;) {
        const rows = await db
          .selectFrom('usage_events')
          .select(['org_id', 'id', 'payload'])
          .where('kind', '=', 'search_no_results')
          .where('stage_filter', 'is', null)
          .limit(1000)
          .execute();
        if (rows.length === 0) break;
        for (const row of rows) {
          const filters = (JSON.parse(row.payload) as { filters?: { stages?: string[]; types?: string[] } }).filters;
          await db
            .updateTable('usage_events')
            .set({ stage_filter: stageFilterKey(filters as never) })
            .where('org_id', '=', row.org_id)
            .where('id', '=', row.id)
            .execute();
        }
      }

      // A rep's events over a range: every figure when the stats name one rep.
      await db.schema.createIndex('usage_events_org_user_at').on('usage_events').columns(['org_id', 'user_id', 'at']).execute();
      // Time to content reads only timed uses: a partial index holding just what it needs.
      await db.schema
        .createIndex('usage_events_timed')
        .on('usage_events')
        .columns(['org_id', 'at', 'time_to_content_ms', 'stage', 'site', 'content_type', 'user_id'])
        .where(sql.ref('time_to_content_ms'), 'is not', null)
        .where(sql<boolean>`kind in ('insert', 'copy', 'copy_link', 'expand_shortcut')`)
        .execute();
      // Content gaps read only searches that found nothing.
      await db.schema
        .createIndex('usage_events_gaps')
        .on('usage_events')
        .columns(['org_id', 'at', 'query', 'stage_filter', 'stage', 'site', 'user_id'])
        .where(sql.ref('kind'), '=', 'search_no_results')
        .execute();

      // Daily roll-ups, kept by ingestion in the transaction that stores the events, so they
      // always count exactly the stored events. Keys hold '' rather than null (a primary key
      // cannot be null), read back as null.
      const counters = (table: CreateTableBuilder<string, string>, names: readonly string[]) =>
        names.reduce((t, name) => t.addColumn(name, 'integer', (c) => c.notNull().defaultTo(0)), table);
      const ACTIVITY = ['events', 'inserts', 'copies', 'opens', 'previews', 'uses', 'searches', 'no_result_searches', 'stale_uses'] as const;
      const USAGE = ['inserts', 'copies', 'opens', 'previews', 'uses', 'stale_uses'] as const;

      // Per day and the three filter dimensions without a rep: totals, trend, by stage, type, site.
      await counters(
        db.schema
          .createTable('usage_daily')
          .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
          .addColumn('day', 'text', (c) => c.notNull())
          .addColumn('stage', 'text', (c) => c.notNull())
          .addColumn('site', 'text', (c) => c.notNull())
          .addColumn('content_type', 'text', (c) => c.notNull()),
        ACTIVITY,
      )
        .addPrimaryKeyConstraint('usage_daily_pk', ['org_id', 'day', 'stage', 'site', 'content_type'])
        .execute();
      // Per day and rep: by rep and adoption.
      await counters(
        db.schema
          .createTable('usage_daily_users')
          .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
          .addColumn('day', 'text', (c) => c.notNull())
          .addColumn('user_id', 'text', (c) => c.notNull().references('users.id')),
        ACTIVITY,
      )
        .addPrimaryKeyConstraint('usage_daily_users_pk', ['org_id', 'day', 'user_id'])
        .execute();
      // Per day and content item: top content, never used, stale uses by owner.
      await counters(
        db.schema
          .createTable('usage_daily_content')
          .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
          .addColumn('day', 'text', (c) => c.notNull())
          .addColumn('content_id', 'text', (c) => c.notNull()),
        USAGE,
      )
        .addPrimaryKeyConstraint('usage_daily_content_pk', ['org_id', 'day', 'content_id'])
        .execute();

      // Existing events rolled up once, with the counting rules of lib/schema/stats.ts.
      const kinds = (list: readonly string[]) => sql.raw(list.map((k) => `'${k}'`).join(', '));
      const count = (list: readonly string[]) => sql`sum(case when kind in (${kinds(list)}) then 1 else 0 end)`;
      const USE = ['insert', 'copy', 'copy_link', 'open_asset', 'expand_shortcut'];
      const columns = {
        events: sql`count(*)`,
        inserts: count(['insert', 'expand_shortcut']),
        copies: count(['copy', 'copy_link']),
        opens: count(['open_asset']),
        previews: count(['preview']),
        uses: count(USE),
        searches: count(['search', 'search_no_results']),
        no_result_searches: count(['search_no_results']),
        stale_uses: sql`sum(case when stale = 1 and kind in (${kinds(USE)}) then 1 else 0 end)`,
      } as const;
      const select = (names: readonly (keyof typeof columns)[]) => sql.join(names.map((n) => columns[n]));
      const list = (names: readonly string[]) => sql.raw(names.join(', '));
      await sql`insert into usage_daily (org_id, day, stage, site, content_type, ${list(ACTIVITY)})
        select org_id, substr(at, 1, 10), coalesce(stage, ''), coalesce(site, ''), coalesce(content_type, ''), ${select(ACTIVITY)}
        from usage_events group by org_id, substr(at, 1, 10), coalesce(stage, ''), coalesce(site, ''), coalesce(content_type, '')`.execute(db);
      await sql`insert into usage_daily_users (org_id, day, user_id, ${list(ACTIVITY)})
        select org_id, substr(at, 1, 10), user_id, ${select(ACTIVITY)}
        from usage_events group by org_id, substr(at, 1, 10), user_id`.execute(db);
      await sql`insert into usage_daily_content (org_id, day, content_id, ${list(USAGE)})
        select org_id, substr(at, 1, 10), content_id, ${select(USAGE)}
        from usage_events where content_id is not null group by org_id, substr(at, 1, 10), content_id`.execute(db);
    },
  },
  '0004_site_health_events': {
    async up(db: UntypedDb) {
      // Site-health checks (lib/schema/site-health.ts): counted per day, site, page kind and
      // version; no time of day, no page content. Kept apart from usage events, so no usage
      // figure counts them.
      await db.schema
        .createTable('site_health_events')
        .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
        .addColumn('id', 'text', (c) => c.notNull())
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
        .addColumn('day', 'text', (c) => c.notNull())
        .addColumn('site', 'text', (c) => c.notNull())
        .addColumn('page_kind', 'text', (c) => c.notNull())
        .addColumn('version', 'text', (c) => c.notNull())
        .addColumn('browser', 'text')
        .addColumn('check_kind', 'text', (c) => c.notNull())
        .addColumn('editor_expected', 'integer', (c) => c.notNull())
        .addColumn('context_failed', 'integer', (c) => c.notNull())
        .addColumn('editor_failed', 'integer', (c) => c.notNull())
        .addColumn('insert_failed', 'integer', (c) => c.notNull())
        .addColumn('received_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('site_health_events_pk', ['org_id', 'id'])
        .execute();
      await db.schema.createIndex('site_health_events_day').on('site_health_events').columns(['org_id', 'day', 'site', 'page_kind', 'version']).execute();
    },
  },
  '0005_share_links': {
    async up(db: UntypedDb) {
      // A share link: one item, one rep, one unguessable slug. Nothing about whom it was
      // sent to: the rep's label for it stays in the browser. Stage, site and type are the
      // page context's and the item's at creation, for the engagement figures.
      await db.schema
        .createTable('share_links')
        .addColumn('slug', 'text', (c) => c.primaryKey())
        .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
        .addColumn('content_id', 'text', (c) => c.notNull())
        .addColumn('content_type', 'text', (c) => c.notNull())
        .addColumn('stage', 'text')
        .addColumn('site', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .addColumn('revoked_at', 'text')
        // Counted views only, kept with the link in the transaction that stores each view.
        .addColumn('views', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('first_opened_at', 'text')
        .addColumn('last_opened_at', 'text')
        .execute();
      // A rep's links, newest first; the engagement figures read an org's links by creation.
      await db.schema.createIndex('share_links_org_user').on('share_links').columns(['org_id', 'user_id', 'created_at']).execute();
      await db.schema.createIndex('share_links_org_created').on('share_links').columns(['org_id', 'created_at']).execute();

      // Every request for a link, counted or not: when, desktop or mobile, and why it was
      // not counted ('' when it was). No address, no user agent, no referrer.
      await db.schema
        .createTable('share_link_views')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('slug', 'text', (c) => c.notNull().references('share_links.slug').onDelete('cascade'))
        .addColumn('at', 'text', (c) => c.notNull())
        .addColumn('device', 'text', (c) => c.notNull())
        .addColumn('counted', 'integer', (c) => c.notNull())
        .addColumn('reason', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('share_link_views_slug_at').on('share_link_views').columns(['slug', 'at']).execute();

      // The public link's rate limit, shared by every instance. A key is 16 bits of a hash of
      // the address and the minute: some 65,000 IPv4 addresses share each one, so the table
      // cannot tell whose request it counted, and rows older than a minute are deleted.
      await db.schema
        .createTable('share_link_hits')
        .addColumn('bucket', 'text', (c) => c.notNull())
        .addColumn('minute', 'text', (c) => c.notNull())
        .addColumn('hits', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('share_link_hits_pk', ['bucket', 'minute'])
        .execute();
    },
  },
};

/** Every migration this server knows, in order: /readyz wants exactly these applied. */
export const MIGRATION_NAMES: readonly string[] = Object.keys(migrations);

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};
