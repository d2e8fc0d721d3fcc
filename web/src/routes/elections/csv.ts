import { ATTRIBUTION_LINE } from './attribution.ts';

const cell = (v: unknown) => {
  const s = v === null || v === undefined ? '' : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** Rows as CSV text with the licence line as the last row (the figures must carry it wherever they go). */
export function toCsv(rows: unknown[][]): string {
  return [...rows, [ATTRIBUTION_LINE]].map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';
}

/** Saves CSV text as a file through the browser. */
export function downloadCsv(fileName: string, rows: unknown[][]): void {
  const url = URL.createObjectURL(new Blob([toCsv(rows)], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
