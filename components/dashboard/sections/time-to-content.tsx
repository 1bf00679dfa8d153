import { t } from '../../../lib/i18n';
import type { TimeToContent as Timing, TimeToContentStats } from '../../../lib/schema/stats';
import { DashboardSection, EmptyState } from '../dashboard-section';
import { formatCount, formatSeconds, msToSeconds } from '../../../lib/dashboard/format';
import { siteOrOtherLabel, stageOrNoneLabel } from '../../../lib/labels';
import { SortableTable, type Column } from '../sortable-table';

function timingColumns<Row extends Timing>(key: string, header: string, label: (row: Row) => string): Column<Row>[] {
  return [
    { key, header, value: label },
    {
      key: 'median',
      header: t('dashColMedianSeconds'),
      value: (row) => msToSeconds(row.medianMs),
      render: (row) => formatSeconds(row.medianMs),
      numeric: true,
    },
    { key: 'p90', header: t('dashColP90Seconds'), value: (row) => msToSeconds(row.p90Ms), render: (row) => formatSeconds(row.p90Ms), numeric: true },
    { key: 'count', header: t('dashColTimedActions'), value: (row) => row.count, numeric: true },
  ];
}

type SiteTiming = TimeToContentStats['bySite'][number];
type StageTiming = TimeToContentStats['byStage'][number];
const siteColumns = () => timingColumns<SiteTiming>('site', t('dashColSite'), (row) => siteOrOtherLabel(row.site));
const stageColumns = () => timingColumns<StageTiming>('stage', t('dashColStage'), (row) => stageOrNoneLabel(row.stage));

/** How long reps hunt before they find something to send: the cost the library should cut. */
export function TimeToContent({ timing, csvName }: { timing: TimeToContentStats; csvName: string }) {
  const { overall } = timing;
  return (
    <DashboardSection title={t('dashTimeToContent')}>
      {overall.count === 0 ? (
        <EmptyState>{t('dashEmptyTiming')}</EmptyState>
      ) : (
        <>
          <p className="section-summary">
            {t('dashTimingSummary', [formatSeconds(overall.medianMs), formatSeconds(overall.p90Ms), formatCount(overall.count)])}
          </p>
          <div className="table-pair">
            <SortableTable
              caption={t('dashTimingBySite')}
              columns={siteColumns()}
              rows={timing.bySite}
              rowKey={(row) => String(row.site)}
              csvName={`${csvName}-time-to-content-by-site`}
            />
            <SortableTable
              caption={t('dashTimingByStage')}
              columns={stageColumns()}
              rows={timing.byStage}
              rowKey={(row) => String(row.stage)}
              csvName={`${csvName}-time-to-content-by-stage`}
            />
          </div>
        </>
      )}
    </DashboardSection>
  );
}
