import { t } from '../../../lib/i18n';
import type { LibraryItemRef, NeverUsed as NeverUsedStats } from '../../../lib/schema/stats';
import { DashboardSection, EmptyState } from '../dashboard-section';
import { formatCount, formatShare } from '../../../lib/dashboard/format';
import { typeLabel } from '../../../lib/labels';
import { SortableTable, type Column } from '../sortable-table';

/** Built per render: labels come from t(), which must not run at import time. */
const columns = (): Column<LibraryItemRef>[] => [
  { key: 'title', header: t('dashColTitle'), value: (row) => row.title },
  { key: 'type', header: t('dashColType'), value: (row) => typeLabel(row.type) },
  { key: 'owner', header: t('dashColOwner'), value: (row) => row.owner },
];

export function NeverUsed({ neverUsed, csvName }: { neverUsed: NeverUsedStats; csvName: string }) {
  const { libraryItems, count, share, items } = neverUsed;
  return (
    <DashboardSection title={t('dashNeverUsed')}>
      {libraryItems === 0 ? (
        <EmptyState>{t('dashEmptyLibrary')}</EmptyState>
      ) : (
        <>
          <p className="section-summary">{t('dashNeverUsedSummary', [formatCount(count), formatCount(libraryItems), formatShare(share)])}</p>
          {count === 0 ? (
            <EmptyState>{t('dashEmptyNeverUsed')}</EmptyState>
          ) : (
            <>
              {items.length < count && <p className="section-note">{t('dashListTruncated', formatCount(items.length))}</p>}
              <SortableTable caption={t('dashNeverUsedCaption')} columns={columns()} rows={items} rowKey={(row) => row.id} csvName={`${csvName}-never-used`} />
            </>
          )}
        </>
      )}
    </DashboardSection>
  );
}
