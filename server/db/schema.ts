/*
 * Table types for Kysely. Column types are chosen so a PostgreSQL dialect runs the same
 * queries: text ids, ISO 8601 text timestamps (UTC, so they sort as text), integer flags
 * instead of booleans (better-sqlite3 cannot bind booleans).
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
}

export interface Database {
  orgs: OrgTable;
  users: UserTable;
  access_tokens: AccessTokenTable;
  content_items: ContentItemTable;
  usage_events: UsageEventTable;
}
