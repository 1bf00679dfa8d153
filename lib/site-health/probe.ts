import type { PageContext } from '../schema/page-context';
import type { SiteHealthProbe } from '../schema/site-health';

/*
 * The site-health probes, judged from the page context the adapter read: cheap, no second
 * look at the page, and run outside the content script (the background for pages, the panel
 * for Inserts). What the page is about, per kind of page:
 */
const CONTEXT_FOUND: Partial<Record<PageContext['pageKind'], (c: PageContext) => boolean>> = {
  compose: (c) => (c.recipients?.length ?? 0) > 0 || c.subject !== undefined,
  thread: (c) => c.subject !== undefined || (c.recipients?.length ?? 0) > 0,
  messaging: (c) => c.person?.fullName !== undefined,
  profile: (c) => c.person?.fullName !== undefined,
  lead: (c) => c.person?.fullName !== undefined || c.recordName !== undefined,
  contact: (c) => c.person?.fullName !== undefined || c.recordName !== undefined,
  opportunity: (c) => c.deal?.stage !== undefined,
  deal: (c) => c.deal?.stage !== undefined,
  account: (c) => c.company !== undefined || c.recordName !== undefined,
  company: (c) => c.company !== undefined || c.recordName !== undefined,
};

const MAIL_SITES: ReadonlySet<string> = new Set(['gmail', 'outlook']);

export interface PageProbe {
  /** A compose or message form is open, so a message box should be there. */
  editorExpected: boolean;
  failed: Exclude<SiteHealthProbe, 'insert'>[];
}

/**
 * The probes of a page on a supported site, or null where nothing is expected (an inbox, a
 * page no adapter recognises). A message box is expected on a compose or messaging page, and
 * in a mail app wherever the adapter found recipients: only an open compose has them there
 * (a CRM record names its contacts whether or not its composer is open).
 */
export function probePage(context: PageContext): PageProbe | null {
  if (!context.site || !context.supported) return null;
  const contextFound = CONTEXT_FOUND[context.pageKind];
  if (!contextFound) return null;
  const editorExpected =
    context.pageKind === 'compose' || context.pageKind === 'messaging' || (MAIL_SITES.has(context.site) && (context.recipients?.length ?? 0) > 0);
  const failed: PageProbe['failed'] = [];
  if (!contextFound(context)) failed.push('context');
  if (editorExpected && !context.editor) failed.push('editor');
  return { editorExpected, failed };
}
