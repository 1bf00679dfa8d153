import type { Kysely } from 'kysely';

/*
 * Table types for Kysely. Column types are chosen so SQLite and PostgreSQL run the same
 * queries: text ids, ISO 8601 text timestamps (UTC, so they sort as text), integer flags
 * instead of booleans (better-sqlite3 cannot bind booleans). PostgreSQL counts (bigint) and
 * sums (numeric) are read as numbers (server/db/open-database.ts).
 */

export interface OrgTable {
  id: string;
  slug: string;
  /** Last change sequence number handed out in this org's library. */
  library_seq: number;
  /** Random, per org: a cursor from another database (or a recreated org) is recognised as foreign. */
  library_epoch: string;
  /** JSON of OrgSettings, served with the library. */
  settings: string;
  created_at: string;
}

export interface UserTable {
  id: string;
  org_id: string;
  email: string;
  role: string;
  created_at: string;
}

export interface AccessTokenTable {
  /** The public part of the token, used to find it; the secret part is only known by its hash. */
  id: string;
  user_id: string;
  /** SHA-256 (hex) of the whole token. */
  hash: string;
  created_at: string;
  revoked_at: string | null;
}

export interface ContentItemTable {
  org_id: string;
  id: string;
  /** Increments on every change to the item, its deletion included. */
  version: number;
  /** The org's change sequence number at the item's last change; the library cursor pages on it. */
  seq: number;
  type: string;
  title: string;
  owner: string;
  shortcut: string | null;
  review_by: string | null;
  expires: string | null;
  /** The validated content item as JSON (body included). */
  item: string;
  updated_at: string;
  /** Set when the item was removed: the row stays as a tombstone so deltas can report it. */
  deleted_at: string | null;
}

export interface UsageEventTable {
  org_id: string;
  id: string;
  /** Taken from the access token, never from the client. */
  user_id: string;
  kind: string;
  /** When it happened, normalised to UTC ISO 8601 so ranges compare as text. */
  at: string;
  content_id: string | null;
  content_type: string | null;
  stage: string | null;
  site: string | null;
  page_kind: string | null;
  query: string | null;
  result_count: number | null;
  time_to_content_ms: number | null;
  /** 1 when the item was past its review date when used, 0 when not, null when unknown. */
  stale: number | null;
  /** The whole event as received (with the token's user), so later KPIs can read any field. */
  payload: string;
  received_at: string;
  /**
   * For `search_no_results`: its `filters.stages` as the content gaps list groups them
   * (lib/kpi/content-gaps.ts stageFilterKey); null for other kinds.
   */
  stage_filter: string | null;
}

/** Counters of a roll-up row, with the counting rules of lib/schema/stats.ts. */
export interface UsageCounters {
  inserts: number;
  copies: number;
  opens: number;
  previews: number;
  uses: number;
  /** Uses flagged stale by the extension. */
  stale_uses: number;
}

export interface ActivityCounters extends UsageCounters {
  /** Events of any kind. */
  events: number;
  searches: number;
  no_result_searches: number;
}

/** Per org, UTC day, stage, site and content type ('' for none). */
export interface UsageDailyTable extends ActivityCounters {
  org_id: string;
  day: string;
  stage: string;
  site: string;
  content_type: string;
}

/** Per org, UTC day and rep. */
export interface UsageDailyUsersTable extends ActivityCounters {
  org_id: string;
  day: string;
  user_id: string;
}

/** Per org, UTC day and content item (events naming one). */
export interface UsageDailyContentTable extends UsageCounters {
  org_id: string;
  day: string;
  content_id: string;
}

/** One site-health check (lib/schema/site-health.ts); flags are 1 or 0. */
export interface SiteHealthEventTable {
  org_id: string;
  id: string;
  user_id: string;
  /** UTC day, YYYY-MM-DD: the event carries no time of day. */
  day: string;
  site: string;
  page_kind: string;
  version: string;
  /** `chrome 131`, `firefox 140`…; null from extensions that did not send it. */
  browser: string | null;
  /** 'page' or 'insert'. */
  check_kind: string;
  editor_expected: number;
  context_failed: number;
  editor_failed: number;
  insert_failed: number;
  received_at: string;
}

/** A share link: one item shared by one rep (server/store/share-links.ts). */
export interface ShareLinkTable {
  /** Unguessable, URL-safe, 128 random bits: the link's public name. */
  slug: string;
  org_id: string;
  user_id: string;
  content_id: string;
  content_type: string;
  /** The journey stage of the page the rep shared it from, when known. */
  stage: string | null;
  /** The supported site the rep shared it from, when known. */
  site: string | null;
  created_at: string;
  expires_at: string;
  revoked_at: string | null;
  /** Counted views. */
  views: number;
  first_opened_at: string | null;
  last_opened_at: string | null;
}

/** One request for a share link: exactly what a view records. */
export interface ShareLinkViewTable {
  id: string;
  slug: string;
  at: string;
  /** 'desktop' or 'mobile'. */
  device: string;
  /** 1 when counted as a view, 0 when filtered. */
  counted: number;
  /** Why it was filtered ('head', 'prefetch', 'scanner', 'too_soon', 'repeat'); '' when counted. */
  reason: string;
}

/** Requests for public links per coarse address bucket and UTC minute. */
export interface ShareLinkHitTable {
  bucket: string;
  minute: string;
  hits: number;
}

export interface Database {
  orgs: OrgTable;
  users: UserTable;
  access_tokens: AccessTokenTable;
  content_items: ContentItemTable;
  usage_events: UsageEventTable;
  usage_daily: UsageDailyTable;
  usage_daily_users: UsageDailyUsersTable;
  usage_daily_content: UsageDailyContentTable;
  site_health_events: SiteHealthEventTable;
  share_links: ShareLinkTable;
  share_link_views: ShareLinkViewTable;
  share_link_hits: ShareLinkHitTable;
}

/**
 * A handle below the typed schema: migrations (tables that do not exist yet in `Database`) and
 * dialect code that works for any database. Everything else uses `Kysely<Database>`.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- Kysely's own type for an untyped database
export type UntypedDb = Kysely<any>;
