import { useEffect, useState } from 'react';
import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from 'recharts';
import type { DashboardEnv } from '../../../lib/dashboard/dashboard-env';
import { formatDay } from '../../../lib/dashboard/format';
import { loadSiteHealth, type SiteHealthResult } from '../../../lib/dashboard/site-health-source';
import { t } from '../../../lib/i18n';
import { pageKindLabel, siteLabel } from '../../../lib/labels';
import type { SiteHealthDrop, SiteHealthQuery, SiteHealthRow } from '../../../lib/schema/site-health';
import { AXIS_TICK, CHART_COLORS, ChartFigure } from '../chart-figure';
import { DashboardSection, EmptyState } from '../dashboard-section';
import { SortableTable, type Column } from '../sortable-table';

const pct = (v: number | null) => (v === null ? '—' : `${v.toFixed(1)}%`);

const columns = (): Column<SiteHealthRow>[] => [
  { key: 'day', header: t('dashColDay'), value: (row) => row.day, render: (row) => formatDay(row.day) },
  { key: 'site', header: t('dashColSite'), value: (row) => siteLabel(row.site) },
  { key: 'pageKind', header: t('dashColPageKind'), value: (row) => pageKindLabel(row.pageKind) },
  { key: 'version', header: t('dashColVersion'), value: (row) => row.version },
  { key: 'pages', header: t('dashColPagesSeen'), value: (row) => row.pages, numeric: true },
  { key: 'contextFound', header: t('dashColContextFound'), value: (row) => row.contextFound, render: (row) => pct(row.contextFound), numeric: true },
  { key: 'editorFound', header: t('dashColEditorFound'), value: (row) => row.editorFound, render: (row) => pct(row.editorFound), numeric: true },
  { key: 'insertFailures', header: t('dashColInsertFailures'), value: (row) => row.insertFailures, numeric: true },
];

function dropText(d: SiteHealthDrop): string {
  return t('dashSiteHealthDrop', [siteLabel(d.site), pageKindLabel(d.pageKind), pct(d.currentRate), String(d.currentPages), pct(d.previousRate)]);
}

/**
 * Whether the site adapters still read the pages reps open: per day, site, page kind and
 * extension version, and the site/page kinds whose success rate dropped against the 7 days
 * before. Fetched on its own (GET /api/v1/site-health), for the dashboard's period.
 */
export function SiteHealth({ env, query, refreshes, csvName }: { env: DashboardEnv; query: SiteHealthQuery; refreshes: number; csvName: string }) {
  const [result, setResult] = useState<SiteHealthResult>();
  const [error, setError] = useState<string>();
  const { from, to } = query;

  useEffect(() => {
    let current = true;
    (async () => {
      const settings = await env.settings.get();
      const next = await loadSiteHealth({ fetch: env.fetch, db: env.db, settings }, { from, to });
      if (current) {
        setResult(next);
        setError(undefined);
      }
    })().catch((e: unknown) => {
      if (current) setError(e instanceof Error ? e.message : String(e));
    });
    return () => {
      current = false;
    };
  }, [env, from, to, refreshes]);

  const report = result?.report;
  const data = report?.trend.map((d) => ({ ...d, okPages: d.pages - d.failedPages, label: formatDay(d.day) })) ?? [];
  return (
    <DashboardSection title={t('dashSiteHealth')}>
      {error && <p className="source-notice warning">{t('dashLoadFailed', error)}</p>}
      {report && result.source === 'local' && <p className="muted">{t('dashSiteHealthLocal')}</p>}
      {report && report.drops.length > 0 && (
        <div className="site-health-drops">
          <p>
            <strong>{t('dashSiteHealthDropped')}</strong>
          </p>
          <ul aria-label={t('dashSiteHealthDropped')}>
            {report.drops.map((d) => (
              <li key={`${d.site}/${d.pageKind}`}>{dropText(d)}</li>
            ))}
          </ul>
        </div>
      )}
      {report && report.rows.length === 0 ? (
        <EmptyState>{t('dashSiteHealthEmpty')}</EmptyState>
      ) : report ? (
        <>
          <ChartFigure
            caption={t('dashSiteHealthChartCaption')}
            chart={
              <BarChart data={data} responsive style={{ width: '100%', height: 180 }} accessibilityLayer={false}>
                <CartesianGrid strokeDasharray="3 3" strokeOpacity={0.3} />
                <XAxis dataKey="label" tick={AXIS_TICK} />
                <YAxis allowDecimals={false} tick={AXIS_TICK} width={40} />
                <Tooltip />
                <Legend />
                <Bar dataKey="okPages" stackId="pages" name={t('dashSiteHealthReadPages')} fill={CHART_COLORS[2]} />
                <Bar dataKey="failedPages" stackId="pages" name={t('dashSiteHealthFailedPages')} fill={CHART_COLORS[4]} />
              </BarChart>
            }
          />
          <SortableTable
            caption={t('dashSiteHealthTableCaption')}
            columns={columns()}
            rows={report.rows}
            rowKey={(row) => `${row.day}/${row.site}/${row.pageKind}/${row.version}`}
            initialSort={{ key: 'day', direction: 'descending' }}
            csvName={`${csvName}-site-health`}
            limit={20}
          />
        </>
      ) : null}
    </DashboardSection>
  );
}
