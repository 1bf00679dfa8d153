/** Plain-text tables for the terminal. */

export type Row = readonly [label: string, engine: string, baseline: string, ratio: string];

export function table(title: string, rows: readonly Row[]): string {
  const header: Row = ['', 'engine', 'plain Fuse.js', 'ratio'];
  const all = [header, ...rows];
  const widths = [0, 1, 2, 3].map((c) => Math.max(...all.map((r) => r[c]!.length)));
  const line = (r: Row) => r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('   ');
  const rule = '─'.repeat(line(header).length);
  return [``, title, rule, line(header), rule, ...rows.map(line), rule].join('\n');
}

export const pct = (hits: number, total: number) => (total === 0 ? '–' : `${((100 * hits) / total).toFixed(1)}% (${hits}/${total})`);

/** "12×" when the engine is faster or smaller, "0.5×" when it is not. */
export function ratio(baseline: number, engine: number): string {
  if (!Number.isFinite(baseline) || !Number.isFinite(engine) || engine <= 0) return '–';
  const r = baseline / engine;
  return r >= 10 ? `${r.toFixed(0)}×` : `${r.toFixed(1)}×`;
}

export const count = (n: number) => n.toLocaleString('en-US');
