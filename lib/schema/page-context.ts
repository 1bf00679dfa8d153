import { z } from 'zod';

export const SITES = ['gmail', 'outlook', 'linkedin', 'salesnav', 'salesforce', 'hubspot'] as const;
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

const text = (max = 300) => z.string().max(max);

export const personSchema = z.object({
  fullName: text().optional(),
  firstName: text().optional(),
  lastName: text().optional(),
  email: text(320).optional(),
  /** Job title or LinkedIn headline. */
  title: text(500).optional(),
});
export type Person = z.infer<typeof personSchema>;

export const editorInfoSchema = z.object({
  /** `rich` takes HTML (contenteditable); `plain` takes text (textarea, input, plain-text editors). */
  kind: z.enum(['rich', 'plain']),
  /** What the rep would call it: "Message Body", "LinkedIn message"… */
  label: text(200),
});
export type EditorInfo = z.infer<typeof editorInfoSchema>;

/** What the content script found on the page, kept current as the app navigates. */
export const pageContextSchema = z.object({
  site: siteSchema.nullable(),
  /** False for pages no adapter recognises: the panel still searches and copies. */
  supported: z.boolean(),
  pageKind: pageKindSchema,
  url: text(4096),
  person: personSchema.optional(),
  /** Everyone the email goes to (Gmail, Outlook), first the main recipient. */
  recipients: z.array(personSchema).max(100).optional(),
  company: text().optional(),
  /** CRM record type as the CRM names it: Opportunity, Lead, Contact, Account, Deal… */
  recordType: text(100).optional(),
  recordName: text().optional(),
  deal: z.object({ name: text().optional(), stage: text(200).optional() }).optional(),
  location: text().optional(),
  industry: text(200).optional(),
  /** Email subject, where the page has one. */
  subject: text(1000).optional(),
  isReply: z.boolean().optional(),
  /** Messages already in the thread or conversation. */
  threadLength: z.number().int().min(0).max(10_000).optional(),
  /** Whether the prospect and the rep have exchanged messages (LinkedIn). */
  inConversation: z.boolean().optional(),
  /** The rep's own lists the person (or their account) is saved in (Sales Navigator). */
  lists: z.array(text(200)).max(50).optional(),
  /** Whether the rep saved the person as a lead (Sales Navigator). */
  saved: z.boolean().optional(),
  /** The editor Quiver would insert into, or null when the page has none. */
  editor: editorInfoSchema.nullable(),
});
export type PageContext = z.infer<typeof pageContextSchema>;

export function unsupportedContext(url: string): PageContext {
  return { site: null, supported: false, pageKind: 'other', url, editor: null };
}
