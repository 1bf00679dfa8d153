import { sql } from 'kysely';
import { JOURNEY_STAGES } from '../../lib/schema/content';
import type { StageActivity, StageCoverage } from '../../lib/schema/stats';
import type { StatsScope } from './event-scope';
import { scopedItems } from './item-scope';

/**
 * Per stage, in journey order: items in the item scope listing it (from the stored item
 * JSON; a stage listed twice counts the item once), against in-scope uses at that stage,
 * which the stage breakdown has already counted.
 */
export async function stageCoverage(scope: StatsScope, stageActivity: readonly StageActivity[]): Promise<StageCoverage[]> {
  const row = await scopedItems(scope)
    .select(JOURNEY_STAGES.map((stage) => sql<number>`count(case when ${scope.sql.jsonArrayHas(sql.ref('ci.item'), '$.stages', stage)} then 1 end)`.as(stage)))
    .executeTakeFirstOrThrow();
  const counts = row as Record<string, unknown>;
  return JOURNEY_STAGES.map((stage) => ({
    stage,
    items: Number(counts[stage] ?? 0),
    uses: stageActivity.find((r) => r.stage === stage)?.uses ?? 0,
  }));
}
