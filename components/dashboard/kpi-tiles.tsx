import { t } from '../../lib/i18n';
import type { Stats } from '../../lib/schema/stats';
import { formatCount, formatSeconds, formatShare } from '../../lib/dashboard/format';

export interface KpiTile {
  key: string;
  label: string;
  value: string;
  detail?: string;
}

/** Figures as tiles: a label over a value, with an optional detail; `data-kpi` is `<prefix><key>`. */
export function KpiTileList({ tiles, label, keyPrefix = '' }: { tiles: KpiTile[]; label: string; keyPrefix?: string }) {
  return (
    <dl className="kpi-tiles" aria-label={label}>
      {tiles.map((tile) => (
        <div className="kpi-tile" key={tile.key} data-kpi={`${keyPrefix}${tile.key}`}>
          <dt>{tile.label}</dt>
          <dd>
            <span className="kpi-value">{tile.value}</span>
            {tile.detail && <span className="kpi-detail">{tile.detail}</span>}
          </dd>
        </div>
      ))}
    </dl>
  );
}

/** The five figures a manager reads before anything else. */
export function KpiTiles({ stats }: { stats: Stats }) {
  const median = stats.timeToContent.overall.medianMs;
  const tiles: KpiTile[] = [
    { key: 'uses', label: t('dashTileUses'), value: formatCount(stats.totals.uses) },
    {
      key: 'never-used',
      label: t('dashTileNeverUsed'),
      value: formatShare(stats.neverUsed.share),
      detail: t('dashTileNeverUsedDetail', [formatCount(stats.neverUsed.count), formatCount(stats.neverUsed.libraryItems)]),
    },
    { key: 'no-results', label: t('dashTileNoResults'), value: formatCount(stats.totals.noResultSearches) },
    {
      key: 'time-to-content',
      label: t('dashTileTimeToContent'),
      value: median === null ? '—' : t('dashSeconds', formatSeconds(median)),
    },
    { key: 'active-reps', label: t('dashTileActiveReps'), value: formatCount(stats.adoption.activeReps) },
  ];
  return <KpiTileList tiles={tiles} label={t('dashKeyFigures')} />;
}
