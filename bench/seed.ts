// Seeds the benchmark database (tredegar_bench) with generated people through insertPeople and
// leaves it for bench:search and bench:memory. Usage: npx tsx bench/seed.ts [--people 1000000] [--seed 2026]
import { parseArgs } from 'node:util';
import { seededDatabase } from './lib/seededDatabase.ts';

const { values } = parseArgs({ options: { people: { type: 'string', default: '1000000' }, seed: { type: 'string', default: '2026' } } });
const s = await seededDatabase(Number(values.people), Number(values.seed), { reuse: false });
if (s.seeded) {
  const { rows, seconds, insertSeconds, setupSeconds, vacuumSeconds } = s.seeded;
  process.stdout.write(`${rows} people: setup ${setupSeconds.toFixed(1)} s, load ${seconds.toFixed(1)} s (${Math.round(rows / seconds)} rows/s overall, ${Math.round(rows / insertSeconds)} rows/s inside insertPeople), vacuum analyze ${vacuumSeconds.toFixed(1)} s\n`);
}
await s.database.close();
