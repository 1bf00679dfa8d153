import * as z from 'zod/mini';
import { SITES } from '../sites/registry';

/*
 * What the content script reads from a page. Written with zod/mini: the context travels in
 * runtime messages from the content script, which must stay small (see lib/schema/vocabulary.ts
 * for how zod's classic schemas compose with these).
 */

/** The supported sites: one per entry of the site registry. */
export { SITES };
export const siteSchema = z.enum(SITES);
export type Site = z.infer<typeof siteSchema>;

/** What kind of page the rep is on; usage events carry it, never the page's contents. */
export const PAGE_KINDS = [
  'inbox',
  'thread',
  'compose',
  'profile',
  'messaging',
  'opportunity',
  'lead',
  'contact',
  'account',
  'deal',
  'company',
  'other',
] as const;
export const pageKindSchema = z.enum(PAGE_KINDS);
export type PageKind = z.infer<typeof pageKindSchema>;

/**
 * The longest value of each field. The content script cuts what it reads to these lengths
 * (lib/sites/context.ts) so that every receiver accepts the context.
 */
export const PAGE_CONTEXT_LIMITS = {
  text: 300,
  email: 320,
  title: 500,
  recordType: 100,
  stage: 200,
  industry: 200,
  subject: 1000,
  url: 4096,
  label: 200,
  recipients: 100,
  threadLength: 10_000,
  listName: 200,
  lists: 50,
} as const;
const L = PAGE_CONTEXT_LIMITS;

const text = (max: number = L.text) => z.string().check(z.maxLength(max));

export const personSchema = z.object({
  fullName: z.optional(text()),
  firstName: z.optional(text()),
  lastName: z.optional(text()),
  email: z.optional(text(L.email)),
  /** Job title or LinkedIn headline. */
  title: z.optional(text(L.title)),
});
export type Person = z.infer<typeof personSchema>;

export const editorInfoSchema = z.object({
  /** `rich` takes HTML (contenteditable); `plain` takes text (textarea, input, plain-text editors). */
  kind: z.enum(['rich', 'plain']),
  /** What the rep would call it: "Message Body", "LinkedIn message"… */
  label: text(L.label),
});
export type EditorInfo = z.infer<typeof editorInfoSchema>;

/** What the content script found on the page, kept current as the app navigates. */
export const pageContextSchema = z.object({
  site: z.nullable(siteSchema),
  /** False for pages no adapter recognises: the panel still searches and copies. */
  supported: z.boolean(),
  pageKind: pageKindSchema,
  url: text(L.url),
  person: z.optional(personSchema),
  /** Everyone the email goes to (Gmail, Outlook), first the main recipient. */
  recipients: z.optional(z.array(personSchema).check(z.maxLength(L.recipients))),
  company: z.optional(text()),
  /** CRM record type as the CRM names it: Opportunity, Lead, Contact, Account, Deal… */
  recordType: z.optional(text(L.recordType)),
  recordName: z.optional(text()),
  deal: z.optional(z.object({ name: z.optional(text()), stage: z.optional(text(L.stage)) })),
  location: z.optional(text()),
  industry: z.optional(text(L.industry)),
  /** Email subject, where the page has one. */
  subject: z.optional(text(L.subject)),
  isReply: z.optional(z.boolean()),
  /** Messages already in the thread or conversation. */
  threadLength: z.optional(z.int().check(z.minimum(0), z.maximum(L.threadLength))),
  /** Whether the prospect and the rep have exchanged messages (LinkedIn). */
  inConversation: z.optional(z.boolean()),
  /** The rep's own lists the person (or their account) is saved in (Sales Navigator). */
  lists: z.optional(z.array(text(L.listName)).check(z.maxLength(L.lists))),
  /** Whether the rep saved the person as a lead (Sales Navigator). */
  saved: z.optional(z.boolean()),
  /** The editor Quiver would insert into, or null when the page has none. */
  editor: z.nullable(editorInfoSchema),
});
export type PageContext = z.infer<typeof pageContextSchema>;

export function unsupportedContext(url: string): PageContext {
  return { site: null, supported: false, pageKind: 'other', url, editor: null };
}
