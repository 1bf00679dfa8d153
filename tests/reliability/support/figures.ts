import { appendFileSync } from 'node:fs';

/*
 * A figure of the reliability report. Tests and long runs record what they measured here;
 * scripts/reliability.mjs collects them (one JSON line each, in the file it names in
 * QUIVER_RELIABILITY_FIGURES), judges each against its bound and prints one report. Outside
 * that run nothing is written: the tests assert their bounds themselves.
 */
export interface Figure {
  /** The item of issue 8 the figure proves, e.g. "1", "4", "7". */
  item: string;
  /** What was measured, as the report shows it: "library pages · crashes". */
  name: string;
  value: number;
  unit?: string;
  /** The bound the figure must meet; a figure without one is reported, not judged. */
  atLeast?: number;
  atMost?: number;
}

export const FIGURES_ENV = 'QUIVER_RELIABILITY_FIGURES';

export function recordFigures(figures: readonly Figure[]): void {
  const file = process.env[FIGURES_ENV];
  if (!file || figures.length === 0) return;
  // The same attack run on PostgreSQL (the -pg vitest projects) reports under its own name.
  const onPostgres = process.env.QUIVER_TEST_DB === 'postgres';
  const named = figures.map((f) => (onPostgres && !f.name.includes('PostgreSQL') ? { ...f, name: `${f.name} (PostgreSQL)` } : f));
  // One append per call: parallel test files write to the same file without interleaving lines.
  appendFileSync(file, named.map((f) => JSON.stringify(f)).join('\n') + '\n');
}

/** `name: value unit (bound)` for a long run's own console output. */
export function describeFigure(f: Figure): string {
  const bound =
    f.atLeast !== undefined && f.atLeast === f.atMost
      ? ` (must be ${f.atLeast})`
      : [f.atLeast !== undefined ? `≥ ${f.atLeast}` : '', f.atMost !== undefined ? `≤ ${f.atMost}` : '']
          .filter(Boolean)
          .join(', ')
          .replace(/^(.+)$/, ' ($1)');
  return `${f.name}: ${f.value}${f.unit ? ` ${f.unit}` : ''}${bound}`;
}
