// What the people table's indexes and foreign keys cost insertPeople: the same 20,000 generated
// people inserted four times into its own database, dropping more of the schema each time, with
// the PostgreSQL server's CPU seconds for each.   npx tsx bench/insert-cost.ts
import { benchDatabaseUrl, dropBenchDatabase, recreateBenchDatabase } from './lib/benchDatabase.ts';
import { cpuMeter } from './lib/cpuTime.ts';
import { createBenchOrganisation } from './lib/benchOrganisation.ts';
import { readWardPlaces } from './lib/geography.ts';
import { electionsDir } from './lib/paths.ts';
import { syntheticPeople } from './lib/syntheticPeople.ts';
import { seedPeople } from './lib/seedPeople.ts';
const url = benchDatabaseUrl('exp');
const db = await recreateBenchDatabase(url, 1);
const places = readWardPlaces(electionsDir(), { seed: 2026 });
const org = await createBenchOrganisation(db, electionsDir(), places);
const N = 20000;
const variants: [string, string[]][] = [
  ['all indexes and keys', []],
  ['without the trigram GIN index', ['drop index people_search_trgm_idx']],
  ['without any secondary index on people', ['drop index people_org_name_idx', 'drop index people_unit_name_idx', 'drop index people_name_postcode_idx', 'drop index people_ward_idx', 'drop index people_constituency_idx']],
  ['also without foreign keys', ['alter table people drop constraint people_org_id_organisations_id_fk', 'alter table people drop constraint people_unit_id_units_id_fk', 'alter table contact_points drop constraint contact_points_person_id_people_id_fk', 'alter table person_tags drop constraint person_tags_person_id_people_id_fk', 'alter table person_tags drop constraint person_tags_tag_id_tags_id_fk']],
];
let i = 0;
for (const [name, stmts] of variants) {
  for (const s of stmts) await db.query(s);
  await db.query('truncate people cascade');
  await db.query('checkpoint');
  const m = await cpuMeter(db);
  const r = await seedPeople(db, org, syntheticPeople(places, { count: N, seed: 100 + i++ }));
  const c = await m();
  process.stdout.write(`${name}: ${N} rows, wall ${r.insertSeconds.toFixed(1)} s in insertPeople; CPU postgres ${c.postgres.toFixed(2)} s (${Math.round(c.postgres / N * 1e6)} µs/row), node ${c.node.toFixed(2)} s\n`);
}
await db.close();
await dropBenchDatabase(url);
