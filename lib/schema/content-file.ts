import { parseDocument, stringify, YAMLError } from 'yaml';
import type { z } from 'zod';
import { contentItemSchema, type ContentItem } from './content';

/** One problem with one content file, naming the file and the field. */
export interface ContentFileProblem {
  file: string;
  /** Dotted path of the front-matter field, or `front matter` / `body` / `id`. */
  field: string;
  message: string;
}

export class ContentFileError extends Error {
  constructor(readonly problems: ContentFileProblem[]) {
    super(problems.map(formatProblem).join('\n'));
    this.name = 'ContentFileError';
  }
}

export function formatProblem(p: ContentFileProblem): string {
  return `${p.file}: ${p.field}: ${p.message}`;
}

export type ParseResult =
  | { ok: true; item: ContentItem }
  | { ok: false; problems: ContentFileProblem[] };

const FRONT_MATTER = /^\uFEFF?---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

export function issuePath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return 'front matter';
  return path
    .map((k, i) => (typeof k === 'number' ? `[${k}]` : `${i === 0 ? '' : '.'}${String(k)}`))
    .join('');
}

export function zodProblems(file: string, error: z.ZodError): ContentFileProblem[] {
  return error.issues.map((issue) => ({ file, field: issuePath(issue.path), message: issue.message }));
}

/**
 * Parses one content file: YAML front matter between `---` lines, Markdown body below.
 * `file` is only used to name the file in problems; `expectedId`, when given, must equal the id.
 */
export function parseContentFile(file: string, source: string, expectedId?: string): ParseResult {
  const match = FRONT_MATTER.exec(source);
  if (!match) {
    return {
      ok: false,
      problems: [{ file, field: 'front matter', message: 'missing: the file must start with a --- line, YAML fields, and a closing --- line' }],
    };
  }
  const doc = parseDocument(match[1] ?? '', { prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      problems: doc.errors.map((e: YAMLError) => ({
        file,
        field: 'front matter',
        message: `invalid YAML at line ${(e.linePos?.[0]?.line ?? 1) + 1} of the file: ${e.message.split('\n')[0]}`,
      })),
    };
  }
  const meta: unknown = doc.toJS();
  if (meta === null || typeof meta !== 'object' || Array.isArray(meta)) {
    return { ok: false, problems: [{ file, field: 'front matter', message: 'must be a set of "field: value" lines' }] };
  }
  if ('body' in meta) {
    return { ok: false, problems: [{ file, field: 'body', message: 'belongs below the front matter, not in it' }] };
  }
  const body = source.slice(match[0].length).replace(/^\r?\n/, '');
  const parsed = contentItemSchema.safeParse({ ...(meta as Record<string, unknown>), body: body.trimEnd() + '\n' });
  if (!parsed.success) return { ok: false, problems: zodProblems(file, parsed.error) };
  if (expectedId !== undefined && parsed.data.id !== expectedId) {
    return {
      ok: false,
      problems: [{ file, field: 'id', message: `"${parsed.data.id}" does not match the file name "${expectedId}"` }],
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
