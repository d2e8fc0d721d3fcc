import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { Prng, hash32 } from './prng.ts';

/** A current ward in one constituency (a ward that straddles two appears once per constituency). */
export interface WardPlace {
  wardCode: string;
  wardName: string;
  constituencyCode: string;
  ladCode: string;
  town: string;
  /** Postcodes invented for this ward: well-formed, unique across the country, stable per seed. */
  postcodes: string[];
}

// Real postcode areas by nation, so a Scottish ward gets a Scottish-looking postcode. The
// district and unit parts are invented: no postcode directory ships with the project.
const AREAS_BY_NATION: Record<string, string[]> = {
  E: ('AL B BA BB BD BH BL BN BR BS CA CB CH CM CO CR CT CV CW DA DE DH DL DN DT DY E EC EN EX GL GU HA HD HG HP HR HU HX IG IP ' +
    'KT L LA LE LN LS LU M ME MK N NE NG NN NR NW OL OX PE PL PO PR RG RH RM S SE SG SK SL SM SN SO SP SR SS ST SW TA TF TN TQ TR TS TW ' +
    'UB W WA WC WD WF WN WR WS WV YO').split(' '),
  W: ['CF', 'LD', 'LL', 'NP', 'SA'],
  S: ['AB', 'DD', 'DG', 'EH', 'FK', 'G', 'HS', 'IV', 'KA', 'KW', 'KY', 'ML', 'PA', 'PH', 'TD', 'ZE'],
  N: ['BT'],
};
const UNIT_LETTERS = [...'ABDEFGHJLNPQRSTUWXYZ'];

/**
 * A postcode area that looks right for a local authority: the one spelt like the start of its
 * name when there is one (Southampton → SO, Harrow → HA, Manchester → M), else a stable choice
 * among the nation's areas with the same first letter.
 */
function postcodeAreaFor(ladCode: string, ladName: string): string {
  const list = AREAS_BY_NATION[ladCode[0]!] ?? AREAS_BY_NATION.E!;
  const name = ladName.toUpperCase().replace(/[^A-Z]/g, '');
  const exact = list.find((a) => a.length === 2 && name.startsWith(a)) ?? list.find((a) => a === name[0]);
  if (exact) return exact;
  const sameLetter = list.filter((a) => a[0] === name[0]);
  const from = sameLetter.length > 0 ? sameLetter : list;
  return from[hash32(ladCode) % from.length]!;
}

export const WARD_FILE = 'ward_lad_la_pcon_hierarchy.csv';

/** The shipped ward lookup's current (2024) rows, each with invented postcodes for its area. */
export function readWardPlaces(electionsDir: string, opts: { seed?: number; postcodesPerWard?: number } = {}): WardPlace[] {
  const rows = parse(readFileSync(join(electionsDir, WARD_FILE)), { columns: true, bom: true, skip_empty_lines: true, trim: true }) as Record<string, string>[];
  const current = rows.filter((r) => r['most_recent_year_included'] === '2024');
  if (current.length === 0) throw new Error(`${WARD_FILE}: no rows for 2024`);
  // Wards of one local authority are consecutive in districts of one postcode area, as they are in life.
  current.sort((a, b) => a['lad_code']!.localeCompare(b['lad_code']!) || a['ward_code']!.localeCompare(b['ward_code']!));
  const perWard = opts.postcodesPerWard ?? 40;
  const prng = new Prng(opts.seed ?? 1);
  const areaOfLad = new Map<string, string>();
  const nextDistrict = new Map<string, number>();
  const districtOfWard = new Map<string, string>();
  const taken = new Set<string>();
  const places: WardPlace[] = [];
  for (const r of current) {
    const lad = r['lad_code']!;
    const ward = r['ward_code']!;
    if (!areaOfLad.has(lad)) areaOfLad.set(lad, postcodeAreaFor(lad, r['lad_name']!));
    const area = areaOfLad.get(lad)!;
    if (!districtOfWard.has(ward)) {
      const n = nextDistrict.get(area) ?? 0;
      nextDistrict.set(area, n + 1);
      districtOfWard.set(ward, `${area}${(n % 98) + 1}`);
    }
    const outward = districtOfWard.get(ward)!;
    const postcodes: string[] = [];
    for (let tries = 0; postcodes.length < perWard && tries < perWard * 20; tries++) {
      const pc = `${outward} ${prng.int(0, 9)}${prng.pick(UNIT_LETTERS)}${prng.pick(UNIT_LETTERS)}`;
      if (!taken.has(pc)) {
        taken.add(pc);
        postcodes.push(pc);
      }
    }
    places.push({ wardCode: ward, wardName: r['ward_name']!, constituencyCode: r['pcon_code']!, ladCode: lad, town: r['lad_name']!, postcodes });
  }
  return places;
}
