/**
 * Election results and impact evaluation: import of all five House of Commons Library files,
 * every seat's metrics for an election, and an impact evaluation with 10,000 bootstrap
 * resamples, on PGlite and on PostgreSQL (its own database, tredegar_bench_elections).
 *
 *   npx tsx bench/elections.ts [--runs 5] [--pglite-only]
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { connect, type Database } from '../src/db/connection.ts';
import { migrate } from '../src/db/migrate.ts';
import { importResults } from '../src/modules/elections/importResults.ts';
import { listSeats } from '../src/modules/elections/listSeats.ts';
import { forgetLoadedElections, loadElection } from '../src/modules/elections/queries.ts';
import { elections } from '../src/modules/elections/schema.ts';
import { allSeatMetrics } from '../src/modules/elections/seatMetrics.ts';
import { loadElectionAreas, resultsFileContent, YEARS } from '../src/modules/elections/testing.ts';
import { evaluateImpact } from '../src/modules/impact/evaluateImpact.ts';
import { benchDatabaseUrl, recreateBenchDatabase, dropBenchDatabase } from './lib/benchDatabase.ts';
import { machine, summarise } from './lib/stats.ts';

const { values: args } = parseArgs({ options: { runs: { type: 'string', default: '5' }, 'pglite-only': { type: 'boolean', default: false } } });
const runs = Number(args.runs);
const files = YEARS.map((y) => ({ fileName: `HoC-GE${y}-results-by-constituency.csv`, content: resultsFileContent(y) }));

// Other work shares the two cores: CPU time of this process is recorded beside wall time (on PGlite it covers the database too).
const cpu: Record<string, number[]> = {};
async function time<T>(f: () => Promise<T> | T, label?: string): Promise<[number, T]> {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const r = await f();
  const ms = performance.now() - t0;
  if (label) {
    const c = process.cpuUsage(c0);
    (cpu[label] ??= []).push((c.user + c.system) / 1000);
  }
  return [ms, r];
}

async function measure(database: Database) {
  const { db } = database;
  await loadElectionAreas(db);
  for (const k of Object.keys(cpu)) delete cpu[k];
  const importMs: number[] = [];
  for (let i = 0; i < runs; i++) {
    await db.delete(elections);
    const [ms, out] = await time(() => importResults(db, files, { actorAccountId: null }), 'import');
    if (out.length !== 5 || out.some((o) => o.status !== 'created' || o.seats !== 650)) throw new Error('import did not create all five elections');
    importMs.push(ms);
  }
  const [reimportMs] = await time(() => importResults(db, files, { actorAccountId: null }));

  // Cold: read the election and its comparison from the database, then compute every seat.
  const metricsCold: number[] = [];
  const metricsSingle: number[] = [];
  const metricsWarm: number[] = [];
  for (let i = 0; i < runs * 4; i++) {
    forgetLoadedElections();
    const [single] = await time(async () => allSeatMetrics(await loadElection(db, '2019')), 'metricsSingle');
    metricsSingle.push(single);
    forgetLoadedElections();
    const [cold] = await time(async () => {
      const [d, c] = [await loadElection(db, '2019'), await loadElection(db, '2017')];
      const m = allSeatMetrics(d, c);
      if (m.length !== 650) throw new Error('expected 650 seats');
      return listSeats(d, c, { scope: { level: 'uk', code: 'K02000001', name: 'United Kingdom' } });
    }, 'metricsCompare');
    metricsCold.push(cold);
    const [warm] = await time(async () => allSeatMetrics(await loadElection(db, '2019'), await loadElection(db, '2017')));
    metricsWarm.push(warm);
  }

  const from = await loadElection(db, '2017');
  const to = await loadElection(db, '2019');
  // Every seventh seat in Great Britain stands in for the organised ones (about 90 seats).
  const organised = to.seats.filter((s, i) => s.nationCode !== 'N92000002' && i % 7 === 0).map((s) => s.code);
  const evaluation: number[] = [];
  let result: ReturnType<typeof evaluateImpact> | null = null;
  for (let i = 0; i < runs; i++) {
    forgetLoadedElections();
    const [ms, r] = await time(async () => evaluateImpact({
      party: 'Lab', from: await loadElection(db, '2017'), to: await loadElection(db, '2019'), organised,
      source: { kind: 'list', description: 'bench' }, resamples: 10_000, seed: 1,
    }), 'evaluation');
    evaluation.push(ms);
    result = r;
  }
  void from;
  return {
    importAllFiveMs: summarise(importMs),
    reimportUnchangedMs: Math.round(reimportMs * 10) / 10,
    allSeatMetricsOneElectionColdMs: summarise(metricsSingle),
    allSeatMetricsWithComparisonColdMs: summarise(metricsCold),
    allSeatMetricsWarmMs: summarise(metricsWarm),
    evaluation10kMs: summarise(evaluation),
    nodeCpuMsMedian: Object.fromEntries(Object.entries(cpu).map(([k, v]) => [k, summarise(v).p50])),
    evaluationShape: { organised: result!.organised.seats, comparable: result!.comparison.seats, difference: result!.difference },
  };
}

const out: Record<string, unknown> = {};
const pglite = await connect({ dataDir: 'memory://' });
await migrate(pglite);
out.pglite = await measure(pglite);
await pglite.close();
let pgVersion: string | undefined;
if (!args['pglite-only']) {
  const url = benchDatabaseUrl('elections');
  const pgdb = await recreateBenchDatabase(url);
  pgVersion = (await pgdb.query<{ v: string }>('select version() as v'))[0]?.v.split(' on ')[0];
  out.postgres = await measure(pgdb);
  await pgdb.close();
  await dropBenchDatabase(url);
}
const report = { machine: machine(pgVersion), runs, command: `npx tsx bench/elections.ts --runs ${runs}${args['pglite-only'] ? ' --pglite-only' : ''}`, ...out };
writeFileSync(new URL('./results/elections.json', import.meta.url), `${JSON.stringify(report, null, 2)}\n`);
process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
