import type { ContentType, JourneyStage } from '../schema/content';

/** Why an item is suggested or a stage inferred: structured here, put in words by the UI. */
export type Reason =
  | { kind: 'crm-stage'; field: string; crmStage: string; stage: JourneyStage }
  | { kind: 'new-email'; stage: JourneyStage }
  | { kind: 'email-thread'; messages: number; stage: JourneyStage }
  | { kind: 'linkedin-profile'; stage: JourneyStage }
  | { kind: 'linkedin-conversation'; stage: JourneyStage }
  | { kind: 'salesnav-list'; list: string; stage: JourneyStage }
  | { kind: 'industry'; value: string }
  | { kind: 'persona'; value: string }
  | { kind: 'tag'; value: string }
  | { kind: 'fits-page'; type: ContentType }
  | { kind: 'used-before'; uses: number };

export type StageReason = Extract<Reason, { stage: JourneyStage }>;
