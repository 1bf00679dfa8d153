import { askBackground, type AttackSession } from './browser-session';

/*
 * Stops the extension's MV3 service worker the way the browser does when it reclaims an idle
 * or busy worker — CDP's ServiceWorker.stopAllWorkers, the control behind
 * chrome://serviceworker-internals' Stop — at random moments, repeatedly, and wakes it again
 * with a runtime message, as any page of the extension would. The worker then starts from
 * nothing: whatever it was doing is gone, and only what it had stored remains.
 */

export interface Kill {
  /** Milliseconds since the attack started. */
  at: number;
  /** What had been stored when the worker was stopped (the caller says what that means). */
  where: string;
}

/** A small seeded generator, so that a run's kill times can be repeated. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export async function stopWorker(session: AttackSession): Promise<void> {
  await session.cdp.send('ServiceWorker.enable');
  await session.cdp.send('ServiceWorker.stopAllWorkers');
}

/**
 * Wakes the worker with a message. Any message starts it, and a started worker resumes its
 * sync and upload by itself; this one asks for nothing, so its (empty) answer comes as soon as
 * the worker is up, not when the work is done.
 */
export async function wakeWorker(session: AttackSession): Promise<void> {
  for (let attempt = 0; attempt < 20; attempt++) {
    try {
      await askBackground(session.seat, { type: 'reliability:wake-up' }, 15_000);
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  throw new Error('the service worker did not wake up');
}

/**
 * Kills the worker at random moments (between `minMs` and `maxMs` after it was woken) until
 * `finished()` holds or `maxKills` kills were made, waking it after each; then lets it finish.
 */
export async function killWhileWorking(
  session: AttackSession,
  {
    random,
    finished,
    where,
    minMs,
    maxMs,
    maxKills,
    timeoutMs = 300_000,
  }: {
    random: () => number;
    finished: () => Promise<boolean>;
    where: () => Promise<string>;
    minMs: number;
    maxMs: number;
    maxKills: number;
    timeoutMs?: number;
  },
): Promise<Kill[]> {
  const started = Date.now();
  const kills: Kill[] = [];
  while (kills.length < maxKills && !(await finished())) {
    await new Promise((r) => setTimeout(r, minMs + random() * (maxMs - minMs)));
    const stored = await where();
    if (await finished()) break;
    await stopWorker(session);
    kills.push({ at: Date.now() - started, where: stored });
    await new Promise((r) => setTimeout(r, 100 + random() * 400));
    await wakeWorker(session);
  }
  while (!(await finished())) {
    if (Date.now() - started > timeoutMs) throw new Error(`not finished ${timeoutMs} ms after the first kill`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return kills;
}
