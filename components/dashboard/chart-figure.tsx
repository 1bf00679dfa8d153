import type { ReactNode } from 'react';

/** Colours that read on light and dark backgrounds alike, so charts need no theme switch. */
export const CHART_COLORS = ['#2f7de1', '#e0892b', '#2fa37a', '#b05cc9', '#d64d5b'] as const;

/** Axis text takes the page's text colour, which the theme sets. */
export const AXIS_TICK = { fill: 'currentColor', fontSize: 12 } as const;

/**
 * A chart with its caption. The chart itself is hidden from screen readers: the same figures
 * are in a table, either collapsed under the chart (`table`) or shown beside it by the section.
 */
export function ChartFigure({ caption, chart, table, tableLabel }: { caption: string; chart: ReactNode; table?: ReactNode; tableLabel?: string }) {
  return (
    <figure className="chart-figure">
      <figcaption>{caption}</figcaption>
      <div className="chart" aria-hidden="true">
        {chart}
      </div>
      {table && (
        <details>
          <summary>{tableLabel}</summary>
          {table}
        </details>
      )}
    </figure>
  );
}
