import { t } from '../../../lib/i18n';
import type { ContentGap } from '../../../lib/schema/stats';
import { DashboardSection, EmptyState } from '../dashboard-section';
import { formatDateTime } from '../../../lib/dashboard/format';
import { stageFilterLabel } from '../../../lib/labels';
import { SortableTable, type Column } from '../sortable-table';

/** Built per render: labels come from t(), which must not run at import time. */
const columns = (): Column<ContentGap>[] => [
  {
    key: 'query',
    header: t('dashColQuery'),
    value: (row) => row.query,
    // Reps who turned query logging off still count; their text is simply not known.
    render: (row) => (row.query === '' ? <span className="muted">{t('dashQueryNotLogged')}</span> : row.query),
  },
  { key: 'stageFilter', header: t('dashColStageFilter'), value: (row) => stageFilterLabel(row.stageFilter) },
  { key: 'count', header: t('dashColSearches'), value: (row) => row.count, numeric: true },
  { key: 'lastSeen', header: t('dashColLastSeen'), value: (row) => row.lastSeen, render: (row) => formatDateTime(row.lastSeen) },
];

/** The content gaps: what reps looked for and the library could not answer. */
export function ContentGaps({ rows, csvName }: { rows: ContentGap[]; csvName: string }) {
  return (
    <DashboardSection title={t('dashContentGaps')}>
      <p className="section-note">{t('dashContentGapsNote')}</p>
      {rows.length === 0 ? (
        <EmptyState>{t('dashEmptyGaps')}</EmptyState>
      ) : (
        <SortableTable
          caption={t('dashContentGapsCaption')}
          columns={columns()}
          rows={rows}
          rowKey={(row) => JSON.stringify([row.query, row.stageFilter])}
          initialSort={{ key: 'count', direction: 'descending' }}
          csvName={`${csvName}-searches-with-no-results`}
        />
      )}
    </DashboardSection>
  );
}
