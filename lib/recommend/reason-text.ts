import { t, tp, type MessageKey } from '../i18n';
import type { Reason, StageReason } from '.';
import { slugLabel, stageLabel } from '../labels';

const FIELD_KEYS: Record<string, MessageKey> = {
  'Opportunity stage': 'fieldOpportunityStage',
  'Deal stage': 'fieldDealStage',
  'Lead status': 'fieldLeadStatus',
  'Lifecycle stage': 'fieldLifecycleStage',
};

/** What the CRM calls its stage field, in the rep's language. */
export function fieldLabel(field: string): string {
  return t(FIELD_KEYS[field] ?? 'fieldStage');
}

/** A reason in plain words: "Opportunity stage Proposal/Price Quote → Conversion", "Industry: logistics". */
export function reasonText(reason: Reason): string {
  switch (reason.kind) {
    case 'crm-stage':
      return t('reasonCrmStage', [fieldLabel(reason.field), reason.crmStage, stageLabel(reason.stage)]);
    case 'new-email':
      return t('reasonNewEmail', stageLabel(reason.stage));
    case 'email-thread':
      return t('reasonThread', [reason.messages, stageLabel(reason.stage)]);
    case 'linkedin-profile':
      return t('reasonLinkedinProfile', stageLabel(reason.stage));
    case 'linkedin-conversation':
      return t('reasonLinkedinConversation', stageLabel(reason.stage));
    case 'salesnav-list':
      return t('reasonSalesnavList', [reason.list, stageLabel(reason.stage)]);
    case 'industry':
      return t('reasonIndustry', slugLabel(reason.value));
    case 'persona':
      return t('reasonPersona', slugLabel(reason.value));
    case 'tag':
      return t('reasonTag', slugLabel(reason.value));
    case 'used-before':
      return tp('reasonUsed', reason.uses);
    case 'fits-page':
      return '';
  }
}

/** Where the page's stage comes from, as the end of "Conversion first — from the deal's stage". */
export function stageSourceText(reason: StageReason): string {
  switch (reason.kind) {
    case 'crm-stage':
      return t('stageFromCrm', [fieldLabel(reason.field), reason.crmStage]);
    case 'new-email':
      return t('stageFromNewEmail');
    case 'email-thread':
      return t('stageFromThread', reason.messages);
    case 'linkedin-profile':
      return t('stageFromLinkedinProfile');
    case 'linkedin-conversation':
      return t('stageFromLinkedinConversation');
    case 'salesnav-list':
      return t('stageFromSalesnavList', reason.list);
  }
}
