import { CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import { t } from '../../../lib/i18n';
import type { StatsBucket, TrendBucket } from '../../../lib/schema/stats';
import { AXIS_TICK, CHART_COLORS, ChartFigure } from '../chart-figure';
import { DashboardSection, EmptyState } from '../dashboard-section';
import { formatDay } from '../../../lib/dashboard/format';
import { SortableTable, type Column } from '../sortable-table';

const columns = (): Column<TrendBucket>[] => [
  { key: 'start', header: t('dashColPeriodStart'), value: (row) => row.start, render: (row) => formatDay(row.start) },
  { key: 'uses', header: t('dashColUses'), value: (row) => row.uses, numeric: true },
  { key: 'inserts', header: t('dashColInserts'), value: (row) => row.inserts, numeric: true },
  { key: 'copies', header: t('dashColCopies'), value: (row) => row.copies, numeric: true },
  { key: 'opens', header: t('dashColOpens'), value: (row) => row.opens, numeric: true },
  { key: 'previews', header: t('dashColPreviews'), value: (row) => row.previews, numeric: true },
  { key: 'searches', header: t('dashColSearches'), value: (row) => row.searches, numeric: true },
  { key: 'noResultSearches', header: t('dashColNoResults'), value: (row) => row.noResultSearches, numeric: true },
];

/** The trend a manager checks first: are reps using the library more, and finding less missing? */
export function UsageOverTime({ trend, bucket, hasEvents, csvName }: { trend: TrendBucket[]; bucket: StatsBucket; hasEvents: boolean; csvName: string }) {
  const data = trend.map((b) => ({ ...b, label: formatDay(b.start) }));
  return (
    <DashboardSection title={t('dashUsageOverTime')}>
      {!hasEvents ? (
        <EmptyState>{t('dashEmptyUsage')}</EmptyState>
      ) : (
        <ChartFigure
          caption={t(bucket === 'week' ? 'dashTrendCaptionWeek' : 'dashTrendCaptionDay')}
          tableLabel={t('dashShowTable')}
          chart={
            <LineChart data={data} responsive style={{ width: '100%', height: 260 }} accessibilityLayer={false}>
              <CartesianGrid strokeDasharray="3 3" strokeOpacity={0.3} />
              <XAxis dataKey="label" tick={AXIS_TICK} />
              <YAxis allowDecimals={false} tick={AXIS_TICK} width={40} />
              <Tooltip />
              <Legend />
              <Line type="monotone" dataKey="uses" name={t('dashColUses')} stroke={CHART_COLORS[0]} strokeWidth={2} dot={false} />
              <Line type="monotone" dataKey="searches" name={t('dashColSearches')} stroke={CHART_COLORS[2]} dot={false} />
              <Line type="monotone" dataKey="noResultSearches" name={t('dashColNoResults')} stroke={CHART_COLORS[4]} dot={false} />
            </LineChart>
          }
          table={
            <SortableTable
              caption={t('dashTrendTableCaption')}
              columns={columns()}
              rows={trend}
              rowKey={(row) => row.start}
              initialSort={{ key: 'start', direction: 'ascending' }}
              csvName={`${csvName}-usage-over-time`}
              limit={Infinity}
            />
          }
        />
      )}
    </DashboardSection>
  );
}
