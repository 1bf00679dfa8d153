/*
 * Numbers as a manager reads them, in the browser's locale (an extension page's default
 * Intl locale is the browser's UI language).
 */

export function formatCount(n: number): string {
  return new Intl.NumberFormat().format(n);
}

export function formatShare(share: number | null): string {
  return share === null ? '—' : new Intl.NumberFormat(undefined, { style: 'percent', maximumFractionDigits: 0 }).format(share);
}

/** Milliseconds as seconds with one decimal: time to content is seconds to minutes. */
export function msToSeconds(ms: number | null): number | null {
  return ms === null ? null : Math.round(ms / 100) / 10;
}

export function formatSeconds(ms: number | null): string {
  const s = msToSeconds(ms);
  return s === null ? '—' : new Intl.NumberFormat(undefined, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(s);
}

export function formatDateTime(iso: string): string {
  return new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}

/** A bucket's first day, YYYY-MM-DD, read as a UTC calendar day (never shifted by the time zone). */
export function formatDay(isoDate: string): string {
  return new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(new Date(`${isoDate}T00:00:00Z`));
}

/** A whole UTC calendar day, e.g. the day governance was judged on. */
export function formatDate(isoDate: string): string {
  return new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${isoDate}T00:00:00Z`));
}

/** A wait such as the time to a link's first open: minutes, hours or days, in the browser's words. */
export function formatDuration(ms: number | null): string {
  if (ms === null) return '—';
  const minutes = ms / 60_000;
  const unit = (value: number, name: 'minute' | 'hour' | 'day') =>
    new Intl.NumberFormat(undefined, { style: 'unit', unit: name, unitDisplay: 'short', maximumFractionDigits: value < 10 ? 1 : 0 }).format(value);
  if (minutes < 60) return unit(Math.max(minutes, 0), 'minute');
  if (minutes < 48 * 60) return unit(minutes / 60, 'hour');
  return unit(minutes / (24 * 60), 'day');
}
