import { t, tp, type MessageKey } from '../i18n';
import type { Reason } from '.';
import { stageLabel } from '../labels';

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
      return t('reasonIndustry', reason.value);
    case 'persona':
      return t('reasonPersona', reason.value);
    case 'tag':
      return t('reasonTag', reason.value);
    case 'used-before':
      return tp('reasonUsed', reason.uses);
    case 'fits-page':
      return '';
  }
}
