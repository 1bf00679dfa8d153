import fc from 'fast-check';
import { CONTENT_TYPES, JOURNEY_STAGES } from '../../../lib/schema/content';
import { EVENT_KINDS } from '../../../lib/schema/events';
import { PAGE_KINDS, SITES } from '../../../lib/schema/page-context';
import { hostileText, hugeText, loneSurrogateText, word } from './hostile-text';
import { invalidUtf8, spliceBytes } from './invalid-utf8';
import { deepArray, rawBytes, renderJson } from './raw-json';

/*
 * Requests to POST /api/v1/events. Every event in a well-formed batch is labelled valid or
 * invalid by how it was made, so the test knows which ones the server must store and which
 * it must refuse (fields outside the schema, such as an email body, are always invalid).
 * Ids come partly from a pool shared by all cases: the same event arrives again in later
 * batches and twice in one batch.
 */

const POOL = Array.from({ length: 150 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`);

export interface Entry {
  event: unknown;
  valid: boolean;
  /** For a valid event: the event as the server must store it, text made well-formed (invalid bytes and lone surrogates as U+FFFD). */
  expected?: Json;
  /** How an invalid event was broken. */
  broken?: string;
}

export interface EventsCase {
  body: Uint8Array;
  /** Sent as a stream, without Content-Length. */
  chunked: boolean;
  /** The events when the body is a well-formed batch (then the answer is per event); absent when the whole request must be refused. */
  entries?: Entry[];
  tags: string[];
}

type Json = Record<string, unknown>;

const offset = fc.integer({ min: -14 * 60, max: 14 * 60 });
/** An ISO 8601 time with a UTC offset, as zod's datetime({offset: true}) takes it. */
const at = fc
  .tuple(fc.date({ min: new Date('0001-01-02T00:00:00Z'), max: new Date('9999-12-30T00:00:00Z'), noInvalidDate: true }), offset, fc.boolean())
  .map(([d, minutes, utc]) => {
    if (utc) return d.toISOString();
    const local = new Date(d.getTime() + minutes * 60_000).toISOString().slice(0, 23);
    const sign = minutes < 0 ? '-' : '+';
    const abs = Math.abs(minutes);
    return `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
  });

const id = fc.oneof(fc.uuid({ version: 4 }), fc.constantFrom(...POOL));

const validEvent: fc.Arbitrary<Json> = fc.record(
  {
    id,
    kind: fc.constantFrom(...EVENT_KINDS),
    at,
    user: fc.oneof(
      fc.emailAddress().filter((e) => e.length <= 320),
      hostileText(320),
    ),
    contentId: hostileText(120),
    contentType: fc.constantFrom(...CONTENT_TYPES),
    stage: fc.constantFrom(...JOURNEY_STAGES),
    site: fc.constantFrom(...SITES),
    pageKind: fc.constantFrom(...PAGE_KINDS),
    query: fc.oneof(hostileText(200), loneSurrogateText),
    resultCount: fc.integer({ min: 0, max: 1_000_000 }),
    filters: fc.record({
      stages: fc.array(fc.constantFrom(...JOURNEY_STAGES), { maxLength: 5 }),
      types: fc.array(fc.constantFrom(...CONTENT_TYPES), { maxLength: 10 }),
    }),
    timeToContentMs: fc.integer({ min: 0, max: 86_400_000 }),
    stale: fc.boolean(),
  },
  { requiredKeys: ['id', 'kind', 'at'] },
);

/** Fields an extension must never send: what a rep wrote and to whom. */
const PRIVATE_FIELDS = ['emailBody', 'body', 'html', 'recipient', 'recipients', 'to', 'cc', 'bcc', 'prospectName', 'firstName', 'subject', 'email'];
const privateValue = fc.constantFrom(
  'bob.smith@prospect.example',
  'Hi Bob,\n\nAs discussed on our call, the price is €40k.',
  ['ann@prospect.example'],
  'Bob Smith',
);

const FIELD_KIND: Record<string, 'string' | 'number' | 'boolean' | 'object'> = {
  id: 'string',
  kind: 'string',
  at: 'string',
  user: 'string',
  contentId: 'string',
  stage: 'string',
  query: 'string',
  resultCount: 'number',
  filters: 'object',
  timeToContentMs: 'number',
  stale: 'boolean',
};

function wrongType(kind: string): fc.Arbitrary<unknown> {
  const all: Record<string, fc.Arbitrary<unknown>> = {
    string: fc.string({ maxLength: 8 }),
    number: fc.integer(),
    boolean: fc.boolean(),
    null: fc.constant(null),
    array: fc.array(fc.nat(), { maxLength: 3 }),
    object: fc.dictionary(word, fc.nat(), { maxKeys: 2 }),
  };
  return fc.oneof(
    ...Object.entries(all)
      .filter(([k]) => k !== kind)
      .map(([, arb]) => arb),
  );
}

const set = (field: string, value: unknown) => (e: Json) => ({ ...e, [field]: value });
type Break = { tag: string; apply: (e: Json) => unknown };

/** A way to make any event invalid. */
const breakEvent: fc.Arbitrary<Break> = fc.oneof(
  { weight: 3, arbitrary: fc.tuple(fc.constantFrom(...PRIVATE_FIELDS), privateValue).map(([k, v]) => ({ tag: 'private field', apply: set(k, v) })) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom('recipient', 'emailBody', 'to'), privateValue)
      .map(([k, v]) => ({ tag: 'private field', apply: (e: Json) => ({ ...e, filters: { stages: [], types: [], [k]: v } }) })),
  },
  fc
    .constantFrom('id', 'kind', 'at')
    .map((f) => ({ tag: 'missing field', apply: (e: Json) => Object.fromEntries(Object.entries(e).filter(([k]) => k !== f)) })),
  fc.constantFrom(...Object.keys(FIELD_KIND)).chain((f) => wrongType(FIELD_KIND[f]!).map((v) => ({ tag: 'wrong type', apply: set(f, v) }))),
  fc
    .constantFrom<[string, unknown]>(
      ['id', 'not-a-uuid'],
      ['id', ''],
      ['kind', 'teleport'],
      ['at', 'yesterday'],
      ['at', '2025-13-01T00:00:00Z'],
      ['at', '2025-01-01T00:00:00'],
      ['at', '2025-01-01T00:00:00+99:99'],
      ['resultCount', -1],
      ['resultCount', 1.5],
      ['resultCount', 1_000_001],
      ['timeToContentMs', 86_400_001],
      ['stage', 'purchase'],
      ['site', 'myspace'],
      ['contentType', 'webinar'],
      ['filters', { stages: ['awareness', 'interest', 'engagement', 'conversion', 'advocacy', 'awareness'], types: [] }],
    )
    .map(([f, v]) => ({ tag: 'invalid value', apply: set(f, v) })),
  fc
    .constantFrom<[string, number]>(['query', 201], ['contentId', 121], ['user', 321], ['id', 37])
    .chain(([f, min]) => hugeText(min, min * 50).map((v) => ({ tag: 'huge string', apply: set(f, v) }))),
  fc.integer({ min: 1, max: 50_000 }).map((depth) => ({ tag: 'deep nesting', apply: set('query', deepArray(depth)) })),
  fc.integer({ min: 1, max: 50_000 }).map((depth) => ({ tag: 'deep nesting', apply: () => deepArray(depth) })),
  fc
    .tuple(fc.oneof(word, hugeText(100, 10_000), fc.constant('__proto__')), fc.jsonValue({ maxDepth: 2 }))
    .map(([k, v]) => ({ tag: 'unknown field', apply: (e: Json) => ({ ...e, [k]: v }) })),
  fc.integer({ min: 50, max: 400 }).map((n) => ({
    tag: 'unknown field',
    apply: (e: Json) => ({ ...e, ...Object.fromEntries(Array.from({ length: n }, (_, i) => [`extra_field_${i}`, i])) }),
  })),
  invalidUtf8.map((bytes) => ({ tag: 'invalid UTF-8', apply: (e: Json) => ({ ...e, id: `${String(e.id)}${rawBytes(bytes)}` }) })),
  fc.oneof(fc.string({ maxLength: 10 }), fc.integer(), fc.constant(null), fc.boolean()).map((v) => ({ tag: 'not an object', apply: () => v })),
);

/** Lone surrogates and NUL become U+FFFD: the one spelling of a query the column and the stored payload can share, in SQLite and PostgreSQL. */
export function wellFormed(text: string): string {
  return text.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd').replaceAll('\u0000', '\ufffd');
}

/** The event as stored: free text well-formed. */
function expectedOf(event: Json): Json {
  const text = (key: string) => (typeof event[key] === 'string' ? { [key]: wellFormed(event[key]) } : {});
  return { ...event, ...text('query'), ...text('contentId') };
}

const validEntry: fc.Arbitrary<Entry> = fc.oneof(
  { weight: 6, arbitrary: validEvent.map((event) => ({ event, valid: true, expected: expectedOf(event) })) },
  {
    // Bytes that are not UTF-8 inside the query text: stored as U+FFFD, as a browser would read them.
    weight: 1,
    arbitrary: fc.tuple(validEvent, hostileText(90), invalidUtf8, hostileText(90)).map(([event, before, bad, after]) => ({
      event: { ...event, query: `${before}${rawBytes(bad)}${after}` },
      valid: true,
      expected: expectedOf({ ...event, query: `${before}${new TextDecoder().decode(bad)}${after}` }),
    })),
  },
);
const invalidEntry: fc.Arbitrary<Entry> = fc.tuple(validEvent, breakEvent).map(([e, b]) => ({ event: b.apply(e), valid: false, broken: b.tag }));

const batch = fc
  .tuple(
    fc.array(fc.oneof({ weight: 3, arbitrary: validEntry }, { weight: 2, arbitrary: invalidEntry }), { maxLength: 30 }),
    fc.array(fc.nat(), { maxLength: 3 }),
  )
  .map(([entries, repeats]) => {
    // The same event twice in one batch, as a retry racing a new upload could send it.
    const again = entries.length === 0 ? [] : repeats.map((r) => entries[r % entries.length]!);
    return [...entries, ...again];
  });

const tagsOf = (entries: Entry[], breaks: string[]): string[] => {
  const tags = new Set(breaks);
  for (const e of entries) {
    if (e.broken) tags.add(e.broken);
    if (e.valid && typeof e.expected?.query === 'string' && e.expected.query.includes('\ufffd')) tags.add('lone surrogate or invalid UTF-8 in query');
  }
  const ids = entries.map((e) => (e.event as { id?: unknown } | null)?.id).filter((v) => typeof v === 'string');
  if (new Set(ids).size < ids.length) tags.add('duplicate ids in batch');
  return [...tags];
};

/** A batch whose body reaches the per-event checks. */
const wellFormedCase: fc.Arbitrary<EventsCase> = batch.map((entries) => ({
  body: renderJson({ events: entries.map((e) => e.event) }),
  chunked: false,
  entries,
  tags: tagsOf(entries, []),
}));

/** A request the server must refuse as a whole, with nothing stored. */
const refusedCase: fc.Arbitrary<EventsCase> = fc.oneof(
  fc.tuple(batch, fc.double({ min: 0, max: 0.999, noNaN: true })).map(([entries, cut]) => {
    const whole = renderJson({ events: entries.map((e) => e.event) });
    return { body: whole.subarray(0, Math.floor(cut * whole.length)), chunked: false, tags: ['truncated JSON'] };
  }),
  fc
    .constantFrom(
      '',
      '   ',
      'events=1',
      '<html>proxy error</html>',
      'null',
      '42',
      '[]',
      '{}',
      '{"events": {}}',
      '{"events": "all"}',
      '{"events": null}',
      '{"events": [] } x',
    )
    .map((text) => ({ body: Buffer.from(text), chunked: false, tags: ['not a batch'] })),
  fc.integer({ min: 1, max: 200_000 }).map((depth) => ({ body: renderJson(deepArray(depth)), chunked: false, tags: ['deep nesting'] })),
  fc.tuple(batch, invalidUtf8).map(([entries, bad]) => ({
    // Right after the opening brace: the bytes break the JSON itself.
    body: spliceBytes(renderJson({ events: entries.map((e) => e.event) }), 1, bad),
    chunked: false,
    tags: ['invalid UTF-8'],
  })),
  fc.integer({ min: 1001, max: 1100 }).map((n) => ({
    body: renderJson({ events: Array.from({ length: n }, () => ({ id: POOL[0], kind: 'copy', at: '2026-01-01T00:00:00Z' })) }),
    chunked: false,
    tags: ['too many events'],
  })),
  fc.tuple(fc.integer({ min: 2 * 1024 * 1024 + 1, max: 3 * 1024 * 1024 }), fc.boolean()).map(([size, chunked]) => ({
    body: renderJson({ events: [{ id: POOL[1], kind: 'search', at: '2026-01-01T00:00:00Z', query: 'x'.repeat(size) }] }),
    chunked,
    tags: ['oversized body'],
  })),
);

export const eventsCase: fc.Arbitrary<EventsCase> = fc.oneof({ weight: 4, arbitrary: wellFormedCase }, { weight: 1, arbitrary: refusedCase }).map((c) =>
  Object.assign(c, {
    // A failing case is shown as text, not as a byte array.
    [fc.toStringMethod]: () => {
      const text = new TextDecoder().decode(c.body);
      return `[${c.tags.join(', ')}]${c.chunked ? ' chunked' : ''}: ${text.length > 3000 ? `${text.slice(0, 3000)}… (${text.length} characters)` : text}`;
    },
  }),
);
