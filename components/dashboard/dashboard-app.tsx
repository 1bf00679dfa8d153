import { useMemo, useState } from 'react';
import { t } from '../../lib/i18n';
import type { StatsQuery } from '../../lib/schema/stats';
import type { DashboardEnv } from '../../lib/dashboard/dashboard-env';
import { initialQuery, querySearch } from '../../lib/dashboard/date-range';
import { KpiTiles } from './kpi-tiles';
import { Adoption } from './sections/adoption';
import { ContentGaps } from './sections/content-gaps';
import { NeverUsed } from './sections/never-used';
import { SiteHealth } from './sections/site-health';
import { ProspectEngagement } from './sections/prospect-engagement';
import { StaleByOwner } from './sections/stale-by-owner';
import { TimeToContent } from './sections/time-to-content';
import { TopContent } from './sections/top-content';
import { UsageBySiteAndType } from './sections/usage-by-site-and-type';
import { UsageByStage } from './sections/usage-by-stage';
import { UsageOverTime } from './sections/usage-over-time';
import { SourceNotice } from './source-notice';
import { StatsFilters } from './stats-filters';
import { useStats } from './use-stats';

/** The manager dashboard: what content is used, at which stage, by whom, and what is missing. */
export function DashboardApp({ env }: { env: DashboardEnv }) {
  const today = useMemo(() => env.today(), [env]);
  const [query, setQuery] = useState<StatsQuery>(() => initialQuery(env.search, today));
  const [refreshes, setRefreshes] = useState(0);
  const { result, loading, error } = useStats(env, query, refreshes);

  const changeQuery = (next: StatsQuery) => {
    setQuery(next);
    env.replaceSearch(querySearch(next));
  };

  const stats = result?.stats;
  // Files are named after the period their figures cover, which lags the picker while loading.
  const csvName = stats ? `quiver-${stats.query.from}-${stats.query.to}` : '';

  return (
    <div className="dashboard" aria-busy={loading}>
      <header className="dash-header">
        <h1>{t('dashTitle')}</h1>
        <div className="dash-source">
          {result && <SourceNotice result={result} />}
          <button type="button" onClick={() => setRefreshes((n) => n + 1)} disabled={loading}>
            {t('dashRefresh')}
          </button>
        </div>
      </header>
      <main>
        <StatsFilters query={query} today={today} reps={stats?.byRep.map((r) => r.user) ?? []} onChange={changeQuery} />
        <p className="visually-hidden" role="status">
          {loading ? t('dashLoading') : ''}
        </p>
        {error && (
          <p className="source-notice warning" role="alert">
            {t('dashLoadFailed', error)}
          </p>
        )}
        {stats && (
          <>
            <KpiTiles stats={stats} />
            {stats.totals.events === 0 && <p className="empty-state lead">{t('dashEmptyPeriod')}</p>}
            <UsageOverTime trend={stats.trend} bucket={stats.query.bucket} hasEvents={stats.totals.events > 0} csvName={csvName} />
            <TopContent rows={stats.content} csvName={csvName} />
            <ProspectEngagement engagement={stats.engagement} withServer={result?.source === 'server'} csvName={csvName} />
            <UsageByStage byStage={stats.byStage} coverage={stats.stageCoverage} csvName={csvName} />
            <ContentGaps rows={stats.contentGaps} csvName={csvName} />
            <NeverUsed neverUsed={stats.neverUsed} csvName={csvName} />
            <TimeToContent timing={stats.timeToContent} csvName={csvName} />
            <StaleByOwner governance={stats.governance} today={stats.today} csvName={csvName} />
            <Adoption adoption={stats.adoption} byRep={stats.byRep} csvName={csvName} />
            <UsageBySiteAndType bySite={stats.bySite} byType={stats.byType} csvName={csvName} />
            <SiteHealth env={env} query={{ from: stats.query.from, to: stats.query.to }} refreshes={refreshes} csvName={csvName} />
          </>
        )}
      </main>
    </div>
  );
}
