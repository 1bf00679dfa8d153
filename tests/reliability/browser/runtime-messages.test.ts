import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openFixture } from '../../fixtures/serve';
import { messageCases, type Channel, type MessageCase } from '../support/browser-message-cases';
import { sendCasesInPage, senderExpression, type Outcome, type Target } from '../support/browser-message-sender';
import { judge, type Verdict } from '../support/browser-message-verdict';
import { cachedLibrary, outboxIds, queueEvents, readStore } from '../../e2e/support/idb';
import { usageEvents } from '../support/browser-events';
import { watchContentWorld, type ContentWorld } from '../support/browser-content-world';
import { armSentinel, dangerousMarkup, readTripwires, watchEvilRequests } from '../support/browser-sentinel';
import { backgroundAnswers, contentContext, launchAttackSession, tabIdOf, until, type AttackSession } from '../support/browser-session';
import { recordFigures, type Figure } from '../support/figures';

/*
 * Item 1, runtime messages: generated malformed and hostile messages on each of the
 * extension's message channels, in Chromium with the built extension. Each receiver must
 * answer exactly the valid requests and ignore everything else; afterwards the worker and
 * the content script still answer, the cached library and the queued events are as they were,
 * and no prototype was polluted. Inserts carrying hostile HTML must not run in the host page.
 */

const CASES = Number(process.env.QUIVER_MESSAGE_CASES ?? 1000);
const SEED = Number(process.env.QUIVER_MESSAGE_SEED ?? Date.now() % 2 ** 31);
const BATCH = 25;

let session: AttackSession;
let gmail: Page;
let world: ContentWorld;
let tabId: number;
let evil: string[];
let itemsBefore: string[];
let outboxBefore: string[];
const figures: Figure[] = [];

beforeAll(async () => {
  console.log(`runtime messages: seed ${SEED} (QUIVER_MESSAGE_SEED=${SEED} repeats this run)`);
  session = await launchAttackSession();
  evil = await watchEvilRequests(session.context);
  await until(() => readStore(session.seat, 'items'), (rows) => rows.length > 0, 'the demo library');
  // Events waiting to go out (no server is configured): what a bad message must not cost.
  await queueEvents(session.seat, usageEvents(40));
  gmail = await openFixture(session, 'gmail-thread-reply.html');
  await armSentinel(gmail);
  tabId = await tabIdOf(session.seat, gmail.url());
  world = await watchContentWorld(session, gmail);
  itemsBefore = await cachedLibrary(session.seat);
  outboxBefore = await outboxIds(session.seat);
});
afterAll(async () => {
  recordFigures(figures);
  await world?.detach();
  await session?.close();
});

/** Sends the cases in batches from `send`'s context; an emptied editor keeps inserts cheap. */
async function sendAll(cases: MessageCase[], send: (batch: MessageCase[]) => Promise<Outcome[]>): Promise<Outcome[]> {
  const outcomes: Outcome[] = [];
  for (let i = 0; i < cases.length; i += BATCH) {
    outcomes.push(...(await send(cases.slice(i, i + BATCH))));
    await gmail.evaluate(() => {
      const body = document.querySelector('[g_editable="true"]');
      if (body) body.innerHTML = '<div><br></div>';
    });
  }
  return outcomes;
}

const fromSeat = (target: Target) => (batch: MessageCase[]) => session.seat.evaluate(sendCasesInPage, { cases: batch, target });
const fromContentWorld = (batch: MessageCase[]) => world.evaluate<Outcome[]>(senderExpression({ cases: batch, target: { kind: 'runtime' } }));

const polluted = `[({}).polluted, ({}).isAdmin, Object.prototype.toString === 'no'].filter(Boolean).length`;

function report(label: string, verdict: Verdict, crashes: number, atLeast: number) {
  figures.push(
    { item: '1', name: `${label} · cases`, value: verdict.tried, atLeast },
    { item: '1', name: `${label} · ignored (invalid) + refused by the browser`, value: verdict.ignored + verdict.refusedByBrowser },
    { item: '1', name: `${label} · valid, answered`, value: verdict.valid },
    { item: '1', name: `${label} · handled against the schema`, value: verdict.wrong.length, atLeast: 0, atMost: 0 },
    { item: '1', name: `${label} · crashes`, value: crashes, atLeast: 0, atMost: 0 },
  );
}

async function runChannel(channel: Channel, count: number, send: (batch: MessageCase[]) => Promise<Outcome[]>) {
  const cases = messageCases(channel, count, SEED);
  const verdict = judge(cases, await sendAll(cases, send));
  // The worker must still answer a valid request, the content script its get-context.
  const workerAlive = await backgroundAnswers(session.seat);
  const contentAlive = (await contentContext(session.seat, tabId))?.site === 'gmail';
  const crashes = verdict.broken.length + Number(!workerAlive) + Number(!contentAlive);
  const { wrong, broken, ...counts } = verdict;
  console.log(channel, JSON.stringify({ ...counts, wrong: wrong.length, broken: broken.length, crashes }));
  return { cases, verdict, crashes, workerAlive, contentAlive };
}

/** Every kind of attack the corpus claims is really in it. */
function expectCoverage(verdict: Verdict, kinds: string[]) {
  for (const kind of kinds) expect(verdict.tags[kind] ?? 0, `cases tagged ${kind}`).toBeGreaterThan(10);
  expect(verdict.valid, 'valid cases (the oracle is not one-sided)').toBeGreaterThan(10);
  expect(verdict.ignored, 'invalid cases').toBeGreaterThan(verdict.tried / 3);
}
const KINDS = ['missing-field', 'wrong-type', 'huge-string', 'deep-nesting', 'prototype-pollution', 'wrong-message-type', 'not-an-object', 'extra-field'];

describe('runtime messages', () => {
  test('an extension page’s messages to the background: only valid requests are answered, nothing else acts', async () => {
    const { verdict, crashes, workerAlive } = await runChannel('pages->bg', CASES, fromSeat({ kind: 'runtime' }));
    report('extension page → background', verdict, crashes, 1000);
    expect(verdict.wrong).toEqual([]);
    expect(verdict.broken).toEqual([]);
    expect(workerAlive).toBe(true);
    expectCoverage(verdict, KINDS);
    expect(await session.worker.evaluate(polluted)).toBe(0);
  });

  test('the content script’s world to the background: a bad or compromised content script gets nowhere', async () => {
    const { verdict, crashes, workerAlive } = await runChannel('content->bg', Math.round(CASES / 2), fromContentWorld);
    report('content script → background', verdict, crashes, 500);
    expect(verdict.wrong).toEqual([]);
    expect(verdict.broken).toEqual([]);
    expect(workerAlive).toBe(true);
    expectCoverage(verdict, KINDS);
    expect(await session.worker.evaluate(polluted)).toBe(0);
  });

  test('an extension page’s messages to the content script: hostile inserts are sanitised, the rest ignored', async () => {
    const { verdict, crashes, contentAlive } = await runChannel('to-content', CASES, fromSeat({ kind: 'tab', tabId }));
    report('extension page → content script', verdict, crashes, 1000);
    expect(verdict.wrong).toEqual([]);
    expect(verdict.broken).toEqual([]);
    expect(contentAlive).toBe(true);
    expectCoverage(verdict, KINDS);
    expect(await world.evaluate(polluted)).toBe(0);
    // The hostile inserts went into the page sanitised: nothing ran, nothing dangerous is left.
    const tripped = await readTripwires(gmail);
    figures.push({ item: '1', name: 'extension page → content script · hostile inserts that ran in the host page', value: tripped.ran.length + evil.length, atLeast: 0, atMost: 0 });
    expect(tripped).toMatchObject({ ran: [], title: null });
    expect(evil).toEqual([]);
    expect(await dangerousMarkup(gmail, '[g_editable="true"]')).toEqual([]);
  });

  test('nothing the messages did cost a cached item or a queued event', async () => {
    const itemsAfter = await cachedLibrary(session.seat);
    const outboxAfter = new Set(await outboxIds(session.seat));
    const lostItems = itemsBefore.filter((i) => !itemsAfter.includes(i)).length + itemsAfter.filter((i) => !itemsBefore.includes(i)).length;
    const lostEvents = outboxBefore.filter((id) => !outboxAfter.has(id)).length;
    figures.push(
      { item: '1', name: 'runtime messages · cached items lost or changed', value: lostItems, atLeast: 0, atMost: 0 },
      { item: '1', name: 'runtime messages · queued events lost', value: lostEvents, atLeast: 0, atMost: 0 },
    );
    expect(lostItems).toBe(0);
    expect(lostEvents).toBe(0);
    // No use was made up either: no valid `used` named an item the library holds. (A valid
    // `open-panel` opens the side panel, which rightly records the suggestions it shows.)
    const added = (await readStore<{ id: string; event: { kind: string } }>(session.seat, 'outbox')).filter((r) => !outboxBefore.includes(r.id));
    expect(added.map((r) => r.event.kind).filter((kind) => kind !== 'suggestion_shown')).toEqual([]);
  });
});
