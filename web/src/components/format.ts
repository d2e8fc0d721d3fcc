// British formats everywhere: 3 March 2026, 14:05, 12,345.
const dateFmt = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric' });
const dateTimeFmt = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });
const numberFmt = new Intl.NumberFormat('en-GB');

/** A date (ISO string or Date) as "3 Mar 2026"; empty string for null. */
export function formatDate(value: string | Date | null | undefined): string {
  return value ? dateFmt.format(typeof value === 'string' ? new Date(value) : value) : '';
}

/** A date and time as "3 Mar 2026, 14:05" in the browser's time zone; empty string for null. */
export function formatDateTime(value: string | Date | null | undefined): string {
  return value ? dateTimeFmt.format(typeof value === 'string' ? new Date(value) : value) : '';
}

/** A count with thousands separators. */
export function formatNumber(value: number): string {
  return numberFmt.format(value);
}
