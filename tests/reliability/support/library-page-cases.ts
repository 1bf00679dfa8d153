import fc from 'fast-check';
import { CONTENT_TYPES, JOURNEY_STAGES } from '../../../lib/schema/content';
import { hostileText, hugeText, SCRIPT_PAYLOADS, word } from './hostile-text';
import { invalidUtf8, spliceBytes } from './invalid-utf8';
import type { ScriptedResponse } from './page-server';
import { deepArray, rawBytes, renderJson } from './raw-json';

/*
 * Library pages a server could send the sync client: valid items with hostile text, broken
 * items next to good ones, duplicate ids, wrong envelope types, and bytes that are not even
 * JSON. Item ids come from a small pool shared with the cached library, so pages update,
 * duplicate and delete items the cache holds.
 */

export const CACHED_IDS = Array.from({ length: 12 }, (_, i) => `cached-${String(i + 1).padStart(2, '0')}`);
const NEW_IDS = Array.from({ length: 8 }, (_, i) => `new-${String(i + 1).padStart(2, '0')}`);
/** The cursor the cache holds before each delta case. */
export const CACHED_CURSOR = 'c0';

export interface PageCase {
  /** delta: the cache holds a server library and its cursor; full: it holds the demo library. */
  mode: 'delta' | 'full';
  response: ScriptedResponse;
  /** What was done to the page: counted for coverage, shown when a case fails. */
  tags: string[];
}

type Json = Record<string, unknown>;
interface Broken {
  tag: string;
  apply: (item: Json) => unknown;
}

const itemId = fc.constantFrom(...CACHED_IDS, ...NEW_IDS);
const label = fc.stringMatching(/^[a-z0-9][a-z0-9._-]{0,15}$/);
const day = fc
  .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const trimmed = (max: number) => hostileText(max).map((s) => s.trim());

/** A valid library item whose text fields hold hostile (but legal) text. */
export const validItem: fc.Arbitrary<Json> = fc.record(
  {
    id: itemId,
    type: fc.constantFrom(...CONTENT_TYPES),
    title: trimmed(300).map((s) => s || 'Untitled'),
    stages: fc.subarray([...JOURNEY_STAGES], { minLength: 1 }),
    tags: fc.array(label, { maxLength: 5 }),
    industries: fc.array(label, { maxLength: 3 }),
    summary: trimmed(1000),
    url: fc.constantFrom('https://example.com/case.pdf', 'http://intranet.local/deck?x=<script>alert(1)</script>'),
    subject: fc.oneof(hostileText(500), fc.constant('Idea for {{company}}')),
    shortcut: fc.stringMatching(/^[a-z0-9_-]{1,20}$/),
    owner: fc.oneof(
      fc.constant('maria@example.com'),
      trimmed(200).map((s) => s || 'owner'),
    ),
    review_by: day,
    expires: day,
    body: fc.oneof(
      { weight: 6, arbitrary: hostileText(2000) },
      { weight: 2, arbitrary: fc.constant('Hi {{first_name | there}},\n\nSee how {{company}} could do it.\n') },
      { weight: 1, arbitrary: hugeText(10_000, 200_000) },
    ),
    version: fc.nat({ max: 1_000_000 }),
    updated_at: fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
  },
  { requiredKeys: ['id', 'type', 'title', 'stages', 'tags', 'summary', 'owner', 'body', 'version', 'updated_at'] },
);

const FIELD_KIND: Record<string, 'string' | 'array' | 'number'> = {
  id: 'string',
  type: 'string',
  title: 'string',
  stages: 'array',
  tags: 'array',
  summary: 'string',
  url: 'string',
  owner: 'string',
  review_by: 'string',
  body: 'string',
  version: 'number',
  updated_at: 'string',
};
const REQUIRED = ['id', 'type', 'title', 'stages', 'owner', 'body', 'version', 'updated_at'];
const PRIVATE_FIELDS = ['recipient', 'emailBody', 'prospectName', 'to', 'cc', 'html', 'script', '__proto__', 'constructor'];

/** A JSON value that is not of this kind. */
function wrongType(kind: 'string' | 'array' | 'number'): fc.Arbitrary<unknown> {
  const all: Record<string, fc.Arbitrary<unknown>> = {
    string: fc.string({ maxLength: 10 }),
    number: fc.integer(),
    array: fc.array(fc.string({ maxLength: 5 }), { maxLength: 3 }),
    boolean: fc.boolean(),
    null: fc.constant(null),
    object: fc.dictionary(word, fc.string({ maxLength: 5 }), { maxKeys: 3 }),
  };
  return fc.oneof(
    ...Object.entries(all)
      .filter(([k]) => k !== kind)
      .map(([, arb]) => arb),
  );
}

const set = (field: string, value: unknown) => (item: Json) => ({ ...item, [field]: value });

/** A way to make an item invalid, whatever it was. */
const brokenItem: fc.Arbitrary<Broken> = fc.oneof(
  fc.constantFrom(...REQUIRED).map((f) => ({ tag: 'missing field', apply: (item: Json) => Object.fromEntries(Object.entries(item).filter(([k]) => k !== f)) })),
  fc.constantFrom(...Object.keys(FIELD_KIND)).chain((f) => wrongType(FIELD_KIND[f]!).map((v) => ({ tag: 'wrong type', apply: set(f, v) }))),
  fc
    .constantFrom<[string, number]>(['id', 121], ['title', 301], ['summary', 1001], ['owner', 201], ['body', 200_001], ['updated_at', 41])
    .chain(([f, min]) => hugeText(min, min * 3).map((v) => ({ tag: 'huge string', apply: set(f, v) }))),
  fc
    .constantFrom<[string, unknown]>(
      ['type', 'webinar'],
      ['stages', ['purchase']],
      ['stages', []],
      ['id', 'Not A Slug'],
      ['url', 'javascript:alert(1)'],
      ['url', 'data:text/html,<script>alert(1)</script>'],
      ['review_by', '2027-02-30'],
      ['version', -1],
      ['version', 1.5],
      ['body', 'Hi {{ssn}}'],
      ['title', '   '],
    )
    .map(([f, v]) => ({ tag: 'invalid value', apply: set(f, v) })),
  fc
    .tuple(fc.oneof(fc.constantFrom(...PRIVATE_FIELDS), word, hugeText(200, 20_000)), fc.jsonValue({ maxDepth: 2 }))
    .map(([key, value]) => ({ tag: 'unknown field', apply: (item: Json) => ({ ...item, [key]: value }) })),
  fc
    .tuple(fc.constantFrom('title', 'body', 'owner', 'version'), fc.integer({ min: 1, max: 50_000 }))
    .map(([f, depth]) => ({ tag: 'deep nesting', apply: set(f, deepArray(depth)) })),
  invalidUtf8.map((bytes) => ({ tag: 'invalid UTF-8', apply: (item: Json) => ({ ...item, id: `${String(item.id)}${rawBytes(bytes)}` }) })),
  fc.oneof(fc.string(), fc.integer(), fc.constant(null), fc.array(fc.nat())).map((v) => ({ tag: 'not an object', apply: () => v })),
);

const pageItems = fc.array(
  fc.oneof(
    { weight: 3, arbitrary: validItem.map((item) => ({ item, tags: itemTags(item) })) },
    { weight: 2, arbitrary: fc.tuple(validItem, brokenItem).map(([item, b]) => ({ item: b.apply(item), tags: [b.tag] })) },
  ),
  { maxLength: 12 },
);

function itemTags(item: Json): string[] {
  const text = `${String(item.title)} ${String(item.body)}`;
  return SCRIPT_PAYLOADS.some((p) => text.includes(p)) ? ['script payload'] : [];
}

const validPage = fc.record(
  {
    items: pageItems,
    deleted: fc.array(fc.oneof(fc.constantFrom(...CACHED_IDS, ...NEW_IDS), word), { maxLength: 5 }),
    // The cached cursor again, with more to come, is a server that makes no progress.
    cursor: fc.oneof(
      { weight: 4, arbitrary: fc.constant('c1') },
      { weight: 1, arbitrary: fc.constant(CACHED_CURSOR) },
      { weight: 4, arbitrary: hostileText(200).map((s) => s || 'c2') },
    ),
    hasMore: fc.boolean(),
    remaining: fc.nat(100),
    settings: fc.record({ stageMap: fc.dictionary(word, fc.constantFrom(...JOURNEY_STAGES), { maxKeys: 3 }) }),
  },
  { requiredKeys: ['items', 'deleted', 'cursor', 'hasMore'] },
);

type Envelope = { value: unknown; tags: string[] };

/** What can be wrong with the page object around the items. */
const envelopeBreak: fc.Arbitrary<(page: Json) => Envelope> = fc.oneof(
  { weight: 24, arbitrary: fc.constant((page: Json) => ({ value: page, tags: [] })) },
  fc
    .constantFrom<[string, 'string' | 'array' | 'number']>(['items', 'array'], ['deleted', 'array'], ['cursor', 'string'], ['hasMore', 'number'])
    .chain(([f, kind]) =>
      wrongType(kind).map((v) => (page: Json) => ({ value: { ...page, [f]: v }, tags: [f === 'cursor' ? 'wrong cursor type' : 'wrong type'] })),
    ),
  fc.constantFrom('items', 'deleted', 'cursor', 'hasMore').map((f) => (page: Json) => ({
    value: Object.fromEntries(Object.entries(page).filter(([k]) => k !== f)),
    tags: ['missing field'],
  })),
  fc.constantFrom<unknown>(7, null, 'gone', '', 'c'.repeat(201)).map((v) => (page: Json) => ({
    value: { ...page, deleted: [...(page.deleted as unknown[]), v] },
    tags: ['bad deleted id'],
  })),
  fc.constantFrom<unknown>('', 'c'.repeat(201), { seq: 3 }).map((v) => (page: Json) => ({ value: { ...page, cursor: v }, tags: ['wrong cursor type'] })),
  fc.constantFrom<unknown>(-1, 2.5, '3').map((v) => (page: Json) => ({ value: { ...page, remaining: v }, tags: ['wrong type'] })),
  hugeText(201, 5000).map((key) => (page: Json) => ({ value: { ...page, settings: { stageMap: { [key]: 'interest' } } }, tags: ['huge string'] })),
  fc.integer({ min: 1, max: 100_000 }).map((depth) => (page: Json) => ({ value: { ...page, items: deepArray(depth) }, tags: ['deep nesting'] })),
  fc.oneof(fc.constant(null), fc.string({ maxLength: 20 }), fc.array(fc.nat())).map((v) => () => ({ value: v, tags: ['not an object'] })),
);

type Bytes = { bytes: Uint8Array; tags: string[] };

/** What can go wrong with the bytes on the wire. */
const byteBreak: fc.Arbitrary<(bytes: Uint8Array) => Bytes> = fc.oneof(
  { weight: 20, arbitrary: fc.constant((bytes: Uint8Array) => ({ bytes, tags: [] })) },
  {
    weight: 2,
    arbitrary: fc
      .double({ min: 0, max: 1, noNaN: true })
      .map((at) => (bytes: Uint8Array) => ({ bytes: bytes.subarray(0, Math.floor(at * bytes.length)), tags: ['truncated JSON'] })),
  },
  {
    weight: 2,
    arbitrary: fc
      .tuple(fc.double({ min: 0, max: 1, noNaN: true }), invalidUtf8)
      .map(([at, bad]) => (bytes: Uint8Array) => ({ bytes: spliceBytes(bytes, Math.floor(at * bytes.length), bad), tags: ['invalid UTF-8'] })),
  },
  fc
    .constantFrom('', '<html><body>Sign in to the hotel Wi-Fi</body></html>', 'null', '[]', '42', '"page"', '{"items": [', '{}')
    .map((junk) => () => ({ bytes: Buffer.from(junk), tags: ['not a page'] })),
  fc.constant((bytes: Uint8Array) => ({ bytes: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes]), tags: ['byte order mark'] })),
  fc.constantFrom('}', ' x', ',').map((tail) => (bytes: Uint8Array) => ({ bytes: Buffer.concat([bytes, Buffer.from(tail)]), tags: ['trailing garbage'] })),
);

const status = fc.oneof(
  { weight: 24, arbitrary: fc.constant(200) },
  { weight: 1, arbitrary: fc.constantFrom(204, 304) },
  { weight: 3, arbitrary: fc.constantFrom(302, 400, 401, 403, 404, 410, 429, 500, 502, 503) },
);

/** A whole case: which cache it meets and what the server answers. */
export const pageCase: fc.Arbitrary<PageCase> = fc
  .record({
    mode: fc.constantFrom<'delta' | 'full'>('delta', 'delta', 'delta', 'full'),
    status,
    page: validPage,
    envelope: envelopeBreak,
    wire: byteBreak,
    errorBody: fc.constantFrom('{"error":{"code":"internal","message":"disk full"}}', '<h1>502 Bad Gateway</h1>', ''),
  })
  .map(({ mode, status: code, page, envelope, wire, errorBody }) => {
    const items = page.items as { item: unknown; tags: string[] }[];
    const ids = items.map((i) => (i.item as { id?: unknown } | null)?.id).filter((id) => typeof id === 'string');
    const shaped = envelope({ ...page, items: items.map((i) => i.item) });
    const sent = wire(renderJson(shaped.value));
    const tags = [...new Set([...items.flatMap((i) => i.tags), ...shaped.tags, ...sent.tags])];
    if (new Set(ids).size < ids.length) tags.push('duplicate ids');
    const c: PageCase =
      code !== 200
        ? { mode, response: { status: code, body: Buffer.from(errorBody) }, tags: [`HTTP ${code}`] }
        : { mode, response: { status: 200, body: sent.bytes }, tags };
    return readable(c);
  });

/** Shows a failing case as text, not as a byte array, when fast-check reports it. */
function readable(c: PageCase): PageCase {
  return Object.assign(c, {
    [fc.toStringMethod]: () => {
      const text = new TextDecoder().decode(c.response.body);
      const shown = text.length > 3000 ? `${text.slice(0, 3000)}… (${text.length} characters)` : text;
      return `${c.mode} sync, HTTP ${c.response.status}, [${c.tags.join(', ')}]: ${shown}`;
    },
  });
}
