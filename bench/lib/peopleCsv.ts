import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { SyntheticPerson } from './syntheticPeople.ts';

export type HeaderStyle = 'plain' | 'nationbuilder';

interface Column {
  plain: string;
  nationbuilder: string;
  value: (p: SyntheticPerson) => string | null;
  /** Area columns are left out of files meant to exercise the postcode → area lookup. */
  area?: boolean;
}

const COLUMNS: Column[] = [
  { plain: 'first_name', nationbuilder: 'first_name', value: (p) => p.firstName },
  { plain: 'last_name', nationbuilder: 'last_name', value: (p) => p.lastName },
  { plain: 'email', nationbuilder: 'email', value: (p) => p.email },
  { plain: 'phone', nationbuilder: 'mobile_number', value: (p) => p.phone },
  { plain: 'address_line1', nationbuilder: 'primary_address1', value: (p) => p.addressLine1 },
  { plain: 'town', nationbuilder: 'primary_city', value: (p) => p.town },
  { plain: 'postcode', nationbuilder: 'primary_zip', value: (p) => p.postcode },
  { plain: 'ward_code', nationbuilder: 'ward_code', value: (p) => p.wardCode, area: true },
  { plain: 'constituency_code', nationbuilder: 'constituency_code', value: (p) => p.constituencyCode, area: true },
  { plain: 'membership_status', nationbuilder: 'membership_status', value: (p) => p.membershipStatus },
  { plain: 'membership_number', nationbuilder: 'membership_number', value: (p) => p.membershipNumber },
  { plain: 'joined_on', nationbuilder: 'started_at', value: (p) => p.joinedOn },
  { plain: 'tags', nationbuilder: 'tag_list', value: (p) => (p.tags.length ? p.tags.join(', ') : null) },
];

const field = (v: string | null) => (v === null ? '' : /[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

export interface CsvOptions {
  headers?: HeaderStyle;
  /** Include ward and constituency codes (default false: the importer derives them from postcodes). */
  areas?: boolean;
}

/** The header names of a generated file, in order. */
export function csvHeaders(opts: CsvOptions = {}): string[] {
  return COLUMNS.filter((c) => opts.areas || !c.area).map((c) => c[opts.headers ?? 'plain']);
}

/**
 * Writes people as CSV to `path`, streamed in ~1 MB chunks with back-pressure so a million rows
 * never sit in memory. Returns the number of rows written.
 */
export async function writePeopleCsv(path: string, people: Iterable<SyntheticPerson>, opts: CsvOptions = {}): Promise<number> {
  const cols = COLUMNS.filter((c) => opts.areas || !c.area);
  const out = createWriteStream(path);
  let chunk = `${cols.map((c) => c[opts.headers ?? 'plain']).join(',')}\n`;
  let n = 0;
  for (const p of people) {
    chunk += `${cols.map((c) => field(c.value(p))).join(',')}\n`;
    n++;
    if (chunk.length > 1 << 20) {
      if (!out.write(chunk)) await once(out, 'drain');
      chunk = '';
    }
  }
  out.end(chunk);
  await once(out, 'finish');
  return n;
}
