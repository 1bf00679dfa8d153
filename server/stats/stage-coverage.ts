import { sql } from 'kysely';
import { JOURNEY_STAGES } from '../../lib/schema/content';
import type { StageActivity, StageCoverage } from '../../lib/schema/stats';
import type { StatsScope } from './event-scope';
import { scopedItems } from './item-scope';
import { jsonArrayElements } from './sql-dialect';

/**
 * Per stage, in journey order: items in the item scope listing it (one row per listed stage
 * of each item, from the stored item JSON), against in-scope uses at that stage, which the
 * stage breakdown has already counted in SQL.
 */
export async function stageCoverage(scope: StatsScope, stageActivity: readonly StageActivity[]): Promise<StageCoverage[]> {
  const rows = await scopedItems(scope)
    .innerJoin(jsonArrayElements(sql.ref('ci.item'), '$.stages').as('s'), (join) => join.onTrue())
    .select(['s.value as stage', sql<number>`count(distinct ${sql.ref('ci.id')})`.as('items')])
    .groupBy('s.value')
    .execute();
  const items = new Map(rows.map((row) => [row.stage, Number(row.items)]));
  return JOURNEY_STAGES.map((stage) => ({
    stage,
    items: items.get(stage) ?? 0,
    uses: stageActivity.find((row) => row.stage === stage)?.uses ?? 0,
  }));
}
