// Issue salience by ward over the conversation benchmark database (5,000,000 conversations).
//   npx tsx bench/salience.ts [--people 1000000] [--conversations 5000000] [--queries 60] [--seed 2026] [--reuse-summaries] [--tag run1]
// First rebuilds the precomputed summaries (tredegar salience refresh) and times that (with
// --reuse-summaries, keeps them when they were already built for today); shapes
// marked (summary) are answered from them, (live) ones count the raised rows.
// Generates tredegar_bench_conv first when it does not hold that generation (see
// bench/conversations-generate.ts). Each shape is asked `queries` times with varied units and
// areas over GET /api/salience (app.inject: validation, scope, the query, serialisation), after
// a warm-up; the main statement of the slowest call of each shape is EXPLAINed to a file, under
// the `set local` settings it ran with. Output: bench/results/salience-<n>[-<tag>].json and
// salience-explain-<n>[-<tag>].txt.
import { writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/config.ts';
import { refreshSalience, todayHere } from '../src/modules/salience/refreshSalience.ts';
import { buildApp } from '../src/server/app.ts';
import { convBench } from './conversations-data.ts';
import { benchAccount } from './lib/benchAccount.ts';
import { captureSql, type CapturedQuery } from './lib/captureSql.ts';
import { cpuMeter } from './lib/cpuTime.ts';
import { resultsDir } from './lib/paths.ts';
import { Prng } from './lib/prng.ts';
import { machine, summarise } from './lib/stats.ts';

const { values } = parseArgs({ options: { people: { type: 'string', default: '1000000' }, conversations: { type: 'string', default: '5000000' }, queries: { type: 'string', default: '60' }, seed: { type: 'string', default: '2026' },
  'reuse-summaries': { type: 'boolean', default: false }, tag: { type: 'string' } } });
const suffix = values.tag ? `-${values.tag.replace(/[^\w.-]/g, '_')}` : '';
const Q = Number(values.queries);
const log = (s: string) => process.stderr.write(`${s}\n`);

const bench = await convBench(Number(values.people), Number(values.conversations), Number(values.seed));
const { database, org } = bench;
const [{ version }] = (await database.query<{ version: string }>('select version()')) as [{ version: string }];
const config = loadConfig({ NODE_ENV: 'production', SESSION_SECRET: 'bench-secret-bench-secret-bench-secret!', LOG_LEVEL: 'silent', RATE_LIMIT_MULTIPLIER: '10000' });
const app = await buildApp({ config, database, secret: config.SESSION_SECRET!, serveWeb: false, logger: false });
await app.ready();

const prng = new Prng(Number(values.seed) + 7);
const seats = [...org.unitOfConstituency.entries()];
const regions = [...org.unitOfRegion.entries()];
const admin = await benchAccount(app.ctx, org.rootId, 'national_admin');
const seatOrganisers = await Promise.all(Array.from({ length: 20 }, (_, i) => seats[(i * 37) % seats.length]!).map(async ([code, unitId]) => ({ code, unitId, ...(await benchAccount(app.ctx, unitId, 'organiser')) })));
const regionOrganisers = await Promise.all(regions.map(async ([code, unitId]) => ({ code, unitId, ...(await benchAccount(app.ctx, unitId, 'organiser')) })));
// The standard periods end with today (Europe/London): "to" is tomorrow, "from" that many days before.
const tomorrow = Date.parse(todayHere()) + 86_400_000;
const last = (days: number) => new Date(tomorrow - days * 86_400_000).toISOString().slice(0, 10);

const [kept] = await database.query<{ as_of: string }>(`select as_of::text from salience_refreshes where org_id = $1`, [org.orgId]);
let refreshSeconds: number | null = null;
if (values['reuse-summaries'] && kept?.as_of === todayHere()) {
  log(`reusing the salience summaries built for ${kept.as_of}`);
} else {
  log('refreshing the salience summaries');
  const t0 = performance.now();
  await refreshSalience(database.db, org.orgId);
  refreshSeconds = Math.round((performance.now() - t0) / 100) / 10;
}
const summaryRows = (await database.query<{ cells: number; weeks: number }>(`select (select count(*)::int from salience_cells) as cells, (select count(*)::int from salience_week_cells) as weeks`))[0]!;
log(`  ${refreshSeconds ?? 'reused'} s: ${summaryRows.cells} period cells, ${summaryRows.weeks} week cells`);

interface Shape { name: string; queries?: number; next(): { token: string; query: string } }
const shapes: Shape[] = [
  { name: 'constituency organiser, own unit, last 90 days (live)', next: () => { const o = prng.pick(seatOrganisers); return { token: o.token, query: `unit=${o.unitId}` }; } },
  { name: 'constituency organiser, own unit, last 12 months (live)', next: () => { const o = prng.pick(seatOrganisers); return { token: o.token, query: `unit=${o.unitId}&from=${last(365)}` }; } },
  { name: 'region organiser, own region, last 90 days (summary)', next: () => { const o = prng.pick(regionOrganisers); return { token: o.token, query: `unit=${o.unitId}` }; } },
  { name: 'region organiser, own region, last 12 months (summary)', next: () => { const o = prng.pick(regionOrganisers); return { token: o.token, query: `unit=${o.unitId}&from=${last(365)}` }; } },
  { name: 'national, whole country by ward, last 30 days (summary)', next: () => ({ token: admin.token, query: `from=${last(30)}` }) },
  { name: 'national, whole country by ward, last 90 days (summary)', next: () => ({ token: admin.token, query: '' }) },
  { name: 'national, whole country by ward, last 12 months (summary)', next: () => ({ token: admin.token, query: `from=${last(365)}` }) },
  { name: 'national, one region (area) by ward, last 12 months (summary)', next: () => ({ token: admin.token, query: `area=${prng.pick(regions)[0]}&from=${last(365)}` }) },
  { name: 'region organiser, own region, last 90 days (live=true)', queries: 10, next: () => { const o = prng.pick(regionOrganisers); return { token: o.token, query: `unit=${o.unitId}&live=true` }; } },
  { name: 'national, whole country by ward, last 90 days (live=true)', queries: 10, next: () => ({ token: admin.token, query: 'live=true' }) },
  { name: 'national, whole country by ward, custom 200 days (live)', queries: 5, next: () => ({ token: admin.token, query: `from=${last(200)}` }) },
];

const capture = captureSql(database);
const results: Record<string, unknown>[] = [];
let explain = `EXPLAIN (ANALYZE, BUFFERS) of the salience statement in the slowest call of each shape, ${new Date().toISOString()}\n`;
explain += `Command: npx tsx bench/salience.ts --people ${values.people} --conversations ${values.conversations} --queries ${Q}${values.tag ? ` --tag ${values.tag}` : ''}\n`;
// Long arrays (an area's wards) are shortened in the parameter line; the plan shows them whole.
const shorten = (v: unknown) => (Array.isArray(v) && v.length > 12 ? [...v.slice(0, 5), `… ${v.length} items`] : v);
const statement = (q: CapturedQuery) => !/^\s*(begin|commit|rollback|set\b)/i.test(q.text);
for (const shape of shapes) {
  const inputs = Array.from({ length: shape.queries ?? Q }, () => shape.next());
  for (const i of inputs.slice(0, Math.min(5, inputs.length))) await app.inject({ method: 'GET', url: `/api/salience?${i.query}`, headers: { authorization: `Bearer ${i.token}` } });
  const ms: number[] = [];
  let worst = { ms: -1, queries: [] as CapturedQuery[] };
  let wards = 0;
  let fromSummary = 0;
  // CPU of this process (app.inject: the whole request) and of its PostgreSQL backends, which
  // other work on the machine inflates much less than wall time; and the load seen meanwhile.
  const load = [loadavg()[0]!];
  const meter = await cpuMeter(database);
  for (const i of inputs) {
    const t = performance.now();
    const { result: res, queries } = await capture.during(() => app.inject({ method: 'GET', url: `/api/salience?${i.query}`, headers: { authorization: `Bearer ${i.token}` } }));
    const took = performance.now() - t;
    if (res.statusCode !== 200) throw new Error(`${shape.name}: ${res.statusCode} ${res.body.slice(0, 300)}`);
    wards = Math.max(wards, res.json().byWard.wards.length);
    if (res.json().summary) fromSummary++;
    ms.push(took);
    if (took > worst.ms) worst = { ms: took, queries };
  }
  const cpu = await meter();
  load.push(loadavg()[0]!);
  const perCall = (s: number) => Math.round((s * 1000 * 10) / inputs.length) / 10;
  const row = {
    shape: shape.name, queries: inputs.length, fromSummary, maxWards: wards, http: summarise(ms),
    cpuMsPerCall: { node: perCall(cpu.node), postgres: perCall(cpu.postgres) }, loadAverage1m: load.map((l) => Math.round(l * 100) / 100),
  };
  results.push(row);
  log(`${shape.name}: p50 ${row.http.p50} p95 ${row.http.p95} p99 ${row.http.p99} max ${row.http.max} ms; CPU per call ${row.cpuMsPerCall.node} ms Node + ${row.cpuMsPerCall.postgres} ms PostgreSQL; load ${row.loadAverage1m.join(' → ')} (${wards} wards, ${fromSummary}/${inputs.length} from the summary)`);
  const sent = worst.queries.filter(statement);
  const main = sent.reduce((a, b) => (b.ms > a.ms ? b : a));
  const plan = await capture.explain(main);
  const others = sent.filter((q) => q !== main).map((q) => q.ms.toFixed(1)).join(', ');
  explain += `\n=== ${shape.name} (p95 ${row.http.p95} ms; this call ${worst.ms.toFixed(1)} ms, its slowest statement ${main.ms.toFixed(1)} ms; its other ${sent.length - 1} statements ${others} ms)\n-- parameters: ${JSON.stringify(main.values.map(shorten))}\n${main.text}\n\n${plan.join('\n')}\n`;
}
capture.restore();
const n = bench.meta.conversations;
writeFileSync(join(resultsDir, `salience-explain-${n}${suffix}.txt`), explain);
const out = { benchmark: 'salience', people: bench.meta.people, conversations: n, issueRows: bench.meta.issueRows, refresh: { seconds: refreshSeconds, ...summaryRows }, machine: machine(version), results };
writeFileSync(join(resultsDir, `salience-${n}${suffix}.json`), `${JSON.stringify(out, null, 2)}\n`);
log(`wrote bench/results/salience-${n}${suffix}.json and salience-explain-${n}${suffix}.txt`);
process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
await app.close();
await database.close();
