/**
 * An iCalendar (RFC 5545) writer for events: CRLF line ends, lines folded at 75 octets without
 * splitting a UTF-8 character, TEXT values escaped, times in UTC, a stable UID per event and
 * SEQUENCE/STATUS so calendars follow changes and cancellations.
 */

export interface IcalEvent {
  id: string;
  title: string;
  description: string;
  startsAt: Date;
  endsAt: Date;
  location: string | null;
  url: string | null;
  status: 'scheduled' | 'cancelled';
  sequence: number;
  createdAt: Date;
  updatedAt: Date;
  organiserName?: string;
}

/** Escapes a TEXT value: backslash, semicolon, comma and line breaks. */
export function escapeText(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r\n|\r|\n/g, '\\n');
}

/** Folds one content line into lines of at most 75 octets, continuation lines starting with a space. */
export function foldLine(line: string): string {
  const out: string[] = [];
  let current = '';
  let size = 0;
  let limit = 75;
  for (const ch of line) {
    const bytes = Buffer.byteLength(ch, 'utf8');
    if (size + bytes > limit) {
      out.push(current);
      current = ' ';
      size = 1;
      limit = 75;
    }
    current += ch;
    size += bytes;
  }
  out.push(current);
  return out.join('\r\n');
}

/** A UTC DATE-TIME value: 20260507T180000Z. */
export function utcStamp(d: Date): string {
  return d.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

// Control characters other than tab are not allowed in TEXT; they are dropped.
// eslint-disable-next-line no-control-regex
const clean = (s: string) => s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '');

const prop = (name: string, value: string) => foldLine(`${name}:${value}`);
const text = (name: string, value: string) => prop(name, escapeText(clean(value)));

/** The VEVENT lines of one event. `host` makes UIDs globally unique ("<id>@host"). */
export function veventLines(e: IcalEvent, host: string, stamp: Date): string[] {
  const lines = [
    'BEGIN:VEVENT',
    prop('UID', `${e.id}@${host}`),
    prop('DTSTAMP', utcStamp(stamp)),
    prop('DTSTART', utcStamp(e.startsAt)),
    prop('DTEND', utcStamp(e.endsAt)),
    prop('CREATED', utcStamp(e.createdAt)),
    prop('LAST-MODIFIED', utcStamp(e.updatedAt)),
    prop('SEQUENCE', String(e.sequence)),
    prop('STATUS', e.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED'),
    text('SUMMARY', e.status === 'cancelled' ? `Cancelled: ${e.title}` : e.title),
  ];
  if (e.description) lines.push(text('DESCRIPTION', e.description));
  if (e.location) lines.push(text('LOCATION', e.location));
  if (e.url) lines.push(prop('URL', e.url));
  lines.push('END:VEVENT');
  return lines;
}

/** A whole calendar of events, ready to serve as text/calendar. */
export function icalendar(name: string, host: string, list: IcalEvent[], stamp = new Date()): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Tredegar//Events//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    text('X-WR-CALNAME', name),
    ...list.flatMap((e) => veventLines(e, host, stamp)),
    'END:VCALENDAR',
  ];
  return `${lines.join('\r\n')}\r\n`;
}
