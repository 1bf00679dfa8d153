import fc from 'fast-check';
import { isRequest, MESSAGES, parseMessage, type Context, type MessageName } from '../../../lib/schema/messages';
import { PAGE_KINDS, SITES } from '../../../lib/schema/page-context';
import { CONTENT_TYPES, JOURNEY_STAGES } from '../../../lib/schema/vocabulary';
import { hostileText, SCRIPT_PAYLOADS, word } from './hostile-text';
import { XSS_PAYLOADS } from './browser-xss-payloads';

/*
 * Runtime messages for the extension's three message channels, made by fast-check: a valid
 * message of the channel, then a few mutations (a field dropped or of the wrong type, a huge
 * string, deep nesting, prototype-pollution keys, a wrong or foreign `type`, not an object at
 * all, values the browser cannot send). Whether the receiver must accept a case is decided
 * here by the shared message table (lib/schema/messages.ts) for the channel's receiver and
 * senders, applied to what the browser delivers (the message after a JSON round trip): the
 * test then checks the receiver did exactly that.
 */

/** Extension pages to the background, a content script to the background, anyone to the content script. */
export type Channel = 'pages->bg' | 'content->bg' | 'to-content';

/** A case as the sending page rebuilds it: JSON text, plus a value JSON cannot carry. */
export interface MessageCase {
  json: string;
  /** Added in the page under the key `x` (or as the whole message for `undefined`). */
  special?: 'bigint' | 'cyclic' | 'function' | 'symbol' | 'map' | 'undefined';
  tags: string[];
  /** The schema accepts what arrives: the receiver must act on it. */
  valid: boolean;
  /** Valid, and of a type the receiver answers: anything else must get no answer. */
  answers: boolean;
}

/** Who receives a channel's messages, and whose messages it takes. */
const CHANNELS: Record<Channel, { to: Context; from: Context[] }> = {
  'pages->bg': { to: 'bg', from: ['panel', 'options'] },
  'content->bg': { to: 'bg', from: ['content'] },
  'to-content': { to: 'content', from: ['panel', 'bg'] },
};

/** Every type the extension knows: a message of the wrong channel is a likely forgery. */
const ALL_TYPES = Object.keys(MESSAGES) as MessageName[];

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const context: fc.Arbitrary<Json> = fc.record(
  {
    site: fc.constantFrom(...SITES, null),
    supported: fc.boolean(),
    pageKind: fc.constantFrom(...PAGE_KINDS),
    url: fc.constantFrom('https://mail.google.com/mail/u/0/#inbox', 'https://app.hubspot.com/contacts/1/record/0-3/2'),
    person: fc.record({ fullName: hostileText(300), email: fc.constant('dana@example.com') }, { requiredKeys: [] }),
    subject: hostileText(1000),
    threadLength: fc.integer({ min: 0, max: 10_000 }),
    editor: fc.oneof(fc.constant(null), fc.record({ kind: fc.constantFrom('rich', 'plain'), label: hostileText(200) })),
  },
  { requiredKeys: ['site', 'supported', 'pageKind', 'url', 'editor'] },
) as fc.Arbitrary<Json>;

/** HTML an insert may carry: hostile markup mostly, it is what the content script must sanitise. */
const insertHtml = fc.oneof(fc.constantFrom(...XSS_PAYLOADS.map((p) => p.html('insert'))), fc.constantFrom(...SCRIPT_PAYLOADS), hostileText(2000));

const VALID: Record<Channel, fc.Arbitrary<Json>> = {
  'pages->bg': fc.constantFrom<Json>({ type: 'options->bg:sync-now' }, { type: 'panel->bg:upload-events' }, { type: 'options->bg:settings-changed' }),
  'content->bg': fc.oneof(
    fc.constant({ type: 'content->bg:open-panel' }),
    fc.constant({ type: 'content->bg:get-shortcuts' }),
    fc.constant({ type: 'content->bg:load-palette' }),
    fc
      .record(
        { query: hostileText(500), stages: fc.subarray([...JOURNEY_STAGES]), types: fc.subarray([...CONTENT_TYPES]), limit: fc.integer({ min: 1, max: 100 }) },
        { requiredKeys: ['query'] },
      )
      .map((request) => ({ type: 'content->bg:search', request })),
    fc
      .record(
        { id: fc.constantFrom('cold-intro-empty-miles', 'no-such-item'), context, values: fc.dictionary(word, hostileText(500), { maxKeys: 3 }) },
        { requiredKeys: ['context'] },
      )
      .map((r) => ({ type: 'content->bg:render', ...r })),
    // Only ids the library does not hold: a valid `used` of a real item would rightly queue an event.
    fc
      .record({ id: fc.constantFrom('no-such-item', 'x'.repeat(200)), via: fc.constantFrom('palette', 'shortcut'), context })
      .map((r) => ({ type: 'content->bg:used', ...r })),
  ) as fc.Arbitrary<Json>,
  'to-content': fc.oneof(
    { weight: 2, arbitrary: fc.constant({ type: 'panel->content:get-context' }) },
    {
      weight: 5,
      arbitrary: fc
        .record({ html: insertHtml, text: hostileText(500), subject: hostileText(1000) }, { requiredKeys: ['html', 'text'] })
        .map((payload) => ({ type: 'panel->content:insert', payload })),
    },
    { weight: 1, arbitrary: fc.constant({ type: 'bg->content:shortcuts-changed' }) },
  ) as fc.Arbitrary<Json>,
};

const jsonValue: fc.Arbitrary<Json> = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.double(),
  fc.integer(),
  hostileText(50),
  fc.array(fc.integer(), { maxLength: 3 }),
  fc.dictionary(word, fc.integer(), { maxKeys: 3 }),
);

/** Past every field's limit: most just past the small ones, some past the 1,000,000 of an insert's HTML. */
const hugeString = fc
  .tuple(
    fc.oneof({ weight: 9, arbitrary: fc.integer({ min: 2_000, max: 50_000 }) }, { weight: 1, arbitrary: fc.integer({ min: 1_000_001, max: 1_200_000 }) }),
    fc.constantFrom('x', '<img src=x onerror=window.__xss(1)>', '😀'),
  )
  .map(([n, unit]) => unit.repeat(Math.ceil(n / unit.length)));

function deepValue(depth: number, kind: 'array' | 'object'): Json {
  let v: Json = kind === 'array' ? [] : {};
  for (let i = 0; i < depth; i++) v = kind === 'array' ? [v] : { a: v };
  return v;
}

/** Paths to every object or array in the message (the message itself is []). */
function containers(v: Json, path: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  if (v === null || typeof v !== 'object' || path.length > 4) return out;
  out.push(path);
  for (const [k, child] of Object.entries(v)) containers(child as Json, [...path, Array.isArray(v) ? Number(k) : k], out);
  return out;
}

function at(v: Json, path: (string | number)[]): Json {
  return path.reduce<Json>((node, key) => (node as Record<string, Json>)[key as string] as Json, v);
}

type Mutation = { tag: string; apply: (msg: Json, pick: number) => Json };

/** A random key of the container at a random path, and the container. */
function slot(msg: Json, pick: number): { parent: Record<string, Json>; key: string } | null {
  const paths = containers(msg).filter((p) => Object.keys(at(msg, p) as object).length > 0);
  const path = paths[pick % Math.max(1, paths.length)];
  if (!path) return null;
  const parent = at(msg, path) as Record<string, Json>;
  const keys = Object.keys(parent);
  return { parent, key: keys[Math.floor(pick / 7) % keys.length]! };
}

function mutations(value: () => Json, huge: string, depth: number): Mutation[] {
  return [
    {
      tag: 'missing-field',
      apply: (m, p) => {
        const s = slot(m, p);
        if (s) delete s.parent[s.key];
        return m;
      },
    },
    {
      tag: 'wrong-type',
      apply: (m, p) => {
        const s = slot(m, p);
        if (s) s.parent[s.key] = value();
        return m;
      },
    },
    {
      tag: 'huge-string',
      apply: (m, p) => {
        const s = slot(m, p);
        if (s) s.parent[s.key] = huge;
        return m;
      },
    },
    {
      tag: 'deep-nesting',
      apply: (m, p) => {
        const s = slot(m, p);
        if (s) s.parent[s.key] = deepValue(depth, p % 2 ? 'array' : 'object');
        return m;
      },
    },
    { tag: 'extra-field', apply: (m) => (m && typeof m === 'object' && !Array.isArray(m) ? { ...m, [`extra${depth}`]: value() } : m) },
    {
      tag: 'wrong-message-type',
      apply: (m, p) =>
        m && typeof m === 'object' && !Array.isArray(m)
          ? {
              ...m,
              type: [ALL_TYPES[p % ALL_TYPES.length]!, `${ALL_TYPES[p % ALL_TYPES.length]} `, 'OPTIONS->BG:SYNC-NOW', huge.slice(0, 5000), value()][p % 5]!,
            }
          : m,
    },
    {
      tag: 'not-an-object',
      apply: (m, p) => [null, 0, 'options->bg:sync-now', true, [m], { message: m }, { type: { type: 'options->bg:sync-now' } }][p % 7] as Json,
    },
  ];
}

/**
 * Adds own `__proto__` / `constructor` / `prototype` keys (at the top, or to every object):
 * written by JSON.stringify and kept by JSON.parse as plain data, which a careless merge
 * would turn into Object.prototype.
 */
function withPollutionKeys(msg: Json, pick: number): Json {
  const polluted = { polluted: 'yes', toString: 'no', isAdmin: true };
  const key = ['__proto__', 'constructor', 'prototype'][pick % 3]!;
  const add = (node: Json, deep: boolean, level = 0) => {
    if (node === null || typeof node !== 'object' || level > 8) return;
    if (deep) for (const child of Object.values(node)) add(child as Json, true, level + 1);
    if (Array.isArray(node)) return;
    const value = key === 'constructor' ? { prototype: { ...polluted } } : { ...polluted };
    Object.defineProperty(node, key, { value, enumerable: true, configurable: true, writable: true });
  };
  add(msg, pick % 2 === 1);
  return msg;
}

/** `arbitrary`'s value `weight` times in `weight + otherwise`, else null. */
const sometimes = <T>(arbitrary: fc.Arbitrary<T>, weight: number, otherwise: number): fc.Arbitrary<T | null> =>
  fc.oneof({ weight, arbitrary }, { weight: otherwise, arbitrary: fc.constant(null) });

const caseArbitrary = (channel: Channel): fc.Arbitrary<MessageCase> =>
  fc
    .record({
      base: VALID[channel],
      steps: fc.array(fc.tuple(fc.nat(6), fc.nat()), { minLength: 0, maxLength: 3 }),
      value: jsonValue,
      huge: hugeString,
      // Past Chromium's limit for a message (between 500 and 5,000) at times, but within what
      // JSON.stringify manages on a test worker's stack.
      depth: fc.oneof(fc.integer({ min: 20, max: 200 }), fc.integer({ min: 200, max: 1500 })),
      pollute: sometimes(fc.nat(), 1, 3),
      special: sometimes(
        fc.constantFrom('bigint', 'cyclic', 'function', 'symbol', 'map', 'undefined') as fc.Arbitrary<NonNullable<MessageCase['special']>>,
        1,
        6,
      ),
    })
    .map(({ base, steps, value, huge, depth, pollute, special }) => {
      let msg = structuredClone(base);
      const tags: string[] = [];
      // A fresh copy per use: one object placed twice could end up inside itself.
      const all = mutations(() => structuredClone(value), huge, depth);
      for (const [which, pick] of steps) {
        const m = all[which]!;
        msg = m.apply(msg, pick);
        tags.push(m.tag);
      }
      if (pollute !== null && msg !== null && typeof msg === 'object' && !Array.isArray(msg)) {
        msg = withPollutionKeys(msg, pollute);
        tags.push('prototype-pollution');
      }
      const json = JSON.stringify(msg);
      if (special) tags.push(`unsendable-${special}`);
      if (tags.length === 0) tags.push('valid');
      const valid = arrives(channel, json, special ?? undefined);
      const answers = valid && isRequest((JSON.parse(json) as { type: MessageName }).type);
      return { json, ...(special ? { special } : {}), tags, valid, answers };
    });

/** What the schema says of the message as the browser delivers it. */
function arrives(channel: Channel, json: string, special: MessageCase['special'] | undefined): boolean {
  // The browser refuses to send these at all (or sends nothing).
  if (special === 'bigint' || special === 'cyclic' || special === 'undefined') return false;
  // A function or symbol field is dropped on the way, a Map arrives as {}: under the key `x`, which no schema reads.
  const { to, from } = CHANNELS[channel];
  return parseMessage(JSON.parse(json), to, from) !== undefined;
}

export function messageCases(channel: Channel, count: number, seed: number): MessageCase[] {
  return fc.sample(caseArbitrary(channel), { numRuns: count, seed });
}
