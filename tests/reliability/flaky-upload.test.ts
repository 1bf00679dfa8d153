import { describe, expect, it } from 'vitest';
import { recordFigures } from './support/figures';
import { flakyFigures, runFlakyUploads } from './support/flaky-upload';

/*
 * Item 4, short: 25 rounds of uploads through the fault-injecting proxy (the long run, 100
 * rounds, is tests/reliability/flaky-upload-run.ts). Every event queued reaches the server
 * exactly once, as the server itself counts (accepted), and the outbox ends empty.
 */

const ROUNDS = 25;

describe('uploading the outbox over a flaky network', () => {
  it(`delivers every event exactly once (${ROUNDS} rounds)`, async () => {
    const seed = Number(process.env.QUIVER_FLAKY_SEED ?? Math.floor(Math.random() * 2 ** 31));
    const outcome = await runFlakyUploads({ rounds: ROUNDS, seed });
    recordFigures(flakyFigures(outcome, ROUNDS, `flaky network, ${ROUNDS} rounds`));
    const where = `seed ${seed} (QUIVER_FLAKY_SEED=${seed} repeats this run)`;
    expect(outcome.lost, where).toBe(0);
    expect(outcome.extra, where).toBe(0);
    expect(outcome.rolledUp, where).toBe(outcome.queued);
    expect(outcome.serverAccepted, where).toBe(outcome.queued);
    expect(outcome.outboxLeft + outcome.dropped, where).toBe(0);
    // The attack really attacked: uploads failed, and some after the server had stored the batch.
    expect(outcome.failedRounds, where).toBeGreaterThan(0);
    expect(outcome.serverDuplicates, where).toBeGreaterThan(0);
  });
});
