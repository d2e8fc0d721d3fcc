// Writes a CSV of realistic synthetic people on real wards. Usage:
//   npx tsx bench/generate-people.ts [--count 1000000] [--seed 2026] [--out /tmp/people.csv]
//                                    [--headers plain|nationbuilder] [--areas]
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { readWardPlaces } from './lib/geography.ts';
import { writePeopleCsv, type HeaderStyle } from './lib/peopleCsv.ts';
import { syntheticPeople } from './lib/syntheticPeople.ts';
import { electionsDir } from './lib/paths.ts';

const { values } = parseArgs({
  options: {
    count: { type: 'string', default: '1000000' },
    seed: { type: 'string', default: '2026' },
    out: { type: 'string' },
    headers: { type: 'string', default: 'plain' },
    areas: { type: 'boolean', default: false },
  },
});
const count = Number(values.count);
const seed = Number(values.seed);
if (!Number.isInteger(count) || count < 1) throw new Error('--count must be a positive whole number');
if (values.headers !== 'plain' && values.headers !== 'nationbuilder') throw new Error('--headers must be plain or nationbuilder');
const out = values.out ?? join('/tmp', `tredegar-people-${count}.csv`);

const started = performance.now();
const places = readWardPlaces(electionsDir(), { seed });
const written = await writePeopleCsv(out, syntheticPeople(places, { count, seed }), { headers: values.headers as HeaderStyle, areas: values.areas });
const seconds = (performance.now() - started) / 1000;
process.stdout.write(`${written} people on ${new Set(places.map((p) => p.wardCode)).size} wards → ${out} in ${seconds.toFixed(1)} s (${Math.round(written / seconds)} rows/s)\n`);
