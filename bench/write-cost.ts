// What each part of the schema costs a bulk write of people, in PostgreSQL server CPU per row:
// the same generated rows go into `people` (and then `contact_points`) with the real schema, and
// again with parts of it dropped one after another, and by three routes (INSERT … SELECT from a
// staged table, INSERT … SELECT FROM unnest(array parameters) as insertPeople does, COPY).
//   npx tsx bench/write-cost.ts [--rows 20000] [--repeat 3]
// Runs in its own database (dropped at the end). CPU is read from /proc for the one backend.
import { chmodSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { benchDatabaseUrl, dropBenchDatabase, recreateBenchDatabase } from './lib/benchDatabase.ts';
import { createBenchOrganisation } from './lib/benchOrganisation.ts';
import { processCpuSeconds } from './lib/cpuTime.ts';
import { readWardPlaces } from './lib/geography.ts';
import { electionsDir } from './lib/paths.ts';
import { writePeopleCsv } from './lib/peopleCsv.ts';
import { syntheticPeople } from './lib/syntheticPeople.ts';

const { values } = parseArgs({ options: { rows: { type: 'string', default: '20000' }, repeat: { type: 'string', default: '3' } } });
const n = Number(values.rows);
const repeat = Number(values.repeat);
const url = benchDatabaseUrl('writecost');
const database = await recreateBenchDatabase(url, 1);
const places = readWardPlaces(electionsDir(), { seed: 2026 });
const org = await createBenchOrganisation(database, electionsDir(), places);
const dir = mkdtempSync(join(tmpdir(), 'tredegar-write-cost-'));
// The server process reads the CSV from here and writes the COPY file into it.
chmodSync(dir, 0o777);
const csv = join(dir, 'people.csv');
await writePeopleCsv(csv, syntheticPeople(places, { count: n, seed: 2026 }));
chmodSync(csv, 0o644);
const q = database.query.bind(database);
const [{ pid }] = (await q<{ pid: number }>('select pg_backend_pid() as pid')) as [{ pid: number }];

// The rows staged once, as the import would send them: ids chosen, areas looked up, search text made.
await q(`create table bench_csv (first_name text, last_name text, email text, phone text, address_line1 text, town text, postcode text,
  membership_status text, membership_number text, joined_on text, tags text)`);
await q(`copy bench_csv from '${csv}' with (format csv, header)`);
await q(`create table bench_stage as
  select gen_random_uuid() as id, row_number() over () as n, '${org.orgId}'::uuid as org_id, '${org.rootId}'::uuid as unit_id,
    c.first_name, coalesce(c.last_name, '') as last_name, c.address_line1, c.town, c.postcode, p.ward_code, p.constituency_code,
    coalesce(c.membership_status, 'none') as membership_status, c.membership_number,
    lower(concat_ws(' ', c.first_name, c.last_name, c.postcode, replace(c.postcode, ' ', ''), c.email, c.phone)) as search_text,
    lower(c.email) as email, c.phone
  from bench_csv c left join postcodes p using (postcode)`);
const COLS = 'id, org_id, unit_id, first_name, last_name, address_line1, town, postcode, ward_code, constituency_code, membership_status, membership_number, search_text';
const TYPES = ['uuid', 'uuid', 'uuid', 'text', 'text', 'text', 'text', 'text', 'text', 'text', 'text', 'text', 'text'];
const staged = await q<Record<string, unknown>>(`select ${COLS} from bench_stage order by n`);
const copyFile = join(dir, 'people.tsv');
await q(`copy (select ${COLS} from bench_stage order by n) to '${copyFile}'`).catch(() => undefined);
const canCopy = (() => {
  try {
    readFileSync(copyFile);
    return true;
  } catch {
    return false;
  }
})();

const BATCH = 5000;
type Route = 'select' | 'unnest' | 'copy';
async function writePeople(route: Route) {
  if (route === 'copy') return void (await q(`copy people (${COLS}) from '${copyFile}'`));
  for (let i = 0; i < n; i += BATCH) {
    if (route === 'select') await q(`insert into people (${COLS}) select ${COLS} from bench_stage where n > ${i} and n <= ${i + BATCH}`);
    else {
      const batch = staged.slice(i, i + BATCH);
      const cols = COLS.split(', ');
      await q(`insert into people (${COLS}) select * from unnest(${TYPES.map((t, k) => `$${k + 1}::${t}[]`).join(', ')})`, cols.map((c) => batch.map((r) => r[c])));
    }
  }
}
const writeContacts = () => q(`insert into contact_points (org_id, person_id, kind, value, normalised, label, is_primary)
  select org_id, id, 'email', email, email, 'other', true from bench_stage where email is not null
  union all select org_id, id, 'phone', phone, phone, 'mobile', true from bench_stage where phone is not null`);

/** Runs `f` on an empty people table `repeat` times; `f` may return the CPU seconds of its own part. */
async function measure(label: string, f: () => Promise<unknown>, per = n) {
  const cpu: number[] = [];
  for (let r = 0; r < repeat; r++) {
    await q('truncate people cascade');
    await q('checkpoint');
    const c0 = processCpuSeconds(pid);
    const own = await f();
    cpu.push(typeof own === 'number' ? own : processCpuSeconds(pid) - c0);
  }
  cpu.sort((a, b) => a - b);
  const median = cpu[Math.floor(cpu.length / 2)]!;
  process.stdout.write(`${label.padEnd(72)} ${String(Math.round((median / per) * 1e6)).padStart(5)} µs/row  (runs: ${cpu.map((c) => c.toFixed(2)).join(', ')} s; load ${loadavg()[0]!.toFixed(1)})\n`);
}

process.stdout.write(`${n} people, median of ${repeat}; PostgreSQL backend CPU per row\n`);
await measure('raw COPY of the CSV into a narrow table without indexes', async () => {
  await q('truncate bench_csv');
  await q(`copy bench_csv from '${csv}' with (format csv, header)`);
});
await measure('people: INSERT … SELECT from a staged table, schema as it is', () => writePeople('select'));
await measure('people: INSERT … SELECT FROM unnest(array parameters), as insertPeople', () => writePeople('unnest'));
if (canCopy) await measure('people: COPY into people', () => writePeople('copy'));
const contacts = Number((await q<{ c: number }>(`select (count(email) + count(phone))::int as c from bench_stage`))[0]!.c);
await measure('contact_points (per contact), schema as it is', async () => {
  await writePeople('select');
  const c0 = processCpuSeconds(pid);
  await writeContacts();
  return processCpuSeconds(pid) - c0;
}, contacts);
await q('drop index people_search_trgm_idx');
await measure('people: … without the trigram GIN index on search_text', () => writePeople('select'));
for (const i of ['people_org_name_idx', 'people_unit_name_idx', 'people_name_postcode_idx', 'people_ward_idx', 'people_constituency_idx', 'people_org_created_idx', 'people_org_updated_idx', 'people_merged_into_idx']) await q(`drop index ${i}`);
await measure('people: … and without its 8 other secondary indexes', () => writePeople('select'));
await q('alter table people drop constraint people_org_id_organisations_id_fk');
await q('alter table people drop constraint people_unit_id_units_id_fk');
await measure('people: … and without its 2 foreign keys (primary key only)', () => writePeople('select'));
await database.close();
await dropBenchDatabase(url);
rmSync(dir, { recursive: true, force: true });
