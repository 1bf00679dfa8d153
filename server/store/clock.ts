/** Timestamps are UTC ISO 8601 text: they sort as text in SQLite and PostgreSQL alike. */
export function nowIso(): string {
  return new Date().toISOString();
}
