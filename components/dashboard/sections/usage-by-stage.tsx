import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from 'recharts';
import { t } from '../../../lib/i18n';
import type { JourneyStage } from '../../../lib/schema/content';
import type { StageActivity, StageCoverage } from '../../../lib/schema/stats';
import { AXIS_TICK, CHART_COLORS, ChartFigure } from '../chart-figure';
import { DashboardSection } from '../dashboard-section';
import { stageOrNoneLabel } from '../../../lib/labels';
import { SortableTable, type Column } from '../sortable-table';

/** A stage's activity next to how much content the library has for it (null: events without a stage). */
type StageRow = StageActivity & { items: number | null };

const columns = (): Column<StageRow>[] => [
  { key: 'stage', header: t('dashColStage'), value: (row) => stageOrNoneLabel(row.stage) },
  { key: 'items', header: t('dashColItemsAvailable'), value: (row) => row.items, numeric: true },
  { key: 'uses', header: t('dashColUses'), value: (row) => row.uses, numeric: true },
  { key: 'previews', header: t('dashColPreviews'), value: (row) => row.previews, numeric: true },
  { key: 'searches', header: t('dashColSearches'), value: (row) => row.searches, numeric: true },
  { key: 'noResultSearches', header: t('dashColNoResults'), value: (row) => row.noResultSearches, numeric: true },
];

/**
 * Usage by journey stage against stage coverage: a stage with many uses and few items is
 * under-served; many items and no uses is content nobody finds useful there.
 */
export function UsageByStage({ byStage, coverage, csvName }: { byStage: StageActivity[]; coverage: StageCoverage[]; csvName: string }) {
  const itemsAt = (stage: JourneyStage) => coverage.find((c) => c.stage === stage)?.items ?? 0;
  const rows: StageRow[] = byStage
    // Events without a stage get a row only when there are some.
    .filter((row) => row.stage !== null || row.uses + row.previews + row.searches > 0)
    .map((row) => ({ ...row, items: row.stage === null ? null : itemsAt(row.stage) }));
  const data = rows.map((row) => ({ label: stageOrNoneLabel(row.stage), uses: row.uses, items: row.items ?? 0 }));
  return (
    <DashboardSection title={t('dashUsageByStage')}>
      <ChartFigure
        caption={t('dashStageChartCaption')}
        chart={
          <BarChart data={data} responsive style={{ width: '100%', height: 260 }} accessibilityLayer={false}>
            <CartesianGrid strokeDasharray="3 3" strokeOpacity={0.3} />
            <XAxis dataKey="label" tick={AXIS_TICK} />
            <YAxis allowDecimals={false} tick={AXIS_TICK} width={40} />
            <Tooltip />
            <Legend />
            <Bar dataKey="uses" name={t('dashColUses')} fill={CHART_COLORS[0]} />
            <Bar dataKey="items" name={t('dashColItemsAvailable')} fill={CHART_COLORS[1]} />
          </BarChart>
        }
      />
      <SortableTable
        caption={t('dashStageTableCaption')}
        columns={columns()}
        rows={rows}
        rowKey={(row) => String(row.stage)}
        csvName={`${csvName}-usage-by-stage`}
      />
    </DashboardSection>
  );
}
