import { sql } from 'drizzle-orm';
import type { Database } from '../../src/db/connection.ts';
import { arrayParam } from '../../src/db/arrayParam.ts';
import { execute } from '../../src/db/execute.ts';
import { loadAreas } from '../../src/modules/areas/loadAreas.ts';
import { createOrganisation } from '../../src/modules/units/createOrganisation.ts';
import { createUnit } from '../../src/modules/units/createUnit.ts';
import { tags } from '../../src/modules/people/schema.ts';
import type { WardPlace } from './geography.ts';
import { BENCH_TAGS, tagSlug } from './syntheticPeople.ts';

/** The organisation people are loaded into, with the ids a benchmark needs. */
export interface BenchOrganisation {
  orgId: string;
  rootId: string;
  /** Constituency ONS code → the id of that constituency's unit. */
  unitOfConstituency: Map<string, string>;
  /** Region (or nation) ONS code → the id of its unit. */
  unitOfRegion: Map<string, string>;
  /** Tag slug → tag id. */
  tagIds: Map<string, string>;
}

/**
 * Loads the real geography, the invented postcodes (so the importer's postcode → ward lookup has
 * something to find, as the ONS Postcode Directory would give it) and an organisation with a unit
 * per region and per current constituency.
 */
export async function createBenchOrganisation(database: Database, electionsDir: string, places: WardPlace[]): Promise<BenchOrganisation> {
  const { db } = database;
  await loadAreas(db, electionsDir);
  const pcs = places.flatMap((p) => p.postcodes.map((pc) => [pc, p.wardCode, p.constituencyCode] as const));
  for (let i = 0; i < pcs.length; i += 50_000) {
    const b = pcs.slice(i, i + 50_000);
    await db.execute(sql`insert into postcodes (postcode, ward_code, constituency_code)
      select * from unnest(${arrayParam(b.map((r) => r[0]))}::text[], ${arrayParam(b.map((r) => r[1]))}::text[], ${arrayParam(b.map((r) => r[2]))}::text[])`);
  }
  const { org, root } = await createOrganisation(db, { name: 'Benchmark Party', slug: 'bench', rootCode: 'bench-national' });
  const seats = await execute<{ code: string; name: string; parent: string; parentName: string }>(db, sql`
    select c.code, c.name, c.parent_code as parent, p.name as "parentName" from areas c join areas p on p.code = c.parent_code
    where c.code = any(${arrayParam([...new Set(places.map((p) => p.constituencyCode))])}::text[]) order by c.code`);
  const unitOfRegion = new Map<string, string>();
  const unitOfConstituency = new Map<string, string>();
  for (const s of seats) {
    if (!unitOfRegion.has(s.parent)) {
      const r = await createUnit(db, { parentId: root.id, kind: 'region', code: `r-${s.parent}`, name: s.parentName, areaCodes: [s.parent] });
      unitOfRegion.set(s.parent, r.id);
    }
    const u = await createUnit(db, { parentId: unitOfRegion.get(s.parent)!, kind: 'constituency', code: `c-${s.code}`, name: `${s.name} CLP`, areaCodes: [s.code] });
    unitOfConstituency.set(s.code, u.id);
  }
  const tagRows = await db.insert(tags).values(BENCH_TAGS.map((name) => ({ orgId: org.id, name, slug: tagSlug(name) }))).returning();
  return { orgId: org.id, rootId: root.id, unitOfConstituency, unitOfRegion, tagIds: new Map(tagRows.map((t) => [t.slug, t.id])) };
}

/** Reads back the organisation made by `createBenchOrganisation` (for reusing a seeded database). */
export async function readBenchOrganisation(database: Database): Promise<BenchOrganisation | null> {
  const [org] = await database.query<{ id: string }>(`select id from organisations where slug = 'bench'`);
  if (!org) return null;
  const units = await database.query<{ id: string; code: string; kind: string }>(`select id, code, kind from units where org_id = $1`, [org.id]);
  const tagRows = await database.query<{ id: string; slug: string }>(`select id, slug from tags where org_id = $1`, [org.id]);
  const by = (kind: string, prefix: string) => new Map(units.filter((u) => u.kind === kind).map((u) => [u.code.slice(prefix.length), u.id]));
  return {
    orgId: org.id,
    rootId: units.find((u) => u.kind === 'national')!.id,
    unitOfConstituency: by('constituency', 'c-'),
    unitOfRegion: by('region', 'r-'),
    tagIds: new Map(tagRows.map((t) => [t.slug, t.id])),
  };
}
