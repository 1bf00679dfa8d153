import { journeyStageSchema, type JourneyStage } from '../schema/content';

/**
 * CRM stage → journey stage. Data, not code: these defaults ship with the extension and an org
 * can override any entry (or add its own pipeline's stages) on the server, served with the
 * library so that every rep gets the same rules. Keys match case-insensitively.
 */
export type StageMap = Record<string, JourneyStage>;

export interface StageMapEntry {
  crm: 'Salesforce' | 'HubSpot';
  /** What the CRM calls the field: opportunity stage, lead status, deal stage, lifecycle stage. */
  field: string;
  crmStage: string;
  stage: JourneyStage;
}

/** The defaults, grouped as the CRMs ship them, so the options page can show where each comes from. */
export const DEFAULT_STAGE_ENTRIES: readonly StageMapEntry[] = [
  // Salesforce's standard opportunity stages.
  { crm: 'Salesforce', field: 'Opportunity stage', crmStage: 'Prospecting', stage: 'awareness' },
  { crm: 'Salesforce', field: 'Opportunity stage', crmStage: 'Qualification', stage: 'interest' },
  { crm: 'Salesforce', field: 'Opportunity stage', crmStage: 'Needs Analysis', stage: 'interest' },
  { crm: 'Salesforce', field: 'Opportunity stage', crmStage: 'Value Proposition', stage: 'engagement' },
  { crm: 'Salesforce', field: 'Opportunity stage', crmStage: 'Id. Decision Makers', stage: 'engagement' },
  { crm: 'Salesforce', field: 'Opportunity stage', crmStage: 'Perception Analysis', stage: 'engagement' },
  { crm: 'Salesforce', field: 'Opportunity stage', crmStage: 'Proposal/Price Quote', stage: 'conversion' },
  { crm: 'Salesforce', field: 'Opportunity stage', crmStage: 'Negotiation/Review', stage: 'conversion' },
  { crm: 'Salesforce', field: 'Opportunity stage', crmStage: 'Closed Won', stage: 'advocacy' },
  // A lost deal goes back to nurturing.
  { crm: 'Salesforce', field: 'Opportunity stage', crmStage: 'Closed Lost', stage: 'awareness' },
  // Salesforce's standard lead statuses.
  { crm: 'Salesforce', field: 'Lead status', crmStage: 'Open - Not Contacted', stage: 'awareness' },
  { crm: 'Salesforce', field: 'Lead status', crmStage: 'Working - Contacted', stage: 'interest' },
  { crm: 'Salesforce', field: 'Lead status', crmStage: 'Closed - Converted', stage: 'engagement' },
  { crm: 'Salesforce', field: 'Lead status', crmStage: 'Closed - Not Converted', stage: 'awareness' },
  // HubSpot's default sales pipeline.
  { crm: 'HubSpot', field: 'Deal stage', crmStage: 'Appointment Scheduled', stage: 'interest' },
  { crm: 'HubSpot', field: 'Deal stage', crmStage: 'Qualified To Buy', stage: 'interest' },
  { crm: 'HubSpot', field: 'Deal stage', crmStage: 'Presentation Scheduled', stage: 'engagement' },
  { crm: 'HubSpot', field: 'Deal stage', crmStage: 'Decision Maker Bought-In', stage: 'engagement' },
  { crm: 'HubSpot', field: 'Deal stage', crmStage: 'Contract Sent', stage: 'conversion' },
  { crm: 'HubSpot', field: 'Deal stage', crmStage: 'Closed Won', stage: 'advocacy' },
  { crm: 'HubSpot', field: 'Deal stage', crmStage: 'Closed Lost', stage: 'awareness' },
  // HubSpot's default lifecycle stages (contacts and companies).
  { crm: 'HubSpot', field: 'Lifecycle stage', crmStage: 'Subscriber', stage: 'awareness' },
  { crm: 'HubSpot', field: 'Lifecycle stage', crmStage: 'Lead', stage: 'awareness' },
  { crm: 'HubSpot', field: 'Lifecycle stage', crmStage: 'Marketing Qualified Lead', stage: 'interest' },
  { crm: 'HubSpot', field: 'Lifecycle stage', crmStage: 'Sales Qualified Lead', stage: 'interest' },
  { crm: 'HubSpot', field: 'Lifecycle stage', crmStage: 'Opportunity', stage: 'engagement' },
  { crm: 'HubSpot', field: 'Lifecycle stage', crmStage: 'Customer', stage: 'advocacy' },
  { crm: 'HubSpot', field: 'Lifecycle stage', crmStage: 'Evangelist', stage: 'advocacy' },
];

/** Normalises a CRM stage name for lookup: case, spacing and punctuation do not matter. */
export function stageKey(name: string): string {
  return name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

export function defaultStageMap(): StageMap {
  const map: StageMap = {};
  for (const e of DEFAULT_STAGE_ENTRIES) map[e.crmStage] = e.stage;
  return map;
}

/** The org's overrides win over the defaults; an override naming no journey stage is ignored. */
export function mergeStageMaps(defaults: StageMap, overrides: Record<string, string> | undefined): Map<string, JourneyStage> {
  const merged = new Map<string, JourneyStage>();
  for (const [k, v] of Object.entries(defaults)) merged.set(stageKey(k), v);
  for (const [k, v] of Object.entries(overrides ?? {})) {
    const stage = journeyStageSchema.safeParse(v.trim().toLowerCase());
    if (stage.success) merged.set(stageKey(k), stage.data);
  }
  return merged;
}

export function lookupStage(map: ReadonlyMap<string, JourneyStage>, crmStage: string): JourneyStage | undefined {
  return map.get(stageKey(crmStage));
}
