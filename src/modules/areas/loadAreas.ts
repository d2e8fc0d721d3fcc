import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/connection.ts';
import { areas, wardConstituencies, type AreaKind } from './schema.ts';

type AreaRow = typeof areas.$inferInsert;

const NATIONS: Record<string, string> = {
  E92000001: 'England',
  W92000004: 'Wales',
  S92000003: 'Scotland',
  N92000002: 'Northern Ireland',
};
const NATION_BY_NAME = Object.fromEntries(Object.entries(NATIONS).map(([code, name]) => [name, code]));
const RESULT_FILES: [string, '2010' | '2024'][] = [
  ['HoC-GE2019-results-by-constituency.csv', '2010'],
  ['HoC-GE2024-results-by-constituency.csv', '2024'],
];
const WARD_FILE = 'ward_lad_la_pcon_hierarchy.csv';

function readCsv(path: string): Record<string, string>[] {
  return parse(readFileSync(path), { columns: true, bom: true, skip_empty_lines: true, trim: true }) as Record<string, string>[];
}

/**
 * Reads nations, regions, both constituency boundary sets, local authorities and current
 * wards from the shipped ONS/House of Commons Library files. Pure: returns rows, writes nothing.
 */
export function readAreaFiles(dir: string): { areas: AreaRow[]; wardLinks: { wardCode: string; constituencyCode: string }[] } {
  const out = new Map<string, AreaRow>();
  const put = (code: string, kind: AreaKind, name: string, parentCode: string | null, extra: Partial<AreaRow> = {}) => {
    const known = out.get(code);
    if (known) {
      // A seat unchanged in 2024 keeps its code: record it in both boundary sets.
      for (const s of extra.boundarySets ?? []) if (!known.boundarySets!.includes(s)) known.boundarySets = [...known.boundarySets!, s];
      return;
    }
    out.set(code, { code, kind, name, parentCode, boundarySets: [], localAuthorityCode: null, ...extra });
  };
  put('K02000001', 'country', 'United Kingdom', null);
  for (const [code, name] of Object.entries(NATIONS)) put(code, 'nation', name, 'K02000001');
  for (const [file, set] of RESULT_FILES) {
    for (const r of readCsv(join(dir, file))) {
      const nation = NATION_BY_NAME[r['Country name']!];
      if (!nation) throw new Error(`${file}: unknown country "${r['Country name']}" for ${r['ONS ID']}`);
      const regionCode = r['ONS region ID']!;
      if (regionCode !== nation) put(regionCode, 'region', r['Region name']!, nation);
      put(r['ONS ID']!, 'constituency', r['Constituency name']!, regionCode, { boundarySets: [set] });
    }
  }
  const links: { wardCode: string; constituencyCode: string }[] = [];
  for (const r of readCsv(join(dir, WARD_FILE))) {
    if (r['most_recent_year_included'] !== '2024') continue;
    const lad = r['lad_code']!;
    const pcon = out.get(r['pcon_code']!);
    put(lad, 'local_authority', r['lad_name']!, pcon?.parentCode ?? null);
    put(r['ward_code']!, 'ward', r['ward_name']!, r['pcon_code']!, { localAuthorityCode: lad });
    links.push({ wardCode: r['ward_code']!, constituencyCode: r['pcon_code']! });
  }
  return { areas: [...out.values()], wardLinks: links };
}

/** Loads (or refreshes) the real geography; running it twice changes nothing. */
export async function loadAreas(db: Db, dir: string, onProgress?: (done: number, total: number) => void) {
  const { areas: rows, wardLinks } = readAreaFiles(dir);
  const total = rows.length + wardLinks.length;
  let done = 0;
  await db.transaction(async (tx) => {
    for (let i = 0; i < rows.length; i += 1000) {
      const batch = rows.slice(i, i + 1000);
      await tx
        .insert(areas)
        .values(batch)
        .onConflictDoUpdate({
          target: areas.code,
          set: { kind: sql`excluded.kind`, name: sql`excluded.name`, parentCode: sql`excluded.parent_code`, boundarySets: sql`excluded.boundary_sets`, localAuthorityCode: sql`excluded.local_authority_code` },
        });
      done += batch.length;
      onProgress?.(done, total);
    }
    for (let i = 0; i < wardLinks.length; i += 2000) {
      const batch = wardLinks.slice(i, i + 2000);
      await tx.insert(wardConstituencies).values(batch).onConflictDoNothing();
      done += batch.length;
      onProgress?.(done, total);
    }
  });
  return { areas: rows.length, wardLinks: wardLinks.length };
}
