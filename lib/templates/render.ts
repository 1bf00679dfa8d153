import { isTemplateType, type ContentItem } from '../schema/content';
import { markdownToHtml, markdownToText } from './markdown';
import { isTemplateVariable, listVariables, parseTemplate, type TemplateVariable } from './variables';

export type VariableValues = Partial<Record<TemplateVariable, string>>;

export interface RenderedContent {
  /** HTML for rich editors; not yet sanitised. */
  html: string;
  /** Plain text for plain editors and the clipboard's text flavour. */
  text: string;
  /** Filled subject of an email template, when it has one. */
  subject?: string;
  /** Variables with no value and no fallback: ask the rep before inserting. */
  missing: TemplateVariable[];
}

// Letters only, so Markdown leaves them alone; replaced after Markdown is rendered, which keeps
// values out of the Markdown (a `*` in a company name stays a `*`) and lets HTML get escaped values.
const sentinel = (i: number) => `QVRSENTINEL${i}X`;
const SENTINEL = /QVRSENTINEL(\d+)X/g;

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function valueOf(values: VariableValues, name: string): string | undefined {
  if (!isTemplateVariable(name)) return undefined;
  const v = values[name]?.trim();
  return v ? v : undefined;
}

/** Variables that have neither a value nor a fallback. */
export function missingVariables(source: string, values: VariableValues): TemplateVariable[] {
  return listVariables(source)
    .filter((p) => p.kind === 'variable' && p.fallback === undefined && valueOf(values, p.name) === undefined)
    .map((p) => (p.kind === 'variable' ? p.name : ''))
    .filter(isTemplateVariable);
}

/** Fills a one-line template (a subject). Missing values with no fallback become empty. */
export function fillText(source: string, values: VariableValues): string {
  return parseTemplate(source)
    .map((p) => (p.kind === 'text' ? p.text : (valueOf(values, p.name) ?? p.fallback ?? '')))
    .join('');
}

type VariableRenderer = (name: string, value: string | undefined, fallback: string | undefined) => string;

function renderBody(body: string, html: VariableRenderer, text: VariableRenderer) {
  const vars: { name: string; fallback: string | undefined }[] = [];
  const source = parseTemplate(body)
    .map((p) => {
      if (p.kind === 'text') return p.text;
      vars.push({ name: p.name, fallback: p.fallback });
      return sentinel(vars.length - 1);
    })
    .join('');
  const sub = (out: string, render: VariableRenderer) =>
    out.replace(SENTINEL, (_m, i: string) => {
      const v = vars[Number(i)];
      return v ? render(v.name, undefined, v.fallback) : '';
    });
  return { html: sub(markdownToHtml(source), html), text: sub(markdownToText(source), text) };
}

/** An asset goes out as a titled link (or its title and summary when it has no link). */
function renderAsset(item: ContentItem): RenderedContent {
  if (item.url) {
    return {
      html: `<p><a href="${escapeHtml(item.url)}">${escapeHtml(item.title)}</a></p>`,
      text: `${item.title}: ${item.url}`,
      missing: [],
    };
  }
  return {
    html: `<p><strong>${escapeHtml(item.title)}</strong>${item.summary ? ` — ${escapeHtml(item.summary)}` : ''}</p>`,
    text: item.summary ? `${item.title} — ${item.summary}` : item.title,
    missing: [],
  };
}

/**
 * Renders an item for insertion: variables filled from `values`, fallbacks where a value is
 * missing, and a list of what is still missing (rendered as empty, never as `{{…}}`).
 */
export function renderItem(item: ContentItem, values: VariableValues): RenderedContent {
  if (!isTemplateType(item.type)) return renderAsset(item);
  const fill: VariableRenderer = (name, _v, fallback) => valueOf(values, name) ?? fallback ?? '';
  const { html, text } = renderBody(item.body, (name, v, fallback) => escapeHtml(fill(name, v, fallback)), fill);
  const missing = new Set(missingVariables(item.body, values));
  if (item.subject) for (const m of missingVariables(item.subject, values)) missing.add(m);
  return {
    html,
    text,
    subject: item.subject ? fillText(item.subject, values) : undefined,
    missing: [...missing],
  };
}

/** Preview: variables shown as readable placeholders, e.g. ⟨first name | there⟩. */
export function renderPreview(item: ContentItem, label: (name: TemplateVariable) => string): { html: string; subject?: string } {
  // Only known variables get this far (an unknown one is an import error); any other shows as written.
  const placeholder = (name: string, fallback: string | undefined) =>
    `⟨${isTemplateVariable(name) ? label(name) : name}${fallback !== undefined ? ` | ${fallback}` : ''}⟩`;
  const { html } = renderBody(
    item.body,
    (name, _v, fallback) => `<span class="qv-variable" data-variable="${escapeHtml(name)}">${escapeHtml(placeholder(name, fallback))}</span>`,
    (name, _v, fallback) => placeholder(name, fallback),
  );
  const subject = item.subject
    ? parseTemplate(item.subject)
        .map((p) => (p.kind === 'text' ? p.text : placeholder(p.name, p.fallback)))
        .join('')
    : undefined;
  return { html, subject };
}
