import type { PageContext } from '../schema/page-context';
import type { StageReason } from './reasons';
import { lookupStage, stageKey } from './stage-map';
import { JOURNEY_STAGES, type JourneyStage } from '../schema/content';

/** A thread this long (messages, the reply included) is past first contact: the buyer engages. */
export const LONG_THREAD = 4;

/**
 * The journey stages as reps write them in list names, in the languages the panel speaks
 * (word beginnings: "Engaged", "Interested", "Вовлечённые").
 */
const STAGE_WORDS: Record<JourneyStage, readonly string[]> = {
  awareness: ['awareness', 'осведомл'],
  interest: ['interest', 'интерес'],
  engagement: ['engag', 'вовлеч'],
  conversion: ['conversion', 'конверс'],
  advocacy: ['advoca', 'адвокат', 'адвокац'],
};

/**
 * The stage a rep's own list says, with the list: one named with a journey stage ("Benelux
 * 3PLs — Interest"), or with a stage the org's stage map knows ("Q3 Qualification",
 * "Customers" through HubSpot's Customer). The first list that says one wins.
 */
export function stageFromLists(
  lists: readonly string[] | undefined,
  stageMap: ReadonlyMap<string, JourneyStage>,
): { list: string; stage: JourneyStage } | null {
  for (const list of lists ?? []) {
    const words = stageKey(list).split(' ').filter(Boolean);
    const named = JOURNEY_STAGES.find((stage) => words.some((w) => STAGE_WORDS[stage].some((stem) => w.startsWith(stem))));
    if (named) return { list, stage: named };
    const padded = ` ${words.join(' ')} `;
    for (const [key, stage] of stageMap) {
      if (key && (padded.includes(` ${key} `) || padded.includes(` ${key}s `))) return { list, stage };
    }
  }
  return null;
}

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
 * the journey than a first message; a LinkedIn profile with no conversation yet is early; a
 * Sales Navigator lead is placed by the rep's lists first.
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
  if (context.site === 'salesnav') {
    // The rep's own lists say most; then, as on a LinkedIn profile, whether they have talked.
    const listed = stageFromLists(context.lists, stageMap);
    if (listed) return { kind: 'salesnav-list', list: listed.list, stage: listed.stage };
    if (context.inConversation) return { kind: 'linkedin-conversation', stage: 'interest' };
    if (context.pageKind === 'lead' || context.pageKind === 'compose') return { kind: 'linkedin-profile', stage: 'awareness' };
  }
  if (context.site === 'linkedin') {
    if (context.inConversation) return { kind: 'linkedin-conversation', stage: 'interest' };
    if (context.pageKind === 'profile') return { kind: 'linkedin-profile', stage: 'awareness' };
  }
  return null;
}
