import fc from 'fast-check';
import { stringify } from 'yaml';
import { CONTENT_TYPES, JOURNEY_STAGES } from '../../../lib/schema/content';
import { TEMPLATE_VARIABLES } from '../../../lib/templates/variables';
import { hostileText, hugeText, word } from './hostile-text';
import { invalidUtf8 } from './invalid-utf8';

/*
 * Content folders for `quiver import` with one broken file (two for clashes between files)
 * next to valid ones. Each case knows which file is broken and which field the import must
 * name: the test holds the CLI to that, and to importing nothing at all.
 */

export interface ContentFile {
  /** Path inside the content folder. */
  path: string;
  bytes: Uint8Array;
}

export interface ImportCase {
  files: ContentFile[];
  /** Problems the import must report: the file (inside the folder) and the fields any one of which it may name. */
  expected: { path: string; fields: string[]; mentions?: string }[];
  tag: string;
}

type Meta = Record<string, unknown>;

/** A valid front matter for `id`. */
const meta = (id: string): fc.Arbitrary<Meta> =>
  fc.record({
    id: fc.constant(id),
    type: fc.constantFrom(...CONTENT_TYPES),
    title: hostileText(200).map((s) => s.trim() || 'Untitled'),
    stages: fc.subarray([...JOURNEY_STAGES], { minLength: 1 }),
    tags: fc.array(fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,12}$/), { maxLength: 4 }),
    summary: hostileText(300).map((s) => s.trim()),
    owner: fc.constant('maria@example.com'),
  });

const body = fc.oneof(hostileText(500), fc.constant('Hi {{first_name | there}},\n\nA note for {{company}}.\n'));

export function renderFile(front: Meta | string, text: string): Buffer {
  const yaml = typeof front === 'string' ? front : stringify(front, { lineWidth: 0 });
  return Buffer.from(`---\n${yaml.endsWith('\n') ? yaml : `${yaml}\n`}---\n${text}`);
}

const FIELD_KIND: Record<string, string> = {
  id: 'string',
  type: 'string',
  title: 'string',
  stages: 'array',
  tags: 'array',
  summary: 'string',
  url: 'string',
  subject: 'string',
  shortcut: 'string',
  owner: 'string',
  review_by: 'string',
  expires: 'string',
};

function wrongType(kind: string): fc.Arbitrary<unknown> {
  const all: Record<string, fc.Arbitrary<unknown>> = {
    string: word,
    number: fc.integer(),
    boolean: fc.boolean(),
    null: fc.constant(null),
    array: fc.array(word, { minLength: 1, maxLength: 3 }),
    map: fc.dictionary(word, fc.nat(), { minKeys: 1, maxKeys: 2 }),
  };
  return fc.oneof(
    ...Object.entries(all)
      .filter(([k]) => k !== kind)
      .map(([, arb]) => arb),
  );
}

const unknownVariable = fc.stringMatching(/^[a-z][a-z_]{1,14}$/).filter((name) => !(TEMPLATE_VARIABLES as readonly string[]).includes(name));

type Broken = { front: Meta | string; text: string; fields: string[]; mentions?: string; tag: string; path?: string };

/** One file broken in one way, starting from valid front matter and body. */
const breakFile = (m: Meta, text: string): fc.Arbitrary<Broken> =>
  fc.oneof(
    fc
      .constantFrom(...Object.keys(FIELD_KIND))
      .chain((f) => wrongType(FIELD_KIND[f]!).map((v) => ({ front: { ...m, [f]: v }, text, fields: [f], tag: 'wrong field type' }))),
    fc
      .constantFrom<[string, unknown]>(
        ['type', 'webinar'],
        ['stages', []],
        ['stages', ['purchase']],
        ['tags', ['two words']],
        ['url', 'javascript:alert(1)'],
        ['url', 'ftp://files.example.com/deck.pdf'],
        ['shortcut', 'two words'],
        ['owner', ''],
        ['title', '   '],
        ['review_by', '2027-02-30'],
        ['expires', '31/12/2027'],
      )
      .map(([f, v]) => ({ front: { ...m, [f]: v }, text, fields: [f], tag: 'invalid value' })),
    unknownVariable.map((name) => ({ front: m, text: `${text}\nHi {{${name}}}\n`, fields: ['body'], tag: 'unknown variable' })),
    unknownVariable.map((name) => ({ front: { ...m, subject: `About {{ ${name} | you }}` }, text, fields: ['subject'], tag: 'unknown variable' })),
    fc
      .oneof(
        fc.constantFrom('recipient', 'prospect_email', 'Title', 'stage', 'review-by'),
        word.filter((w) => !(w in FIELD_KIND) && !['industries', 'personas', 'body'].includes(w)),
      )
      .map((key) => ({ front: { ...m, [key]: 'x' }, text, fields: ['front matter'], mentions: key, tag: 'unknown field' })),
    fc.constantFrom('id', 'type', 'title', 'stages', 'owner').map((f) => ({
      front: Object.fromEntries(Object.entries(m).filter(([k]) => k !== f)),
      text,
      fields: [f],
      tag: 'missing field',
    })),
    fc
      .constantFrom<[string, number]>(['title', 301], ['summary', 1001], ['id', 121])
      .chain(([f, min]) => hugeText(min, min * 20).map((v) => ({ front: { ...m, [f]: v }, text, fields: [f], tag: 'huge field' }))),
    hugeText(200_001, 600_000).map((big) => ({ front: m, text: big, fields: ['body'], tag: 'huge file' })),
    fc
      .constantFrom(
        // The whole title, continuation lines included: a long quoted title spans several (blank
        // ones too, for a newline inside it), and cutting only its first would leave the rest to
        // close the quote again. [^\n], not `.`, which stops at U+2028 and U+2029 inside the title.
        (y: string) => y.replace(/^title: [^\n]*(?:\n(?:[ \t]+[^\n]*|(?=\n)))*/m, 'title: "unterminated'),
        (y: string) => `${y}stages: [interest, engagement\n`,
        (y: string) => `${y}meta: {a: 1\n`,
        (y: string) => `${y}title: again\n`,
        (y: string) => `\t${y}`,
        (y: string) => `${y}owner: a: b\n`,
        () => '- id\n- type\n',
        () => 'just a sentence',
        (y: string) => `${y}x: ${'['.repeat(6000)}${']'.repeat(6000)}\n`,
        (y: string) => `${y}${aliasBomb()}`,
      )
      .map((edit) => ({ front: edit(stringify(m, { lineWidth: 0 })), text, fields: ['front matter'], tag: 'broken front matter' })),
    fc.constantFrom('no opening line', 'no closing line', 'empty file').map((how) => ({ front: m, text, fields: ['front matter'], tag: how })),
    fc.tuple(invalidUtf8, fc.boolean()).map(
      ([bad, inBody]) =>
        ({ front: m, text, fields: [inBody ? 'body' : 'title'], tag: inBody ? 'invalid UTF-8 in body' : 'invalid UTF-8 in front matter', bad }) as Broken & {
          bad: Uint8Array;
        },
    ),
  );

/** YAML aliases that expand to a billion nodes if a parser lets them. */
function aliasBomb(): string {
  let text = 'a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n';
  for (let i = 1; i < 9; i++) text += `a${i}: &a${i} [${Array.from({ length: 9 }, () => `*a${i - 1}`).join(', ')}]\n`;
  return text;
}

function bytesOf(b: Broken & { bad?: Uint8Array }): Buffer {
  const whole = renderFile(b.front, b.text);
  if (b.tag === 'no opening line') return whole.subarray(4);
  if (b.tag === 'no closing line') return Buffer.from(whole.toString('utf8').replace(/\n---\n/, '\n'));
  if (b.tag === 'empty file') return Buffer.alloc(0);
  if (!b.bad) return whole;
  // Raw bytes inside the title line, or at the end of the body.
  const text = whole.toString('utf8');
  const at = b.fields[0] === 'body' ? text.length : text.indexOf('\ntitle: ') + '\ntitle: x'.length;
  return Buffer.concat([Buffer.from(text.slice(0, at)), b.bad, Buffer.from(text.slice(at))]);
}

/** A valid file as Windows editors save it: byte order mark, CRLF line ends. Still valid. */
const windowsStyle = (bytes: Buffer) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(bytes.toString('utf8').replace(/\r?\n/g, '\r\n'))]);

/** Valid files next to the broken one: if any were imported, the library would change; none may be blamed. */
const validFiles = fc.tuple(meta('fresh-alpha'), meta('fresh-bravo'), body, body, fc.boolean()).map(([a, b, ta, tb, windows]) => [
  { path: 'fresh-alpha.md', bytes: windows ? windowsStyle(renderFile(a, ta)) : renderFile(a, ta) },
  { path: 'guides/fresh-bravo.md', bytes: renderFile(b, tb) },
]);

const oneBroken: fc.Arbitrary<ImportCase> = fc
  .tuple(meta('broken-item'), body)
  .chain(([m, text]) => breakFile(m, text))
  .chain((b) =>
    validFiles.map((valid) => ({
      files: [...valid, { path: 'broken-item.md', bytes: bytesOf(b) }],
      expected: [{ path: 'broken-item.md', fields: b.fields, ...(b.mentions ? { mentions: b.mentions } : {}) }],
      tag: b.tag,
    })),
  );

/** Problems no single file has: two files with one id, two items with one shortcut, a name that is not the id. */
const clash: fc.Arbitrary<ImportCase> = fc
  .tuple(
    meta('twin'),
    meta('other-item'),
    validFiles,
    fc.stringMatching(/^[a-z]{2,10}$/),
    fc.constantFrom('duplicate id', 'duplicate shortcut', 'id differs from file name'),
  )
  .map(([m, other, valid, key, tag]): ImportCase => {
    if (tag === 'duplicate id') {
      return {
        files: [...valid, { path: 'a/twin.md', bytes: renderFile(m, 'A') }, { path: 'b/twin.md', bytes: renderFile(m, 'B') }],
        expected: [{ path: 'b/twin.md', fields: ['id'] }],
        tag,
      };
    }
    if (tag === 'duplicate shortcut') {
      // Shortcuts are compared as typed in lowercase: ROI and roi clash.
      const one = { path: 'one/other-item.md', bytes: renderFile({ ...other, shortcut: key }, 'one') };
      const two = { path: 'two/twin.md', bytes: renderFile({ ...m, shortcut: key.toUpperCase() }, 'two') };
      return { files: [...valid, one, two], expected: [{ path: 'two/twin.md', fields: ['shortcut'] }], tag };
    }
    return { files: [...valid, { path: `${key}.md`, bytes: renderFile(other, 'C') }], expected: [{ path: `${key}.md`, fields: ['id'] }], tag };
  });

export const importCase: fc.Arbitrary<ImportCase> = fc.oneof({ weight: 8, arbitrary: oneBroken }, { weight: 1, arbitrary: clash }).map((c) =>
  Object.assign(c, {
    // A failing case is shown as the files' text, not as byte arrays.
    [fc.toStringMethod]: () =>
      `${c.tag}: ` +
      c.files
        .map((f) => {
          const text = new TextDecoder().decode(f.bytes);
          return `\n--- ${f.path} ---\n${text.length > 2000 ? `${text.slice(0, 2000)}… (${text.length} characters)` : text}`;
        })
        .join(''),
  }),
);
