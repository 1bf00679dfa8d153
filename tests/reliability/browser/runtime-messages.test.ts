import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openFixture } from '../../fixtures/serve';
import { messageCases, type Channel, type MessageCase } from '../support/browser-message-cases';
import { isRequest, type MessageName } from '../../../lib/schema/messages';
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
  await until(
    () => readStore(session.seat, 'items'),
    (rows) => rows.length > 0,
    'the demo library',
  );
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
    figures.push({
      item: '1',
      name: 'extension page → content script · hostile inserts that ran in the host page',
      value: tripped.ran.length + evil.length,
      atLeast: 0,
      atMost: 0,
    });
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

  test('notifications, which get no answer, are told apart by what they do: a valid one acts, an invalid one does nothing', async () => {
    // What each notification does, counted where it happens: the worker asks the browser to
    // set up and open the side panel, or to inject palette.js; the content script asks the
    // worker for the shortcut list again.
    await session.worker.evaluate(`(() => {
      const seen = (globalThis.__effects = { 'content->bg:open-panel': 0, 'content->bg:load-palette': 0 });
      const setOptions = chrome.sidePanel.setOptions.bind(chrome.sidePanel);
      chrome.sidePanel.setOptions = (o) => { seen['content->bg:open-panel'] += 1; return setOptions(o); };
      const executeScript = chrome.scripting.executeScript.bind(chrome.scripting);
      chrome.scripting.executeScript = (o) => { if (o?.files?.includes('/palette.js')) seen['content->bg:load-palette'] += 1; return executeScript(o); };
    })()`);
    await world.evaluate(`(() => {
      const seen = (globalThis.__effects = { 'bg->content:shortcuts-changed': 0 });
      const send = chrome.runtime.sendMessage.bind(chrome.runtime);
      chrome.runtime.sendMessage = (m, ...rest) => { if (m?.type === 'content->bg:get-shortcuts') seen['bg->content:shortcuts-changed'] += 1; return send(m, ...rest); };
    })()`);
    const effects = (name: MessageName) =>
      name.startsWith('bg->')
        ? world.evaluate<number>(`globalThis.__effects[${JSON.stringify(name)}]`)
        : session.worker.evaluate<number, string>((n) => (globalThis as unknown as { __effects: Record<string, number> }).__effects[n]!, name);
    const typeOf = (c: MessageCase): unknown => {
      try {
        return (JSON.parse(c.json) as { type?: unknown } | null)?.type;
      } catch {
        return undefined;
      }
    };
    const notifications: [MessageName, Channel, (batch: MessageCase[]) => Promise<Outcome[]>][] = [
      ['content->bg:open-panel', 'content->bg', fromContentWorld],
      ['content->bg:load-palette', 'content->bg', fromContentWorld],
      ['bg->content:shortcuts-changed', 'to-content', fromSeat({ kind: 'tab', tabId })],
    ];
    // A message with no fields is hardly ever made invalid by the corpus' mutations, so near
    // misses are added: the type written almost right, or carried where it does not belong.
    const nearMisses = (name: string): MessageCase[] =>
      [
        { type: name.toUpperCase() },
        { type: ` ${name}` },
        { type: [name] },
        { type: name.replace('->', '→') },
        { message: { type: name } },
        { Type: name },
        name,
        { type: { toString: name } },
      ].map((m) => ({ json: JSON.stringify(m), tags: ['near-miss'], valid: false, answers: false }));
    const acted: Record<string, { invalid: number; invalidActed: number; valid: number; validActed: number }> = {};
    for (const [name, channel, send] of notifications) {
      expect(isRequest(name), `${name} is a notification`).toBe(false);
      const cases = messageCases(channel, CASES, SEED + 17).filter((c) => typeOf(c) === name);
      const invalid = [...cases.filter((c) => !c.valid), ...nearMisses(name)];
      const valid = cases.filter((c) => c.valid).slice(0, 5);
      // Invalid ones, all of them: nothing may happen.
      const before = await effects(name);
      await send(invalid);
      // The content script's notifications, sent from an extension page: the wrong sender.
      if (name.startsWith('content->')) await fromSeat({ kind: 'runtime' })(cases.filter((c) => c.valid).slice(0, 3));
      await gmail.waitForTimeout(1000);
      const invalidActed = (await effects(name)) - before;
      // Valid ones, one at a time: each must do its work.
      let validActed = 0;
      for (const c of valid) {
        const start = await effects(name);
        await send([c]);
        await expect
          .poll(() => effects(name), { timeout: 5000 })
          .toBeGreaterThan(start)
          .catch(() => {});
        if ((await effects(name)) > start) validActed += 1;
        // The shortcut list is fetched once at a time: let this fetch end before the next.
        await gmail.waitForTimeout(300);
      }
      acted[name] = { invalid: invalid.length, invalidActed, valid: valid.length, validActed };
    }
    console.log('notifications', JSON.stringify(acted));
    for (const [name, a] of Object.entries(acted)) {
      expect(a.invalid, `invalid ${name} cases in the corpus`).toBeGreaterThan(5);
      expect(a.valid, `valid ${name} cases in the corpus`).toBeGreaterThan(0);
    }
    figures.push({
      item: '1',
      name: 'runtime messages · notifications handled against the schema (an invalid one acted on, a valid one not)',
      value: Object.values(acted).reduce((n, a) => n + a.invalidActed + (a.valid - a.validActed), 0),
      atLeast: 0,
      atMost: 0,
    });
    expect(Object.fromEntries(Object.entries(acted).map(([n, a]) => [n, [a.invalidActed, a.validActed]]))).toEqual(
      Object.fromEntries(Object.entries(acted).map(([n, a]) => [n, [0, a.valid]])),
    );
  });
});
