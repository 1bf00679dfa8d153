import { t } from '../../../lib/i18n';
import type { Governance, OwnerGovernance } from '../../../lib/schema/stats';
import { DashboardSection, EmptyState } from '../dashboard-section';
import { formatCount, formatDate } from '../../../lib/dashboard/format';
import { SortableTable, type Column } from '../sortable-table';

/** Built per render: labels come from t(), which must not run at import time. */
const columns = (): Column<OwnerGovernance>[] => [
  { key: 'owner', header: t('dashColOwner'), value: (row) => row.owner },
  { key: 'items', header: t('dashColItems'), value: (row) => row.items, numeric: true },
  { key: 'stale', header: t('dashColStale'), value: (row) => row.stale, numeric: true },
  { key: 'expired', header: t('dashColExpired'), value: (row) => row.expired, numeric: true },
  { key: 'staleUses', header: t('dashColStaleUses'), value: (row) => row.staleUses, numeric: true },
];

/** Who has content to review, and whether reps are still sending it meanwhile. */
export function StaleByOwner({ governance, today, csvName }: { governance: Governance; today: string; csvName: string }) {
  return (
    <DashboardSection title={t('dashStaleByOwner')}>
      <p className="section-summary">
        {t('dashGovernanceSummary', [
          formatCount(governance.staleItems),
          formatCount(governance.expiredItems),
          formatCount(governance.staleUses),
          formatDate(today),
        ])}
      </p>
      {governance.byOwner.length === 0 ? (
        <EmptyState>{t('dashEmptyStale')}</EmptyState>
      ) : (
        <SortableTable
          caption={t('dashStaleCaption')}
          columns={columns()}
          rows={governance.byOwner}
          rowKey={(row) => row.owner}
          csvName={`${csvName}-stale-content-by-owner`}
        />
      )}
    </DashboardSection>
  );
}
