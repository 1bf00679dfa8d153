import { describe, expect, it } from 'vitest';
import { backoffDelay, shouldRetry } from '../../../lib/sync/backoff';

describe('backoffDelay', () => {
  it('waits at least the base delay and at most double the previous ceiling, up to the cap', () => {
    const highest = (attempt: number) => backoffDelay(attempt, { baseMs: 30_000, maxMs: 600_000, random: () => 1 });
    const lowest = (attempt: number) => backoffDelay(attempt, { baseMs: 30_000, maxMs: 600_000, random: () => 0 });
    expect([0, 1, 2, 3, 4, 5, 10, 100].map(highest)).toEqual([30_000, 60_000, 120_000, 240_000, 480_000, 600_000, 600_000, 600_000]);
    expect([0, 3, 100].map(lowest)).toEqual([30_000, 30_000, 30_000]);
  });

  it('spreads clients out: different random draws give different delays', () => {
    const delays = [0.2, 0.5, 0.8].map((r) => backoffDelay(4, { random: () => r }));
    expect(new Set(delays).size).toBe(3);
  });
});

describe('shouldRetry', () => {
  it('retries what may pass by itself and waits for the rep on what will not', () => {
    expect(['unreachable', 'server', 'malformed'].map((c) => shouldRetry(c as never))).toEqual([true, true, true]);
    expect(['unauthorized', 'forbidden', 'bad_request', 'aborted', 'storage'].map((c) => shouldRetry(c as never))).toEqual([false, false, false, false, false]);
  });
});
