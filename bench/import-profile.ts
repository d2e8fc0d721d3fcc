// Where the import's database time goes: runs the real import of a generated file into its own
// database and sums the time of every statement by its shape.
//   npx tsx bench/import-profile.ts [--rows 20000] [--seed 2026]
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { benchDatabaseUrl, dropBenchDatabase, recreateBenchDatabase } from './lib/benchDatabase.ts';
import { createBenchOrganisation } from './lib/benchOrganisation.ts';
import { readWardPlaces } from './lib/geography.ts';
import { electionsDir } from './lib/paths.ts';
import { writePeopleCsv } from './lib/peopleCsv.ts';
import { pipelineImport } from './lib/pipelineImport.ts';
import { syntheticPeople } from './lib/syntheticPeople.ts';

const { values } = parseArgs({ options: { rows: { type: 'string', default: '20000' }, seed: { type: 'string', default: '2026' } } });
const n = Number(values.rows);
const seed = Number(values.seed);
const url = benchDatabaseUrl('profile');
const places = readWardPlaces(electionsDir(), { seed });
const csv = join('/tmp', `tredegar-bench-profile-${n}.csv`);
await writePeopleCsv(csv, syntheticPeople(places, { count: n, seed }));
const database = await recreateBenchDatabase(url, 4);
const org = await createBenchOrganisation(database, electionsDir(), places);

// Every statement of every pooled client, transactions included, timed by its first words.
const byShape = new Map<string, { calls: number; ms: number }>();
const proto = pg.Client.prototype as unknown as { query: (...a: unknown[]) => unknown };
const original = proto.query;
proto.query = function (this: unknown, ...args: unknown[]) {
  const first = args[0] as string | { text?: string };
  const text = (typeof first === 'string' ? first : (first?.text ?? '')).replace(/\s+/g, ' ').trim().slice(0, 90);
  const t = performance.now();
  const out = original.apply(this, args) as Promise<unknown> | undefined;
  if (out && typeof out.then === 'function') {
    const done = () => {
      const s = byShape.get(text) ?? { calls: 0, ms: 0 };
      s.calls++;
      s.ms += performance.now() - t;
      byShape.set(text, s);
    };
    out.then(done, done);
  }
  return out;
};
const result = await pipelineImport(database, org, csv);
proto.query = original;
await database.close();
await dropBenchDatabase(url);
const total = [...byShape.values()].reduce((a, b) => a + b.ms, 0);
process.stdout.write(`${n} rows imported in ${result.seconds.toFixed(1)} s (${result.note}); ${(total / 1000).toFixed(1)} s inside statements\n`);
for (const [text, s] of [...byShape.entries()].sort((a, b) => b[1].ms - a[1].ms).slice(0, 15)) {
  process.stdout.write(`${(s.ms / 1000).toFixed(2).padStart(7)} s ${String(s.calls).padStart(6)}× ${((100 * s.ms) / total).toFixed(0).padStart(3)}%  ${text}\n`);
}
