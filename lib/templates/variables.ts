/**
 * Template variables: `{{first_name}}`, with a fallback after a pipe: `{{first_name | there}}`.
 * Parsing is a plain scan; nothing is ever evaluated.
 */

export const PROSPECT_VARIABLES = ['first_name', 'last_name', 'full_name', 'email', 'company', 'title', 'deal_name', 'deal_stage'] as const;
export const SENDER_VARIABLES = ['my.first_name', 'my.last_name', 'my.full_name', 'my.email', 'my.title', 'my.company'] as const;
export const TEMPLATE_VARIABLES = [...PROSPECT_VARIABLES, ...SENDER_VARIABLES] as const;
export type TemplateVariable = (typeof TEMPLATE_VARIABLES)[number];

const KNOWN = new Set<string>(TEMPLATE_VARIABLES);

export function isTemplateVariable(name: string): name is TemplateVariable {
  return KNOWN.has(name);
}

export type TemplatePart = { kind: 'text'; text: string } | { kind: 'variable'; name: string; fallback: string | undefined; raw: string };

const TOKEN = /\{\{([^{}]*)\}\}/g;

/** Splits a template into literal text and variable references. */
export function parseTemplate(source: string): TemplatePart[] {
  const parts: TemplatePart[] = [];
  let last = 0;
  for (const match of source.matchAll(TOKEN)) {
    const start = match.index ?? 0;
    if (start > last) parts.push({ kind: 'text', text: source.slice(last, start) });
    const inner = match[1] ?? '';
    const pipe = inner.indexOf('|');
    const name = (pipe === -1 ? inner : inner.slice(0, pipe)).trim();
    const fallback = pipe === -1 ? undefined : inner.slice(pipe + 1).trim();
    parts.push({ kind: 'variable', name, fallback, raw: match[0] });
    last = start + match[0].length;
  }
  if (last < source.length) parts.push({ kind: 'text', text: source.slice(last) });
  return parts;
}

/** Variable names a template uses that Quiver does not know, each once. */
export function findUnknownVariables(source: string): string[] {
  if (!source.includes('{{')) return [];
  const unknown = new Set<string>();
  for (const part of parseTemplate(source)) {
    if (part.kind === 'variable' && !KNOWN.has(part.name)) unknown.add(part.name);
  }
  return [...unknown];
}

/** Every variable a template uses, each once, in order of first use. */
export function listVariables(source: string): TemplatePart[] {
  const seen = new Set<string>();
  return parseTemplate(source).filter((p) => {
    if (p.kind !== 'variable' || seen.has(p.name)) return false;
    seen.add(p.name);
    return true;
  });
}
