import { isTransient, type ApiErrorCode } from './api-error';
import type { SyncErrorCode } from './sync-state';

export interface BackoffOptions {
  /** First delay; 30 s matches the shortest chrome.alarms period. */
  baseMs?: number;
  maxMs?: number;
  random?: () => number;
}

/**
 * Delay before retry number `attempt` (0 for the first retry): exponential with full jitter,
 * so many extensions behind one recovering server do not all come back at the same moment.
 */
export function backoffDelay(attempt: number, { baseMs = 30_000, maxMs = 30 * 60_000, random = Math.random }: BackoffOptions = {}): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.max(0, Math.min(attempt, 30)));
  return Math.max(baseMs, Math.round(random() * ceiling));
}

/**
 * Whether a failed sync or upload should be retried on its own, after a backoff delay. A cache
 * that cannot be written (`storage`) waits for the regular schedule instead of hammering.
 */
export function shouldRetry(code: ApiErrorCode | SyncErrorCode): boolean {
  return code !== 'storage' && isTransient(code);
}
