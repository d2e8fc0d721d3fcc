import type { Database } from '../../src/db/connection.ts';
import { createBenchOrganisation, readBenchOrganisation, type BenchOrganisation } from './benchOrganisation.ts';
import { openBenchDatabase, recreateBenchDatabase } from './benchDatabase.ts';
import { readWardPlaces, type WardPlace } from './geography.ts';
import { electionsDir } from './paths.ts';
import { seedPeople, type SeedResult } from './seedPeople.ts';
import { syntheticPeople } from './syntheticPeople.ts';
import { fmt, since } from './stats.ts';

export interface SeededDatabase {
  database: Database;
  org: BenchOrganisation;
  places: WardPlace[];
  people: number;
  seed: number;
  /** Present when this call did the seeding (absent when a seeded database was reused). */
  seeded?: SeedResult & { setupSeconds: number; vacuumSeconds: number };
}

const log = (s: string) => process.stderr.write(`${s}\n`);

/**
 * The benchmark database holding `people` generated people (via insertPeople), reused when it
 * already holds exactly that many from the same seed, otherwise dropped and seeded afresh.
 */
export async function seededDatabase(people: number, seed: number, opts: { reuse?: boolean } = {}): Promise<SeededDatabase> {
  const places = readWardPlaces(electionsDir(), { seed });
  if (opts.reuse !== false) {
    // A database made before someone rewrote a migration cannot be migrated: seed afresh then.
    const existing = await openBenchDatabase().catch((e: Error) => {
      log(`cannot reuse tredegar_bench (${e.message.split('\n')[0]}); seeding afresh`);
      return null;
    });
    if (existing) {
      const meta = await existing.query<{ value: { people: number; seed: number } }>(`select value from bench_meta where key = 'seed'`).catch(() => []);
      const org = await readBenchOrganisation(existing);
      if (org && meta[0]?.value.people === people && meta[0].value.seed === seed) {
        log(`reusing tredegar_bench with ${fmt(people)} people (seed ${seed})`);
        return { database: existing, org, places, people, seed };
      }
      await existing.close();
    }
  }
  const t0 = performance.now();
  const database = await recreateBenchDatabase();
  const org = await createBenchOrganisation(database, electionsDir(), places);
  const setupSeconds = since(t0);
  log(`bench database ready (areas, postcodes, ${org.unitOfConstituency.size} constituency units) in ${setupSeconds.toFixed(1)} s; seeding ${fmt(people)} people`);
  let next = 100_000;
  const result = await seedPeople(database, org, syntheticPeople(places, { count: people, seed }), {
    onProgress: (n) => {
      if (n >= next) {
        log(`  ${fmt(n)} people (${Math.round(n / since(t0 + setupSeconds * 1000))} rows/s)`);
        next += 100_000;
      }
    },
  });
  const tv = performance.now();
  await database.query('vacuum analyze');
  const vacuumSeconds = since(tv);
  await database.query(`create table bench_meta (key text primary key, value jsonb not null)`);
  await database.query(`insert into bench_meta values ('seed', $1)`, [JSON.stringify({ people, seed })]);
  log(`seeded ${fmt(result.rows)} people in ${result.seconds.toFixed(1)} s (insertPeople ${result.insertSeconds.toFixed(1)} s), vacuum analyze ${vacuumSeconds.toFixed(1)} s`);
  return { database, org, places, people, seed, seeded: { ...result, setupSeconds, vacuumSeconds } };
}
