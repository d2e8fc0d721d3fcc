import { sql } from 'drizzle-orm';
import type { Db } from '../../db/connection.ts';
import { arrayParam } from '../../db/arrayParam.ts';
import { execute } from '../../db/execute.ts';
import { normalisePostcode } from './normalise.ts';

export interface AreaInput {
  postcode?: string | null;
  wardCode?: string | null;
  constituencyCode?: string | null;
}

export interface DerivedAreas {
  wardCode: string | null;
  constituencyCode: string | null;
  /** Paths are `wardCode` / `constituencyCode`; a row with errors must not be stored. */
  errors: { path: string; message: string }[];
}

const code = (v: string | null | undefined) => (v ? v.trim().toUpperCase() || null : null);

/**
 * Codes and postcodes already looked up. Areas change only when geography is loaded, so a
 * long run (an import of many batches) keeps one of these and asks the database only about
 * what it has not seen; a single call starts with an empty one.
 */
export interface AreaCache {
  /** Code → its kind in `areas` ('ward', 'constituency', …), or null when no area has it. */
  kinds: Map<string, string | null>;
  /** Ward → the constituencies it lies in (`ward_constituencies`). */
  links: Map<string, string[]>;
  /** Postcode → its ward and constituency codes as the postcode table gives them, or null when unknown. */
  postcodes: Map<string, { ward: string; constituency: string | null } | null>;
}

export const newAreaCache = (): AreaCache => ({ kinds: new Map(), links: new Map(), postcodes: new Map() });

/** Postcodes a cache keeps before it starts afresh (the codes, a few thousand, are always kept). */
const POSTCODES_KEPT = 200_000;

async function lookUp(db: Db, cache: AreaCache, codes: string[], postcodes: string[]): Promise<void> {
  const distinct = [...new Set(postcodes)];
  let newPostcodes = distinct.filter((p) => !cache.postcodes.has(p));
  if (cache.postcodes.size + newPostcodes.length > POSTCODES_KEPT) {
    cache.postcodes.clear();
    newPostcodes = distinct;
  }
  if (newPostcodes.length > 0) {
    const rows = await execute<{ postcode: string; ward_code: string; constituency_code: string | null }>(db, sql`
      select postcode, ward_code, constituency_code from postcodes where postcode = any(${arrayParam(newPostcodes)}::text[])`);
    for (const p of newPostcodes) cache.postcodes.set(p, null);
    for (const r of rows) cache.postcodes.set(r.postcode, { ward: r.ward_code, constituency: r.constituency_code });
  }
  const wanted = new Set(codes);
  for (const p of postcodes) {
    const found = cache.postcodes.get(p);
    if (found) {
      wanted.add(found.ward);
      if (found.constituency) wanted.add(found.constituency);
    }
  }
  const newCodes = [...wanted].filter((c) => !cache.kinds.has(c));
  if (newCodes.length === 0) return;
  // One round trip for every code not seen before: its kind, and for a ward its constituencies.
  const rows = await execute<{ k: string; a: string; b: string }>(db, sql`
    select 'a' as k, code as a, kind as b from areas where code = any(${arrayParam(newCodes)}::text[])
    union all
    select 'l', ward_code, constituency_code from ward_constituencies where ward_code = any(${arrayParam(newCodes)}::text[])`);
  for (const c of newCodes) {
    cache.kinds.set(c, null);
    cache.links.set(c, []);
  }
  for (const r of rows) {
    if (r.k === 'a') cache.kinds.set(r.a, r.b);
    else cache.links.get(r.a)!.push(r.b);
  }
}

/**
 * Checks and completes the areas of many people with at most two queries: ward and constituency
 * codes must exist (of the right kind); a missing ward comes from the postcode table when it
 * knows the postcode; a missing constituency comes from the postcode or from a ward that lies
 * in exactly one constituency; a constituency that does not contain the ward is an error.
 */
export async function deriveAreasBatch(db: Db, inputs: AreaInput[], cache: AreaCache = newAreaCache()): Promise<DerivedAreas[]> {
  const rows = inputs.map((i) => ({ ward: code(i.wardCode), constituency: code(i.constituencyCode), postcode: i.postcode ? normalisePostcode(i.postcode) : null }));
  const codes = rows.flatMap((r) => [r.ward, r.constituency]).filter((v): v is string => !!v);
  const postcodes = rows.map((r) => (r.ward ? null : r.postcode)).filter((v): v is string => !!v);
  if (codes.length + postcodes.length > 0) await lookUp(db, cache, codes, postcodes);
  const isKind = (c: string | null | undefined, kind: string) => !!c && cache.kinds.get(c) === kind;
  return rows.map((r) => {
    const errors: DerivedAreas['errors'] = [];
    let ward = r.ward;
    let constituency = r.constituency;
    if (ward && !isKind(ward, 'ward')) {
      errors.push({ path: 'wardCode', message: `Unknown ward ${ward}.` });
      ward = null;
    }
    if (constituency && !isKind(constituency, 'constituency')) {
      errors.push({ path: 'constituencyCode', message: `Unknown constituency ${constituency}.` });
      constituency = null;
    }
    const postcode = !r.ward && r.postcode ? cache.postcodes.get(r.postcode) : undefined;
    const fromPostcode = postcode
      ? { ward: isKind(postcode.ward, 'ward') ? postcode.ward : null, constituency: isKind(postcode.constituency, 'constituency') ? postcode.constituency : null }
      : undefined;
    if (!ward && fromPostcode?.ward) ward = fromPostcode.ward;
    const links = ward ? (cache.links.get(ward) ?? []) : [];
    if (ward && constituency && !links.includes(constituency)) {
      errors.push({ path: 'constituencyCode', message: `Constituency ${constituency} does not contain ward ${ward}.` });
    }
    if (ward && !constituency && !r.constituency) {
      if (fromPostcode?.constituency && (links.length === 0 || links.includes(fromPostcode.constituency))) constituency = fromPostcode.constituency;
      else if (links.length === 1) constituency = links[0]!;
    }
    return { wardCode: ward, constituencyCode: constituency, errors };
  });
}

/** The single-person form of `deriveAreasBatch`. */
export async function deriveAreas(db: Db, input: AreaInput): Promise<DerivedAreas> {
  const [result] = await deriveAreasBatch(db, [input]);
  return result!;
}
