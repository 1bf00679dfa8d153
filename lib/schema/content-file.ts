import { isNode, LineCounter, parseDocument, stringify, type Document, type YAMLError } from 'yaml';
import type { z } from 'zod';
import { contentItemSchema, type ContentItem } from './content';

/** One problem with one content file, naming the file and the field. */
export interface ContentFileProblem {
  file: string;
  /** Dotted path of the front-matter field, or `front matter` / `body` / `id`. */
  field: string;
  message: string;
  /** The line of the file the problem is on, where one line can be named. */
  line?: number;
}

export class ContentFileError extends Error {
  constructor(readonly problems: ContentFileProblem[]) {
    super(problems.map(formatProblem).join('\n'));
    this.name = 'ContentFileError';
  }
}

/** `content/x.md:7: summary: message` — the file:line form editors and terminals link. */
export function formatProblem(p: ContentFileProblem): string {
  return `${p.file}${p.line !== undefined ? `:${p.line}` : ''}: ${p.field}: ${p.message}`;
}

export type ParseResult = { ok: true; item: ContentItem } | { ok: false; problems: ContentFileProblem[] };

const FRONT_MATTER = /^\uFEFF?---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

export function issuePath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return 'front matter';
  return path.map((k, i) => (typeof k === 'number' ? `[${k}]` : `${i === 0 ? '' : '.'}${String(k)}`)).join('');
}

export function zodProblems(
  file: string,
  error: z.ZodError,
  lineOf: (path: readonly PropertyKey[]) => number | undefined = () => undefined,
): ContentFileProblem[] {
  return error.issues.map((issue) => {
    const line = lineOf(issue.path);
    return { file, field: issuePath(issue.path), message: issue.message, ...(line !== undefined ? { line } : {}) };
  });
}

/** What an author most likely did, for the YAML mistakes authors make (by the parser's code). */
const YAML_HINTS: Partial<Record<YAMLError['code'], string>> = {
  BLOCK_AS_IMPLICIT_KEY: `quote a value that contains ': ' (summary: "Cost: less than you think")`,
  MULTILINE_IMPLICIT_KEY: 'a field name and its value start on the same line; quote a value that goes on',
  MISSING_CHAR: 'close the quote or the bracket on the same line',
  BAD_INDENT: 'close a [ list with ] on the same line, and start each field at the left margin',
  DUPLICATE_KEY: 'each field appears once',
  TAB_AS_INDENT: 'indent with spaces, not tabs',
};

/**
 * The file line of a front-matter field: the value's line when it has one, else the field
 * name's, else the line of the nearest field above it that exists. Front matter starts on
 * line 2 of the file (line 1 is `---`).
 */
function fieldLine(doc: Document, lines: LineCounter, path: readonly PropertyKey[]): number | undefined {
  for (let n = path.length; n > 0; n--) {
    const node = doc.getIn(path.slice(0, n) as unknown[], true);
    if (isNode(node) && node.range) return lines.linePos(node.range[0]).line + 1;
  }
  return undefined;
}

/**
 * Parses one content file: YAML front matter between `---` lines, Markdown body below.
 * `file` is only used to name the file in problems; `expectedId`, when given, must equal the id.
 */
/** The body line an unknown `{{variable}}` is first used on. */
function bodyLine(body: string, firstLine: number, message: string): { line?: number } {
  const name = /\{\{([^}]*)\}\}/.exec(message)?.[1];
  const at = name ? body.search(new RegExp(`\\{\\{\\s*${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*[|}]`)) : -1;
  return at < 0 ? {} : { line: firstLine + body.slice(0, at).split('\n').length - 1 };
}

export function parseContentFile(file: string, source: string, expectedId?: string): ParseResult {
  const match = FRONT_MATTER.exec(source);
  if (!match) {
    return {
      ok: false,
      problems: [{ file, field: 'front matter', message: 'missing: the file must start with a --- line, YAML fields, and a closing --- line' }],
    };
  }
  const lines = new LineCounter();
  const doc = parseDocument(match[1] ?? '', { prettyErrors: false, uniqueKeys: true, lineCounter: lines });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      problems: doc.errors.map((e: YAMLError) => {
        const line = lines.linePos(e.pos[0]).line + 1;
        const hint = YAML_HINTS[e.code];
        return {
          file,
          field: 'front matter',
          line,
          message: `invalid YAML at line ${line} of the file: ${e.message.split('\n')[0]}${hint ? ` (${hint})` : ''}`,
        };
      }),
    };
  }
  const meta: unknown = doc.toJS();
  if (meta === null || typeof meta !== 'object' || Array.isArray(meta)) {
    return { ok: false, problems: [{ file, field: 'front matter', message: 'must be a set of "field: value" lines' }] };
  }
  if ('body' in meta) {
    return { ok: false, problems: [{ file, field: 'body', line: fieldLine(doc, lines, ['body']), message: 'belongs below the front matter, not in it' }] };
  }
  const body = source.slice(match[0].length).replace(/^\r?\n/, '');
  const parsed = contentItemSchema.safeParse({ ...(meta as Record<string, unknown>), body: body.trimEnd() + '\n' });
  if (!parsed.success) {
    const bodyStart = source.slice(0, match[0].length).split('\n').length + (body === source.slice(match[0].length) ? 0 : 1);
    const problems = zodProblems(file, parsed.error, (path) => fieldLine(doc, lines, path)).map((p) =>
      p.field === 'body' && p.line === undefined ? { ...p, ...bodyLine(body, bodyStart, p.message) } : p,
    );
    return { ok: false, problems };
  }
  if (expectedId !== undefined && parsed.data.id !== expectedId) {
    return {
      ok: false,
      problems: [{ file, field: 'id', line: fieldLine(doc, lines, ['id']), message: `"${parsed.data.id}" does not match the file name "${expectedId}"` }],
    };
  }
  return { ok: true, item: parsed.data };
}

/** Checks what no single file can: ids and shortcuts unique across the library. */
export function checkLibrary(entries: { file: string; item: ContentItem }[]): ContentFileProblem[] {
  const problems: ContentFileProblem[] = [];
  const ids = new Map<string, string>();
  const shortcuts = new Map<string, string>();
  for (const { file, item } of entries) {
    const other = ids.get(item.id);
    if (other) problems.push({ file, field: 'id', message: `"${item.id}" is already used by ${other}` });
    else ids.set(item.id, file);
    if (item.shortcut) {
      const owner = shortcuts.get(item.shortcut);
      if (owner) problems.push({ file, field: 'shortcut', message: `"${item.shortcut}" is already used by ${owner}` });
      else shortcuts.set(item.shortcut, file);
    }
  }
  return problems;
}

const FIELD_ORDER = [
  'id',
  'type',
  'title',
  'stages',
  'tags',
  'industries',
  'personas',
  'summary',
  'url',
  'subject',
  'shortcut',
  'owner',
  'review_by',
  'expires',
  'shareable',
] as const;

/** Writes an item back in the content file format; parsing the result gives the same item. */
export function serializeContentFile(item: ContentItem): string {
  const meta: Record<string, unknown> = {};
  for (const key of FIELD_ORDER) {
    const value = item[key];
    if (value === undefined) continue;
    if (key === 'summary' && value === '') continue;
    meta[key] = value;
  }
  const yaml = stringify(meta, { lineWidth: 0, flowCollectionPadding: false, defaultStringType: 'PLAIN' })
    // Lists of slugs read best inline, as authors write them.
    .replace(/^(stages|tags|industries|personas):\n((?: {2}- .*\n)+)/gm, (_m, key: string, list: string) => {
      const values = list
        .trim()
        .split('\n')
        .map((l) => l.replace(/^\s*- /, ''));
      return `${key}: [${values.join(', ')}]\n`;
    });
  return `---\n${yaml}---\n${item.body}`;
}
