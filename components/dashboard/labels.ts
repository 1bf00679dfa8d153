import { t } from '../../lib/i18n';
import type { ContentType, JourneyStage } from '../../lib/schema/content';
import type { Site } from '../../lib/schema/page-context';

/* What a manager reads for the keys of the stats payload; shared catalogue keys where they exist. */

export function stageLabel(stage: JourneyStage | null): string {
  return stage === null ? t('dashNoStage') : t(`stage_${stage}`);
}

export function typeLabel(type: ContentType | null): string {
  return type === null ? t('dashNoType') : t(`type_${type}`);
}

export function siteLabel(site: Site | null): string {
  return site === null ? t('dashOtherPages') : t(`site_${site}`);
}

/** The rep of a browser whose profile has no email is `""` in the payload. */
export function repLabel(user: string): string {
  return user === '' ? t('dashUnnamedRep') : user;
}

/** A search's stage filter, "interest,engagement", as "Interest, Engagement"; "" is any stage. */
export function stageFilterLabel(stageFilter: string): string {
  if (stageFilter === '') return t('dashAnyStage');
  return stageFilter
    .split(',')
    .map((s) => stageLabel(s as JourneyStage))
    .join(', ');
}
