import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiErrorSchema, eventsResponseSchema } from '../../lib/schema/api';
import { findOrg } from '../../server/store/orgs';
import { startTestServer, type TestServer } from '../server/support/test-server';
import { eventsCase, type EventsCase } from './support/event-cases';
import { recordFigures } from './support/figures';

/*
 * Item 1, event batches: generated requests to POST /api/v1/events on the real server (SQLite
 * file, loopback). A request is refused whole with the API's error shape, or judged event by
 * event; either way the answer fits the schema the extension parses, the server never fails
 * (5xx), every valid event is stored exactly once as sent, and nothing else is stored: an
 * event carrying a field outside the schema (an email body, a recipient) is refused.
 */

const CASES = 1000;
/** A failure is shrunk to a small case, but not for longer than the test may take. */
const SHRINK_WITHIN = { interruptAfterTimeLimit: 90_000, markInterruptAsFailure: true };
const ORGS = [
  { slug: 'acme', email: 'rep@acme.test' },
  { slug: 'globex', email: 'rep@globex.test' },
] as const;

let server: TestServer;
const orgs: { slug: string; email: string; id: string; token: string }[] = [];
const tally = { tried: 0, refused: 0, judged: 0, events: 0, eventsRejected: 0, privateRefused: 0, crashes: 0, lost: 0, extra: 0 };
const coverage = new Map<string, number>();

beforeAll(async () => {
  server = await startTestServer();
  for (const o of ORGS) {
    const token = await server.tokenFor(o.slug, o.email, 'rep');
    orgs.push({ ...o, token, id: (await findOrg(server.db, o.slug))!.id });
  }
});
afterAll(async () => {
  await server.dispose();
  recordFigures([
    { item: '1', name: 'event batches · cases tried', value: tally.tried, atLeast: CASES },
    { item: '1', name: 'event batches · refused whole (4xx, error shape)', value: tally.refused },
    { item: '1', name: 'event batches · judged event by event', value: tally.judged },
    { item: '1', name: 'event batches · events sent in judged batches', value: tally.events },
    { item: '1', name: 'event batches · events rejected, field named', value: tally.eventsRejected },
    { item: '1', name: 'event batches · events with a private field, rejected', value: tally.privateRefused },
    { item: '1', name: 'event batches · crashes (5xx, no answer, answer off-schema)', value: tally.crashes, atMost: 0 },
    { item: '1', name: 'event batches · valid events lost or stored twice', value: tally.lost, atMost: 0 },
    { item: '1', name: 'event batches · invalid events stored', value: tally.extra, atMost: 0 },
  ]);
});

async function post(c: EventsCase, token: string): Promise<{ status: number; json: unknown }> {
  const body = c.chunked
    ? new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(c.body);
          controller.close();
        },
      })
    : c.body;
  const res = await fetch(`${server.url}/api/v1/events`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body,
    ...(c.chunked ? { duplex: 'half' } : {}),
  } as RequestInit);
  const text = await res.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = text;
  }
  return { status: res.status, json };
}

const countFor = async (orgId: string) =>
  Number(
    (
      await server.db
        .selectFrom('usage_events')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('org_id', '=', orgId)
        .executeTakeFirstOrThrow()
    ).n,
  );

async function runCase(c: EventsCase, which: number): Promise<void> {
  tally.tried += 1;
  for (const tag of c.tags) coverage.set(tag, (coverage.get(tag) ?? 0) + 1);
  const org = orgs[which]!;
  const before = await countFor(org.id);
  // What the server already holds of these ids decides which are new: read, not remembered,
  // so a case replayed while fast-check shrinks a failure is judged right too.
  const ids = (c.entries ?? []).filter((e) => e.valid).map((e) => (e.event as { id: string }).id);
  const held = new Map((await rowsFor(org.id, ids)).map((r) => [r.id, r.payload]));

  let answer: { status: number; json: unknown };
  try {
    answer = await post(c, org.token);
  } catch (error) {
    tally.crashes += 1;
    throw error;
  }
  if (answer.status >= 500) tally.crashes += 1;

  if (!c.entries) {
    const error = apiErrorSchema.safeParse(answer.json);
    if (!error.success) tally.crashes += 1;
    expect([400, 413], JSON.stringify(answer.json)).toContain(answer.status);
    expect(error.success).toBe(true);
    expect(error.data!.error.message.length).toBeGreaterThan(0);
    expect(await countFor(org.id)).toBe(before);
    tally.refused += 1;
    return;
  }

  const parsed = eventsResponseSchema.safeParse(answer.json);
  if (answer.status !== 200 || !parsed.success) tally.crashes += 1;
  expect(answer.status, JSON.stringify(answer.json).slice(0, 500)).toBe(200);
  expect(parsed.error?.issues).toBeUndefined();
  const response = parsed.data!;
  tally.judged += 1;
  tally.events += c.entries.length;

  // The model: the first valid occurrence of an id in this org is stored; later ones are duplicates.
  const firstHere = new Map<string, unknown>();
  let duplicates = 0;
  c.entries.forEach((entry) => {
    if (!entry.valid) return;
    const { id } = entry.event as { id: string };
    if (held.has(id) || firstHere.has(id)) {
      duplicates += 1;
      return;
    }
    firstHere.set(id, { ...entry.expected, user: org.email });
  });

  const invalid = c.entries.flatMap((e, i) => (e.valid ? [] : [i]));
  expect(response.rejected.map((r) => r.index)).toEqual(invalid);
  for (const r of response.rejected) expect(r.message).toMatch(/^[^:]+: ./);
  tally.eventsRejected += response.rejected.length;
  tally.privateRefused += c.entries.filter((e) => e.broken === 'private field').length;

  const after = await countFor(org.id);
  if (after - before < firstHere.size) tally.lost += firstHere.size - (after - before);
  if (after - before > firstHere.size) tally.extra += after - before - firstHere.size;
  expect({ accepted: response.accepted, duplicates: response.duplicates }).toEqual({ accepted: firstHere.size, duplicates });
  expect(after - before).toBe(firstHere.size);

  const rows = await rowsFor(org.id, ids);
  expect(rows).toHaveLength(new Set(ids).size);
  for (const row of rows) {
    // A duplicate leaves the first copy as it was.
    if (held.has(row.id)) {
      expect(row.payload).toBe(held.get(row.id));
      continue;
    }
    const want = firstHere.get(row.id) as { at: string; query?: string; contentId?: string };
    // Stored as sent (the user is the token's), and the queried columns say what the payload says.
    expect(JSON.parse(row.payload)).toEqual(want);
    expect(row.query).toBe(want.query ?? null);
    expect(row.content_id).toBe(want.contentId ?? null);
    expect(row.at).toBe(new Date(want.at).toISOString());
  }
}

async function rowsFor(orgId: string, ids: string[]) {
  if (ids.length === 0) return [];
  return server.db
    .selectFrom('usage_events')
    .select(['id', 'at', 'query', 'content_id', 'payload'])
    .where('org_id', '=', orgId)
    .where('id', 'in', ids)
    .execute();
}

describe('event batches from a hostile client', () => {
  it(`are refused or stored exactly once, never crash the server (${CASES} generated requests)`, async () => {
    await fc.assert(fc.asyncProperty(eventsCase, fc.nat(1), runCase), { numRuns: CASES, ...SHRINK_WITHIN });
    for (const tag of [
      'private field',
      'duplicate ids in batch',
      'lone surrogate or invalid UTF-8 in query',
      'deep nesting',
      'huge string',
      'oversized body',
      'truncated JSON',
      'not a batch',
      'invalid UTF-8',
      'unknown field',
      'wrong type',
      'missing field',
    ]) {
      expect(coverage.get(tag) ?? 0, `cases with ${tag}`).toBeGreaterThanOrEqual(5);
    }
    // Ids from the shared pool came back in later batches and were counted once.
    expect(tally.events).toBeGreaterThan(CASES * 3);
  });
});
