import { PAGE_CONTEXT_LIMITS, type EditorInfo, type PageContext, type Person } from '../schema/page-context';
import { companyDisplayName } from './derive';
import { cleanText } from './dom';

/*
 * Makes a context every receiver accepts: strings cut to the lengths pageContextSchema allows
 * (a long LinkedIn headline must not make the whole context fail validation in the panel),
 * empty values dropped, recipients de-duplicated. The limits are the schema's own; the unit
 * tests check the result against the schema.
 */

const LIMITS = PAGE_CONTEXT_LIMITS;

function clip(s: string | undefined, max: number): string | undefined {
  const t = cleanText(s);
  if (!t) return undefined;
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}

function compact<T extends object>(o: T): T | undefined {
  const entries = Object.entries(o).filter(([, v]) => v !== undefined);
  return entries.length > 0 ? (Object.fromEntries(entries) as T) : undefined;
}

export function clipPerson(p: Person | undefined): Person | undefined {
  if (!p) return undefined;
  return compact({
    fullName: clip(p.fullName, LIMITS.text),
    firstName: clip(p.firstName, LIMITS.text),
    lastName: clip(p.lastName, LIMITS.text),
    email: p.email && p.email.length <= LIMITS.email ? p.email : undefined,
    title: clip(p.title, LIMITS.title),
  });
}

/** List names, cleaned, de-duplicated and bounded as the schema allows. */
function clipList(names: string[] | undefined): string[] | undefined {
  const out: string[] = [];
  for (const n of names ?? []) {
    const name = clip(n, LIMITS.listName);
    if (name && !out.includes(name)) out.push(name);
  }
  return out.length > 0 ? out.slice(0, LIMITS.lists) : undefined;
}

function samePerson(a: Person, b: Person): boolean {
  return a.email !== undefined ? a.email === b.email : a.fullName !== undefined && a.fullName === b.fullName;
}

export function finishContext(
  fields: Partial<PageContext> & Pick<PageContext, 'site' | 'supported' | 'pageKind'>,
  url: string,
  editor: EditorInfo | null,
): PageContext {
  const recipients: Person[] = [];
  for (const r of fields.recipients ?? []) {
    const p = clipPerson(r);
    if (p && !recipients.some((q) => samePerson(p, q))) recipients.push(p);
  }
  const deal = fields.deal ? compact({ name: clip(fields.deal.name, LIMITS.text), stage: clip(fields.deal.stage, LIMITS.stage) }) : undefined;
  const context: PageContext = {
    site: fields.site,
    supported: fields.supported,
    pageKind: fields.pageKind,
    url: url.slice(0, LIMITS.url),
    person: clipPerson(fields.person),
    recipients: recipients.length > 0 ? recipients.slice(0, LIMITS.recipients) : undefined,
    company: clip(companyDisplayName(fields.company), LIMITS.text),
    recordType: clip(fields.recordType, LIMITS.recordType),
    recordName: clip(fields.recordName, LIMITS.text),
    deal,
    location: clip(fields.location, LIMITS.text),
    industry: clip(fields.industry, LIMITS.industry),
    subject: clip(fields.subject, LIMITS.subject),
    isReply: fields.isReply,
    threadLength:
      fields.threadLength !== undefined && Number.isInteger(fields.threadLength) ? Math.max(0, Math.min(LIMITS.threadLength, fields.threadLength)) : undefined,
    inConversation: fields.inConversation,
    lists: clipList(fields.lists),
    saved: fields.saved,
    editor: editor ? { kind: editor.kind, label: clip(editor.label, LIMITS.label) ?? 'Editor' } : null,
  };
  return compact(context) as PageContext;
}
