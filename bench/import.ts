// CSV import of people: the project's import pipeline beside the raw limits, in one run.
//   npx tsx bench/import.ts [--sizes 100000,1000000] [--pglite 100000] [--seed 2026]
// For each size: generate the CSV; time psql \copy of it into a narrow all-text table (the raw
// limit); time insertPeople on the same people; time the real import of the file (validation,
// dedupe, postcode → ward lookup). Then the same three on PGlite at the --pglite size.
import { mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { connect, type Database } from '../src/db/connection.ts';
import { migrate } from '../src/db/migrate.ts';
import { benchDatabaseUrl, recreateBenchDatabase, dropBenchDatabase } from './lib/benchDatabase.ts';
import { createBenchOrganisation, type BenchOrganisation } from './lib/benchOrganisation.ts';
import { readWardPlaces } from './lib/geography.ts';
import { electionsDir, resultsDir } from './lib/paths.ts';
import { csvHeaders, writePeopleCsv } from './lib/peopleCsv.ts';
import { pipelineImport } from './lib/pipelineImport.ts';
import { createNarrowTable, pgliteCopy, psqlCopy } from './lib/rawCopy.ts';
import { seedPeople } from './lib/seedPeople.ts';
import { cpuMeter } from './lib/cpuTime.ts';
import { machine, rate, since } from './lib/stats.ts';
import { syntheticPeople } from './lib/syntheticPeople.ts';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '100000,1000000' },
    pglite: { type: 'string', default: '100000' },
    seed: { type: 'string', default: '2026' },
    keep: { type: 'boolean', default: false },
  },
});
const sizes = values.sizes.split(',').map(Number).filter((n) => n > 0);
const pgliteSize = Number(values.pglite);
const seed = Number(values.seed);
const log = (s: string) => process.stderr.write(`${s}\n`);
const places = readWardPlaces(electionsDir(), { seed });
const workDir = '/tmp/tredegar-bench';
rmSync(workDir, { recursive: true, force: true });
mkdirSync(workDir, { recursive: true });

interface Row {
  database: 'postgres' | 'pglite';
  rows: number;
  method: string;
  seconds: number;
  rowsPerSecond: number;
  /** CPU seconds used by this Node process and by the PostgreSQL server processes serving it. */
  cpu?: { node: number; postgres: number };
  /** The machine's 1-minute load average when the step ended (two cores; other work shares them). */
  load: number;
  note?: string;
}
const results: Row[] = [];
const round = (v: number) => Math.round(v * 100) / 100;
const record = (r: Omit<Row, 'rowsPerSecond' | 'load'>) => {
  const row: Row = { ...r, seconds: round(r.seconds), rowsPerSecond: rate(r.rows, r.seconds), load: loadavg()[0]!, ...(r.cpu ? { cpu: { node: round(r.cpu.node), postgres: round(r.cpu.postgres) } } : {}) };
  results.push(row);
  const cpu = row.cpu ? `; CPU node ${row.cpu.node} s, postgres ${row.cpu.postgres} s` : '';
  log(`${r.database} ${r.rows} ${r.method}: ${row.seconds} s → ${row.rowsPerSecond} rows/s${cpu}; load ${row.load}${r.note ? ` (${r.note})` : ''}`);
};

/** Empties people and everything imports wrote, so each method starts from the same state. */
async function emptyPeople(database: Database) {
  const tables = (await database.query<{ t: string }>(`select table_name as t from information_schema.tables where table_schema = 'public' and (table_name like 'import\\_%' or table_name in ('people', 'contact_points', 'person_tags'))`)).map((r) => r.t);
  await database.query(`truncate ${tables.join(', ')} cascade`);
  if (database.kind === 'postgres') await database.query('checkpoint');
}

async function generate(n: number): Promise<string> {
  const path = join(workDir, `people-${n}.csv`);
  const t0 = performance.now();
  await writePeopleCsv(path, syntheticPeople(places, { count: n, seed }));
  const s = since(t0);
  log(`generated ${n} rows (${(statSync(path).size / 2 ** 20).toFixed(0)} MiB) in ${s.toFixed(1)} s → ${rate(n, s)} rows/s`);
  return path;
}

async function runAll(database: Database, org: BenchOrganisation, n: number, csv: string, copy: (table: string) => Promise<{ seconds: number; postgresCpu?: number }>) {
  const kind = database.kind;
  await createNarrowTable(database, 'bench_copy_narrow', csvHeaders());
  if (kind === 'postgres') await database.query('checkpoint');
  const copied = await copy('bench_copy_narrow');
  const [{ c }] = (await database.query<{ c: number }>('select count(*)::int as c from bench_copy_narrow')) as [{ c: number }];
  if (c !== n) throw new Error(`COPY loaded ${c} rows, expected ${n}`);
  record({
    database: kind, rows: n, method: 'raw COPY of the CSV into a narrow all-text table (no indexes)', seconds: copied.seconds,
    ...(copied.postgresCpu !== undefined ? { cpu: { node: 0, postgres: copied.postgresCpu } } : {}),
    note: kind === 'postgres' ? 'psql \\copy; CPU is the server process only' : 'COPY FROM /dev/blob in the same process',
  });
  await database.query('drop table bench_copy_narrow');

  await emptyPeople(database);
  let meter = await cpuMeter(database);
  const ins = await seedPeople(database, org, syntheticPeople(places, { count: n, seed }));
  const insCpu = await meter();
  record({ database: kind, rows: n, method: 'insertPeople, batches of 5,000 (time inside insertPeople)', seconds: ins.insertSeconds });
  record({ database: kind, rows: n, method: 'insertPeople, batches of 5,000 (whole loop incl. building rows)', seconds: ins.seconds, cpu: insCpu });

  await emptyPeople(database);
  try {
    meter = await cpuMeter(database);
    const imp = await pipelineImport(database, org, csv);
    record({ database: kind, rows: n, method: `import pipeline, file to finished job (${imp.how})`, seconds: imp.seconds, cpu: await meter(), note: imp.note });
    record({ database: kind, rows: n, method: 'import pipeline, the job run alone (runStoredJob)', seconds: imp.runSeconds });
  } catch (e) {
    log(`${kind} ${n} import pipeline: not measured: ${(e as Error).message}`);
  }
  await emptyPeople(database);
}

// Its own database, so the seeded one that bench:search and bench:memory reuse is left alone.
const url = benchDatabaseUrl('import');
const pg = await recreateBenchDatabase(url, 4);
const [{ version }] = (await pg.query<{ version: string }>('select version()')) as [{ version: string }];
const command = `npx tsx bench/import.ts --sizes ${sizes.join(',')} --pglite ${pgliteSize} --seed ${seed}`;
// Written after every step, so a long run that has to be stopped still leaves what it measured.
const save = () => writeFileSync(join(resultsDir, 'import.json'), `${JSON.stringify({ benchmark: 'import', seed, command, machine: machine(version), results }, null, 2)}\n`);
const pgOrg = await createBenchOrganisation(pg, electionsDir(), places);

async function runPglite() {
  const dir = join(workDir, 'pglite');
  const lite = await connect({ dataDir: dir });
  await migrate(lite);
  const liteOrg = await createBenchOrganisation(lite, electionsDir(), places);
  const csv = join(workDir, `people-${pgliteSize}.csv`);
  if (!sizes.includes(pgliteSize)) await generate(pgliteSize);
  await runAll(lite, liteOrg, pgliteSize, csv, (t) => pgliteCopy(lite, t, csv));
  save();
  await lite.close();
  rmSync(dir, { recursive: true, force: true });
}

// Smallest first, PGlite as soon as its size is done: the largest PostgreSQL run comes last.
const order = [...sizes].sort((a, b) => a - b);
let pgliteDone = pgliteSize <= 0;
for (const n of order) {
  if (!pgliteDone && n > pgliteSize) {
    await runPglite();
    pgliteDone = true;
  }
  const csv = await generate(n);
  await runAll(pg, pgOrg, n, csv, (t) => psqlCopy(url, t, csv));
  save();
  if (n !== pgliteSize || pgliteDone) rmSync(csv);
}
if (!pgliteDone) await runPglite();
await pg.close();
if (!values.keep) await dropBenchDatabase(url);
rmSync(workDir, { recursive: true, force: true });
save();
process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
