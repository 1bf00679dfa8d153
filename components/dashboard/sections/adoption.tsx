import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from 'recharts';
import { t } from '../../../lib/i18n';
import type { Adoption as AdoptionStats, RepActivity } from '../../../lib/schema/stats';
import { AXIS_TICK, CHART_COLORS, ChartFigure } from '../chart-figure';
import { DashboardSection, EmptyState } from '../dashboard-section';
import { formatDay } from '../../../lib/dashboard/format';
import { repLabel } from '../../../lib/labels';
import { SortableTable, type Column } from '../sortable-table';

type Week = AdoptionStats['weeks'][number];

const weekColumns = (): Column<Week>[] => [
  { key: 'start', header: t('dashColWeekOf'), value: (row) => row.start, render: (row) => formatDay(row.start) },
  { key: 'activeReps', header: t('dashColActiveReps'), value: (row) => row.activeReps, numeric: true },
];

const repColumns = (): Column<RepActivity>[] => [
  { key: 'user', header: t('dashColRep'), value: (row) => repLabel(row.user) },
  { key: 'uses', header: t('dashColUses'), value: (row) => row.uses, numeric: true },
  { key: 'inserts', header: t('dashColInserts'), value: (row) => row.inserts, numeric: true },
  { key: 'copies', header: t('dashColCopies'), value: (row) => row.copies, numeric: true },
  { key: 'previews', header: t('dashColPreviews'), value: (row) => row.previews, numeric: true },
  { key: 'searches', header: t('dashColSearches'), value: (row) => row.searches, numeric: true },
  { key: 'noResultSearches', header: t('dashColNoResults'), value: (row) => row.noResultSearches, numeric: true },
];

/** Whether reps took Quiver up: active reps per week, and what each rep did. */
export function Adoption({ adoption, byRep, csvName }: { adoption: AdoptionStats; byRep: RepActivity[]; csvName: string }) {
  const data = adoption.weeks.map((w) => ({ label: formatDay(w.start), activeReps: w.activeReps }));
  return (
    <DashboardSection title={t('dashAdoption')}>
      {adoption.activeReps === 0 ? (
        <EmptyState>{t('dashEmptyAdoption')}</EmptyState>
      ) : (
        <>
          <ChartFigure
            caption={t('dashAdoptionCaption')}
            tableLabel={t('dashShowTable')}
            chart={
              <BarChart data={data} responsive style={{ width: '100%', height: 220 }} accessibilityLayer={false}>
                <CartesianGrid strokeDasharray="3 3" strokeOpacity={0.3} />
                <XAxis dataKey="label" tick={AXIS_TICK} />
                <YAxis allowDecimals={false} tick={AXIS_TICK} width={40} />
                <Tooltip />
                <Bar dataKey="activeReps" name={t('dashColActiveReps')} fill={CHART_COLORS[2]} />
              </BarChart>
            }
            table={
              <SortableTable
                caption={t('dashAdoptionTableCaption')}
                columns={weekColumns()}
                rows={adoption.weeks}
                rowKey={(row) => row.start}
                initialSort={{ key: 'start', direction: 'ascending' }}
                csvName={`${csvName}-active-reps-per-week`}
                limit={Infinity}
              />
            }
          />
          <SortableTable
            caption={t('dashByRepCaption')}
            columns={repColumns()}
            rows={byRep}
            rowKey={(row) => row.user}
            initialSort={{ key: 'uses', direction: 'descending' }}
            csvName={`${csvName}-usage-by-rep`}
          />
        </>
      )}
    </DashboardSection>
  );
}
