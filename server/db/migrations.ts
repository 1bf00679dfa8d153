import type { Kysely, Migration, MigrationProvider } from 'kysely';

/*
 * Versioned schema migrations, in code so the server ships as one folder. Append only: a
 * migration that has run somewhere is never edited; add the next one instead. Each uses the
 * schema builder only, so a PostgreSQL dialect runs them as they are.
 */
const migrations: Record<string, Migration> = {
  '0001_initial': {
    async up(db: Kysely<any>) {
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
      await db.schema
        .createIndex('usage_events_org_kind_at')
        .on('usage_events')
        .columns(['org_id', 'kind', 'at'])
        .execute();
    },
  },
  '0002_usage_events_stats_covering': {
    async up(db: Kysely<any>) {
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
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};
