import { t } from '../../lib/i18n';
import type { ContentType, JourneyStage } from '../../lib/schema/content';
import type { PageKind, Site } from '../../lib/schema/page-context';

export const stageLabel = (stage: JourneyStage) => t(`stage_${stage}`);
export const typeLabel = (type: ContentType) => t(`type_${type}`);
export const siteLabel = (site: Site) => t(`site_${site}`);
export const pageKindLabel = (kind: PageKind) => t(`pageKind_${kind}`);
/** `my.first_name` → "Your first name". */
export const variableLabel = (name: string) => t(`var_${name.replace('.', '_')}`);
