import { t } from '../../../lib/i18n';
import type { ContentUsage } from '../../../lib/schema/stats';
import { DashboardSection, EmptyState } from '../dashboard-section';
import { typeLabel } from '../../../lib/labels';
import { SortableTable, type Column } from '../sortable-table';

/** Built per render: labels come from t(), which must not run at import time. */
const columns = (): Column<ContentUsage>[] => [
  {
    key: 'title',
    header: t('dashColTitle'),
    // An item removed from the library since it was used is still named, by its id.
    value: (row) => row.title ?? row.contentId,
    render: (row) => row.title ?? <span className="muted">{t('dashRemovedItem', row.contentId)}</span>,
  },
  { key: 'type', header: t('dashColType'), value: (row) => (row.type === null ? null : typeLabel(row.type)) },
  { key: 'owner', header: t('dashColOwner'), value: (row) => row.owner },
  { key: 'inserts', header: t('dashColInserts'), value: (row) => row.inserts, numeric: true },
  { key: 'copies', header: t('dashColCopies'), value: (row) => row.copies, numeric: true },
  { key: 'opens', header: t('dashColOpens'), value: (row) => row.opens, numeric: true },
  { key: 'previews', header: t('dashColPreviews'), value: (row) => row.previews, numeric: true },
  { key: 'uses', header: t('dashColUses'), value: (row) => row.uses, numeric: true },
];

export function TopContent({ rows, csvName }: { rows: ContentUsage[]; csvName: string }) {
  return (
    <DashboardSection title={t('dashTopContent')}>
      {rows.length === 0 ? (
        <EmptyState>{t('dashEmptyUsage')}</EmptyState>
      ) : (
        <SortableTable
          caption={t('dashTopContentCaption')}
          columns={columns()}
          rows={rows}
          rowKey={(row) => row.contentId}
          initialSort={{ key: 'uses', direction: 'descending' }}
          csvName={`${csvName}-top-content`}
        />
      )}
    </DashboardSection>
  );
}
