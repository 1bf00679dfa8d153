import { t } from '../../../lib/i18n';
import { formatCount, formatDuration, formatShare } from '../../../lib/dashboard/format';
import type { Engagement, ShareCounts } from '../../../lib/schema/stats';
import { stageOrNoneLabel, typeLabel, typeOrNoneLabel } from '../../../lib/labels';
import { DashboardSection, EmptyState } from '../dashboard-section';
import { KpiTileList, type KpiTile } from '../kpi-tiles';
import { SortableTable, type Column } from '../sortable-table';

type ItemRow = Engagement['byItem'][number];
type StageRow = Engagement['byStage'][number];
type TypeRow = Engagement['byType'][number];

function countColumns<Row extends ShareCounts>(): Column<Row>[] {
  return [
    { key: 'links', header: t('dashColShares'), value: (row) => row.links, numeric: true },
    { key: 'opened', header: t('dashColOpened'), value: (row) => row.opened, numeric: true },
    // The CSV keeps the exact rate; the cell shows a percentage.
    { key: 'openRate', header: t('dashColOpenRate'), value: (row) => row.openRate, render: (row) => formatShare(row.openRate), numeric: true },
    { key: 'views', header: t('dashColViews'), value: (row) => row.views, numeric: true },
  ];
}

const itemColumns = (): Column<ItemRow>[] => [
  {
    key: 'title',
    header: t('dashColTitle'),
    value: (row) => row.title ?? row.contentId,
    render: (row) => row.title ?? <span className="muted">{t('dashRemovedItem', row.contentId)}</span>,
  },
  { key: 'type', header: t('dashColType'), value: (row) => typeOrNoneLabel(row.type) },
  ...countColumns<ItemRow>(),
];

/**
 * Which shared content prospects open: links shared, the share opened and how soon, per item,
 * stage and type. Views are the server's counted ones: scanners, link previews, prefetches and
 * repeat opens are left out before anything reaches these figures.
 */
export function ProspectEngagement({ engagement, withServer, csvName }: { engagement: Engagement | undefined; withServer: boolean; csvName: string }) {
  if (!withServer || engagement === undefined) {
    return (
      <DashboardSection title={t('dashEngagement')}>
        <EmptyState>{t('dashEngagementNeedsServer')}</EmptyState>
      </DashboardSection>
    );
  }
  const tiles: KpiTile[] = [
    { key: 'links', label: t('dashEngagementTileLinks'), value: formatCount(engagement.links) },
    {
      key: 'opened',
      label: t('dashEngagementTileOpened'),
      value: formatShare(engagement.openRate),
      detail: t('dashEngagementTileOpenedDetail', [formatCount(engagement.opened), formatCount(engagement.links)]),
    },
    { key: 'first-open', label: t('dashEngagementTileMedian'), value: formatDuration(engagement.medianFirstOpenMs) },
  ];
  return (
    <DashboardSection title={t('dashEngagement')}>
      <KpiTileList tiles={tiles} label={t('dashEngagementFigures')} keyPrefix="engagement-" />
      {engagement.links === 0 ? (
        <EmptyState>{t('dashEngagementEmpty')}</EmptyState>
      ) : (
        <>
          <SortableTable
            caption={t('dashEngagementCaption')}
            columns={itemColumns()}
            rows={engagement.byItem}
            rowKey={(row) => row.contentId}
            initialSort={{ key: 'links', direction: 'descending' }}
            csvName={`${csvName}-prospect-engagement`}
          />
          <div className="table-pair">
            <SortableTable
              caption={t('dashEngagementStageCaption')}
              columns={[{ key: 'stage', header: t('dashColStage'), value: (row: StageRow) => stageOrNoneLabel(row.stage) }, ...countColumns<StageRow>()]}
              rows={engagement.byStage}
              rowKey={(row) => String(row.stage)}
              csvName={`${csvName}-prospect-engagement-by-stage`}
            />
            <SortableTable
              caption={t('dashEngagementTypeCaption')}
              columns={[{ key: 'type', header: t('dashColType'), value: (row: TypeRow) => typeLabel(row.type) }, ...countColumns<TypeRow>()]}
              rows={engagement.byType}
              rowKey={(row) => row.type}
              initialSort={{ key: 'links', direction: 'descending' }}
              csvName={`${csvName}-prospect-engagement-by-type`}
            />
          </div>
        </>
      )}
    </DashboardSection>
  );
}
