// The ladder of engagement at scale: a full recompute for every person in the conversation
// benchmark database (1,000,000 people, 5,000,000 conversations) from nothing, a second one
// where nothing changes, and the cost of one incremental update (what every logged
// conversation pays inside its transaction). Other work may share the machine: each phase
// records the 1-minute load average before and after it and the CPU seconds of this process
// and of its PostgreSQL backends.
//   npx tsx bench/conversations-ladder.ts [--people 1000000] [--conversations 5000000] [--samples 300] [--batch 50000] [--incremental-only] [--tag run1]
// --incremental-only keeps everyone's current level and measures only the incremental updates.
// Output: bench/results/ladder-<people>[-<tag>].json.
import { writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { recomputeTouched } from '../src/modules/ladder/activity.ts';
import { recomputeOrganisation } from '../src/modules/ladder/recomputeOrganisation.ts';
import { convBench } from './conversations-data.ts';
import { cpuMeter } from './lib/cpuTime.ts';
import { resultsDir } from './lib/paths.ts';
import { fmt, machine, summarise } from './lib/stats.ts';

const { values } = parseArgs({ options: { people: { type: 'string', default: '1000000' }, conversations: { type: 'string', default: '5000000' }, samples: { type: 'string', default: '300' }, batch: { type: 'string', default: '50000' }, seed: { type: 'string', default: '2026' },
  'incremental-only': { type: 'boolean', default: false }, tag: { type: 'string' } } });
const suffix = values.tag ? `-${values.tag.replace(/[^\w.-]/g, '_')}` : '';
const log = (s: string) => process.stderr.write(`${s}\n`);
const bench = await convBench(Number(values.people), Number(values.conversations), Number(values.seed));
const { database, org } = bench;
const db = database.db;
const [{ version }] = (await database.query<{ version: string }>('select version()')) as [{ version: string }];
const batchSize = Number(values.batch);

const full = !values['incremental-only'];
if (full) {
  await database.query('delete from ladder_history where org_id = $1', [org.orgId]);
  await database.query('delete from person_ladder where org_id = $1', [org.orgId]);
  await database.query('vacuum analyze person_ladder, ladder_history');
}

const load1 = () => Math.round(loadavg()[0]! * 100) / 100;
const r1 = (v: number) => Math.round(v * 10) / 10;
/** Runs a phase and adds the load average around it and the CPU seconds it used. */
async function phase<T extends object>(f: () => Promise<T>) {
  const loadBefore = load1();
  const meter = await cpuMeter(database);
  const result = await f();
  const cpu = await meter();
  return { ...result, loadAverage1m: [loadBefore, load1()], cpuSeconds: { node: r1(cpu.node), postgres: r1(cpu.postgres) } };
}

let last = 0;
const progress = (done: number, total: number) => {
  if (done - last >= 200_000 || done === total) {
    log(`  ${fmt(done)}/${fmt(total)}`);
    last = done;
  }
};
/** A full recompute of everyone, logged with its CPU seconds and load. */
async function fullRecompute(label: string) {
  log(label);
  last = 0;
  const r = await phase(() => recomputeOrganisation(db, org.orgId, { batchSize, onProgress: progress }));
  log(`  ${r.seconds.toFixed(1)} s, ${fmt(r.moved)} level changes; CPU ${r.cpuSeconds.node} s Node + ${r.cpuSeconds.postgres} s PostgreSQL; load ${r.loadAverage1m.join(' → ')}`);
  return r;
}
const first = full ? await fullRecompute('full recompute from nothing') : null;
if (full) await database.query('vacuum analyze person_ladder, ladder_history');
const second = full ? await fullRecompute('full recompute again (nothing changes)') : null;
const levels = await database.query<{ label: string; people: number }>(`select l.label, count(pl.person_id)::int as people from ladder_levels l
  left join person_ladder pl on pl.level_id = l.id where l.org_id = $1 and l.archived_at is null group by l.label, l.position order by l.position`, [org.orgId]);

// One incremental update: the people of a real conversation and its organiser, as the activity hook gets them.
const samples = await database.query<{ person_id: string; account_id: string }>(`
  select c.person_id, c.created_by as account_id from conversations c tablesample system (1) where c.org_id = $1 limit $2`, [org.orgId, Number(values.samples)]);
const incremental: number[] = [];
const incPhase = await phase(async () => {
  for (const s of samples) {
    const t = performance.now();
    await db.transaction((tx) => recomputeTouched(tx, org.orgId, [s.person_id], [s.account_id]));
    incremental.push(performance.now() - t);
  }
  return {};
});
const inc = { ...summarise(incremental), loadAverage1m: incPhase.loadAverage1m, cpuMsPerUpdate: { node: r1((incPhase.cpuSeconds.node * 1000) / samples.length), postgres: r1((incPhase.cpuSeconds.postgres * 1000) / samples.length) } };
log(`incremental update (1 person + 1 organiser, own transaction): p50 ${inc.p50} p95 ${inc.p95} p99 ${inc.p99} ms; CPU per update ${inc.cpuMsPerUpdate.node} ms Node + ${inc.cpuMsPerUpdate.postgres} ms PostgreSQL; load ${inc.loadAverage1m.join(' → ')}`);

const out = {
  benchmark: 'ladder', people: bench.meta.people, conversations: bench.meta.conversations, batchSize, machine: machine(version),
  fullFromNothing: first, fullUnchanged: second, levels, incremental: inc,
};
writeFileSync(join(resultsDir, `ladder-${bench.meta.people}${suffix}.json`), `${JSON.stringify(out, null, 2)}\n`);
process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
await database.close();
