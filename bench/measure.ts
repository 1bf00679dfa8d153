import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** Milliseconds taken by `fn`, and its result. */
export function timed<T>(fn: () => T): { ms: number; value: T } {
  const start = performance.now();
  const value = fn();
  return { ms: performance.now() - start, value };
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export interface Latency {
  count: number;
  p50: number;
  p95: number;
  max: number;
}

export function latency(samples: number[]): Latency {
  const sorted = [...samples].sort((a, b) => a - b);
  return { count: sorted.length, p50: percentile(sorted, 50), p95: percentile(sorted, 95), max: sorted[sorted.length - 1] ?? NaN };
}

let gc: (() => void) | undefined;

/** A full collection, so heap figures measure what is retained, not garbage. */
export function collectGarbage() {
  if (!gc) {
    // `npm run bench` runs plain tsx, without --expose-gc; this turns it on from inside.
    setFlagsFromString('--expose_gc');
    gc = runInNewContext('gc') as () => void;
  }
  gc();
  gc();
}

/** Bytes retained on the JS heap plus in ArrayBuffers (typed arrays live outside the heap). */
export function retainedBytes(): number {
  collectGarbage();
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
}

export const mb = (bytes: number) => `${(bytes / 1048576).toFixed(1)} MB`;
export const ms = (v: number) => (Number.isNaN(v) ? '–' : v >= 100 ? `${v.toFixed(0)} ms` : `${v.toFixed(2)} ms`);
