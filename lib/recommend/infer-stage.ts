import type { PageContext } from '../schema/page-context';
import type { StageReason } from './reasons';
import { lookupStage } from './stage-map';
import type { JourneyStage } from '../schema/content';

/** A thread this long (messages, the reply included) is past first contact: the buyer engages. */
export const LONG_THREAD = 4;

/** What the CRM calls the stage field of a record type. */
function stageField(context: PageContext): string {
  const type = (context.recordType ?? context.pageKind).toLowerCase();
  if (type === 'opportunity') return 'Opportunity stage';
  if (type === 'deal') return 'Deal stage';
  if (type === 'lead') return 'Lead status';
  if (context.site === 'hubspot') return 'Lifecycle stage';
  return 'Stage';
}

/**
 * The journey stage the page suggests, with the reason, or null when the page says nothing
 * about it. A CRM stage goes through the stage map; an email reply in a long thread is later in
 * the journey than a first message; a LinkedIn profile with no conversation yet is early.
 */
export function inferStage(context: PageContext | undefined, stageMap: ReadonlyMap<string, JourneyStage>): StageReason | null {
  if (!context?.supported) return null;
  const crmStage = context.deal?.stage?.trim();
  if (crmStage) {
    const stage = lookupStage(stageMap, crmStage);
    if (stage) return { kind: 'crm-stage', field: stageField(context), crmStage, stage };
  }
  // Outlook on the web is read like Gmail: a new message is first contact, a reply is later.
  if ((context.site === 'gmail' || context.site === 'outlook') && (context.pageKind === 'compose' || context.pageKind === 'thread' || context.editor)) {
    if (!context.isReply) return { kind: 'new-email', stage: 'awareness' };
    const messages = Math.max(context.threadLength ?? 1, 1);
    return { kind: 'email-thread', messages, stage: messages >= LONG_THREAD ? 'engagement' : 'interest' };
  }
  if (context.site === 'linkedin') {
    if (context.inConversation) return { kind: 'linkedin-conversation', stage: 'interest' };
    if (context.pageKind === 'profile') return { kind: 'linkedin-profile', stage: 'awareness' };
  }
  return null;
}
