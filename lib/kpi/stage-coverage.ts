import { JOURNEY_STAGES } from '../schema/content';
import type { StageActivity, StageCoverage } from '../schema/stats';
import type { KpiItem } from './item-scope';

/**
 * Content available per stage against content used per stage: a stage with many uses and few
 * items is under-served; many items and no uses is content nobody finds useful there.
 */
export function stageCoverage(scopedItems: readonly KpiItem[], stageActivity: readonly StageActivity[]): StageCoverage[] {
  return JOURNEY_STAGES.map((stage) => ({
    stage,
    items: scopedItems.filter((item) => item.stages.includes(stage)).length,
    uses: stageActivity.find((row) => row.stage === stage)?.uses ?? 0,
  }));
}
