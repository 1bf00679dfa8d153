import { t, type MessageKey } from './i18n';
import type { ContentType, JourneyStage } from './schema/content';
import type { PageKind, Site } from './schema/page-context';
import { SITE_REGISTRY, type SiteEntry } from './sites/registry';
import type { TemplateVariable } from './templates/variables';

/*
 * What a rep or a manager reads for the domain's fixed words, in their language: journey
 * stages, content types, sites (by their product names), page kinds and template variables. The one place their
 * catalogue keys are spelled; the side panel, the palette, the options page, the dashboard
 * and the background's fill form all label through here.
 */

export const stageLabel = (stage: JourneyStage): string => t(`stage_${stage}`);
export const typeLabel = (type: ContentType): string => t(`type_${type}`);
/** A site's product name, from its registry entry. */
export const siteLabel = (site: Site): string => (SITE_REGISTRY as readonly SiteEntry[]).find((e) => e.site === site)?.label ?? site;
export const pageKindLabel = (kind: PageKind): string => t(`pageKind_${kind}`);
/** The catalogue key of a variable's label: `my.first_name` → `var_my_first_name`. */
type VariableKey<N extends string> = N extends `my.${infer Own}` ? `var_my_${Own}` : `var_${N}`;
/** `my.first_name` → "Your first name". */
export const variableLabel = (name: TemplateVariable): string => t(`var_${name.replace('.', '_')}` as VariableKey<TemplateVariable> satisfies MessageKey);

// The dashboard's rows group events by these fields, which an event may lack.

export const stageOrNoneLabel = (stage: JourneyStage | null): string => (stage === null ? t('dashNoStage') : stageLabel(stage));
export const typeOrNoneLabel = (type: ContentType | null): string => (type === null ? t('dashNoType') : typeLabel(type));
/** Events from pages no adapter reads carry no site. */
export const siteOrOtherLabel = (site: Site | null): string => (site === null ? t('dashOtherPages') : siteLabel(site));

/** The rep of a browser whose profile has no email is `""` in the stats payload. */
export function repLabel(user: string): string {
  return user === '' ? t('dashUnnamedRep') : user;
}

/** A search's stage filter, "interest,engagement", as "Interest, Engagement"; "" is any stage. */
export function stageFilterLabel(stageFilter: string): string {
  if (stageFilter === '') return t('dashAnyStage');
  return stageFilter
    .split(',')
    .map((s) => stageOrNoneLabel(s as JourneyStage))
    .join(', ');
}

/** Words that read as capitals or in a fixed spelling inside a slug. */
const SLUG_WORDS: Readonly<Record<string, string>> = {
  vp: 'VP',
  cfo: 'CFO',
  ceo: 'CEO',
  coo: 'COO',
  cto: 'CTO',
  cio: 'CIO',
  ciso: 'CISO',
  it: 'IT',
  hr: 'HR',
  roi: 'ROI',
  api: 'API',
  erp: 'ERP',
  wms: 'WMS',
  sap: 'SAP',
  gdpr: 'GDPR',
  gdp: 'GDP',
  nps: 'NPS',
  qbr: 'QBR',
  smb: 'SMB',
  eta: 'ETA',
  ev: 'EV',
  dsd: 'DSD',
  '3pl': '3PL',
  '1c': '1C',
  saas: 'SaaS',
  b2b: 'B2B',
  crm: 'CRM',
  netsuite: 'NetSuite',
  linkedin: 'LinkedIn',
  ecommerce: 'e-commerce',
  of: 'of',
  and: 'and',
};

/**
 * A persona, tag or industry slug as a label: "vp-operations" → "VP Operations",
 * "head-of-supply-chain" → "Head of supply chain". Slugs are the library's words, not the UI's,
 * so they are not translated.
 */
export function slugLabel(slug: string): string {
  const words = slug.split(/[-_\s]+/).filter(Boolean);
  return words
    .map((w, i) => {
      const fixed = SLUG_WORDS[w.toLowerCase()];
      if (fixed) return fixed;
      // Capitalised after an acronym too ("VP Operations"), else as a phrase ("Head of supply chain").
      const afterAcronym = i > 0 && /^[A-Z0-9]{2,}$/.test(SLUG_WORDS[words[i - 1]!.toLowerCase()] ?? '');
      return i === 0 || afterAcronym ? w.charAt(0).toUpperCase() + w.slice(1) : w;
    })
    .join(' ');
}
