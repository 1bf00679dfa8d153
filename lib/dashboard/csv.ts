/*
 * CSV for spreadsheets (RFC 4180, CRLF). Cells come from reps' search queries and authors'
 * titles, so a cell a spreadsheet would run as a formula (starting =, +, -, @, or a tab or
 * carriage return that some readers strip first) is prefixed with an apostrophe.
 */

export type CsvCell = string | number | null;

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: CsvCell): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return [header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/** A byte-order mark so Excel reads the file as UTF-8 (Cyrillic titles, accented queries). */
export function csvBlob(csv: string): Blob {
  return new Blob(['\ufeff', csv], { type: 'text/csv;charset=utf-8' });
}

/** Saves a CSV through a temporary Blob URL and a download link, as the browser's own download. */
export function downloadCsv(filename: string, csv: string, doc: Document = document): void {
  const url = URL.createObjectURL(csvBlob(csv));
  const link = doc.createElement('a');
  link.href = url;
  link.download = filename;
  link.hidden = true;
  doc.body.append(link);
  link.click();
  link.remove();
  // Revoking at once can cancel the download in some browsers; FileSaver.js waits 40 s too.
  setTimeout(() => URL.revokeObjectURL(url), 40_000);
}
