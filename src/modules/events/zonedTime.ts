/**
 * Wall-clock times in an IANA time zone, with nothing but Intl: what a local date and time in a
 * zone is as an instant, and back. Events are stored as instants and edited as local times.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', {
      timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** True when the runtime knows `timeZone` as an IANA zone name. */
export function isTimeZone(timeZone: string): boolean {
  if (!/^[A-Za-z_]+(?:\/[A-Za-z0-9_+-]+){0,2}$/.test(timeZone) && timeZone !== 'UTC') return false;
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

export interface LocalParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

/** The local date and time of an instant in a zone. */
export function localParts(at: Date, timeZone: string): LocalParts {
  const parts = Object.fromEntries(formatter(timeZone).formatToParts(at).map((p) => [p.type, p.value]));
  return { year: Number(parts.year), month: Number(parts.month), day: Number(parts.day), hour: Number(parts.hour), minute: Number(parts.minute) };
}

/** Offset of the zone from UTC at an instant, in minutes (positive east of Greenwich). */
function offsetMinutes(at: Date, timeZone: string): number {
  const p = localParts(at, timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute);
  return Math.round((asUtc - Math.floor(at.getTime() / 60_000) * 60_000) / 60_000);
}

/**
 * The instant at which the zone's clocks show the given local time. A time skipped when clocks
 * go forward resolves to the same wall time an hour later; a time that happens twice when they
 * go back resolves to the first.
 */
export function zonedInstant(p: LocalParts, timeZone: string): Date {
  const wall = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute);
  const first = offsetMinutes(new Date(wall), timeZone);
  let at = new Date(wall - first * 60_000);
  const second = offsetMinutes(at, timeZone);
  if (second !== first) {
    const candidate = new Date(wall - second * 60_000);
    const c = localParts(candidate, timeZone);
    at = c.hour === p.hour && c.minute === p.minute ? candidate : new Date(wall - Math.max(first, second) * 60_000);
  }
  return at;
}

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::00(?:\.0+)?)?$/;

/** Parses "YYYY-MM-DDTHH:MM" (no offset) into parts, or null when it is not a real date and time. */
export function parseLocal(text: string): LocalParts | null {
  const m = LOCAL.exec(text);
  if (!m) return null;
  const [year, month, day, hour, minute] = m.slice(1).map(Number) as [number, number, number, number, number];
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day || hour > 23 || minute > 59) return null;
  return { year, month, day, hour, minute };
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** "YYYY-MM-DDTHH:MM" of an instant in a zone (the form an edit form shows). */
export function formatLocal(at: Date, timeZone: string): string {
  const p = localParts(at, timeZone);
  return `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}`;
}

/** The same local time `days` calendar days later (days may be negative). */
export function addLocalDays(p: LocalParts, days: number): LocalParts {
  const d = new Date(Date.UTC(p.year, p.month - 1, p.day + days));
  return { ...p, year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** The same local time `months` months later, on the same day of the month or the month's last day. */
export function addLocalMonths(p: LocalParts, months: number): LocalParts {
  const first = new Date(Date.UTC(p.year, p.month - 1 + months, 1));
  const lastDay = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  return { ...p, year: first.getUTCFullYear(), month: first.getUTCMonth() + 1, day: Math.min(p.day, lastDay) };
}

/** Whole calendar days from one local date to another. */
export function localDayDifference(from: LocalParts, to: LocalParts): number {
  return Math.round((Date.UTC(to.year, to.month - 1, to.day) - Date.UTC(from.year, from.month - 1, from.day)) / 86_400_000);
}
