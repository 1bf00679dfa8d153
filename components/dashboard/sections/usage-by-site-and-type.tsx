import { t } from '../../../lib/i18n';
import type { ActivityCounts, SiteActivity, TypeActivity } from '../../../lib/schema/stats';
import { DashboardSection, EmptyState } from '../dashboard-section';
import { siteOrOtherLabel, typeOrNoneLabel } from '../../../lib/labels';
import { SortableTable, type Column } from '../sortable-table';

function activityColumns<Row extends ActivityCounts>(key: string, header: string, label: (row: Row) => string): Column<Row>[] {
  return [
    { key, header, value: label },
    { key: 'uses', header: t('dashColUses'), value: (row) => row.uses, numeric: true },
    { key: 'inserts', header: t('dashColInserts'), value: (row) => row.inserts, numeric: true },
    { key: 'copies', header: t('dashColCopies'), value: (row) => row.copies, numeric: true },
    { key: 'opens', header: t('dashColOpens'), value: (row) => row.opens, numeric: true },
    { key: 'previews', header: t('dashColPreviews'), value: (row) => row.previews, numeric: true },
    { key: 'searches', header: t('dashColSearches'), value: (row) => row.searches, numeric: true },
  ];
}

/** Where reps work with content (Gmail, LinkedIn, the CRMs) and which kinds of content they reach for. */
export function UsageBySiteAndType({ bySite, byType, csvName }: { bySite: SiteActivity[]; byType: TypeActivity[]; csvName: string }) {
  return (
    <DashboardSection title={t('dashUsageBySiteAndType')}>
      {bySite.length === 0 ? (
        <EmptyState>{t('dashEmptyUsage')}</EmptyState>
      ) : (
        <div className="table-pair">
          <SortableTable
            caption={t('dashBySiteCaption')}
            columns={activityColumns<SiteActivity>('site', t('dashColSite'), (row) => siteOrOtherLabel(row.site))}
            rows={bySite}
            rowKey={(row) => String(row.site)}
            initialSort={{ key: 'uses', direction: 'descending' }}
            csvName={`${csvName}-usage-by-site`}
          />
          <SortableTable
            caption={t('dashByTypeCaption')}
            columns={activityColumns<TypeActivity>('type', t('dashColType'), (row) => typeOrNoneLabel(row.type))}
            rows={byType}
            rowKey={(row) => String(row.type)}
            initialSort={{ key: 'uses', direction: 'descending' }}
            csvName={`${csvName}-usage-by-content-type`}
          />
        </div>
      )}
    </DashboardSection>
  );
}
