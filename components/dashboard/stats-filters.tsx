import { useEffect, useId, useState } from 'react';
import { t } from '../../lib/i18n';
import { CONTENT_TYPES, JOURNEY_STAGES } from '../../lib/schema/content';
import { SITES } from '../../lib/schema/page-context';
import { STATS_BUCKETS, statsQuerySchema, type StatsQuery } from '../../lib/schema/stats';
import { presetOf, presetRange, RANGE_PRESETS } from '../../lib/dashboard/date-range';
import { repLabel, siteLabel, stageLabel, typeLabel } from '../../lib/labels';

interface Props {
  query: StatsQuery;
  today: string;
  /** Reps seen in the current figures, offered in the rep filter. */
  reps: readonly string[];
  onChange: (query: StatsQuery) => void;
}

/** Period, filters and grouping. A change that makes a valid query applies at once. */
export function StatsFilters({ query, today, reps, onChange }: Props) {
  const id = useId();
  const [from, setFrom] = useState(query.from);
  const [to, setTo] = useState(query.to);
  useEffect(() => {
    setFrom(query.from);
    setTo(query.to);
  }, [query.from, query.to]);

  const apply = (patch: Partial<Record<keyof StatsQuery, string | undefined>>) => {
    const parsed = statsQuerySchema.safeParse({ ...query, ...patch });
    if (parsed.success) onChange(parsed.data);
  };
  const rangeValid = statsQuerySchema.safeParse({ ...query, from, to }).success;
  const preset = presetOf(query, today);
  // The filter keeps the chosen rep listed even when the figures name no one else.
  const repOptions = [...new Set([...reps, ...(query.user ? [query.user] : [])])].filter((u) => u !== '').sort();

  const onPreset = (value: string) => {
    if (value === 'custom') return;
    apply(presetRange(Number(value), today));
  };
  const onDate = (which: 'from' | 'to', value: string) => {
    if (which === 'from') setFrom(value);
    else setTo(value);
    apply({ from: which === 'from' ? value : from, to: which === 'to' ? value : to });
  };

  return (
    <form className="stats-filters" aria-label={t('dashFilters')} onSubmit={(e) => e.preventDefault()}>
      <div className="field">
        <label htmlFor={`${id}-period`}>{t('dashPeriod')}</label>
        <select id={`${id}-period`} value={String(preset)} onChange={(e) => onPreset(e.target.value)}>
          {RANGE_PRESETS.map((days) => (
            <option key={days} value={String(days)}>
              {t('dashLastDays', String(days))}
            </option>
          ))}
          <option value="custom">{t('dashCustomRange')}</option>
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-from`}>{t('dashFrom')}</label>
        <input
          id={`${id}-from`}
          type="date"
          value={from}
          max={to || undefined}
          aria-invalid={!rangeValid}
          aria-describedby={rangeValid ? undefined : `${id}-range-error`}
          onChange={(e) => onDate('from', e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-to`}>{t('dashTo')}</label>
        <input
          id={`${id}-to`}
          type="date"
          value={to}
          min={from || undefined}
          aria-invalid={!rangeValid}
          aria-describedby={rangeValid ? undefined : `${id}-range-error`}
          onChange={(e) => onDate('to', e.target.value)}
        />
      </div>
      {!rangeValid && (
        <p id={`${id}-range-error`} className="field-error" role="alert">
          {t('dashRangeInvalid')}
        </p>
      )}
      <FilterSelect
        id={`${id}-stage`}
        label={t('dashColStage')}
        allLabel={t('dashAllStages')}
        value={query.stage}
        options={JOURNEY_STAGES.map((s) => [s, stageLabel(s)])}
        onChange={(stage) => apply({ stage })}
      />
      <FilterSelect
        id={`${id}-site`}
        label={t('dashColSite')}
        allLabel={t('dashAllSites')}
        value={query.site}
        options={SITES.map((s) => [s, siteLabel(s)])}
        onChange={(site) => apply({ site })}
      />
      <FilterSelect
        id={`${id}-type`}
        label={t('dashColType')}
        allLabel={t('dashAllTypes')}
        value={query.type}
        options={CONTENT_TYPES.map((c) => [c, typeLabel(c)])}
        onChange={(type) => apply({ type })}
      />
      <FilterSelect
        id={`${id}-rep`}
        label={t('dashColRep')}
        allLabel={t('dashAllReps')}
        value={query.user}
        options={repOptions.map((u) => [u, repLabel(u)])}
        onChange={(user) => apply({ user })}
      />
      <div className="field">
        <label htmlFor={`${id}-bucket`}>{t('dashGroupBy')}</label>
        <select id={`${id}-bucket`} value={query.bucket} onChange={(e) => apply({ bucket: e.target.value })}>
          {STATS_BUCKETS.map((bucket) => (
            <option key={bucket} value={bucket}>
              {t(bucket === 'day' ? 'dashByDay' : 'dashByWeek')}
            </option>
          ))}
        </select>
      </div>
    </form>
  );
}

function FilterSelect(props: {
  id: string;
  label: string;
  allLabel: string;
  value: string | undefined;
  options: [string, string][];
  onChange: (value: string | undefined) => void;
}) {
  return (
    <div className="field">
      <label htmlFor={props.id}>{props.label}</label>
      <select id={props.id} value={props.value ?? ''} onChange={(e) => props.onChange(e.target.value || undefined)}>
        <option value="">{props.allLabel}</option>
        {props.options.map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </select>
    </div>
  );
}
