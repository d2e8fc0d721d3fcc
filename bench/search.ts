// The filtered people list at scale, through the real list query and the real HTTP route.
//   npx tsx bench/search.ts [--people 1000000] [--queries 200] [--seed 2026] [--fresh]
// Seeds tredegar_bench through insertPeople (or reuses it when it already holds the same
// people), then times each query shape over varied random inputs, first calling the people
// module's listPeople + presentPeople directly, then GET /api/people through app.inject.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/config.ts';
import { loadGrants, type Actor } from '../src/modules/accounts/actor.ts';
import { presentPeople } from '../src/modules/people/present.ts';
import { listPeople } from '../src/modules/people/queries.ts';
import type { PeopleFilter } from '../src/modules/people/filters.ts';
import { buildApp } from '../src/server/app.ts';
import { benchAccount } from './lib/benchAccount.ts';
import { captureSql, type CapturedQuery } from './lib/captureSql.ts';
import { resultsDir } from './lib/paths.ts';
import { Prng } from './lib/prng.ts';
import { seededDatabase } from './lib/seededDatabase.ts';
import { machine, summarise } from './lib/stats.ts';
import { BENCH_TAGS, syntheticPeople, tagSlug, type SyntheticPerson } from './lib/syntheticPeople.ts';

const { values } = parseArgs({
  options: {
    people: { type: 'string', default: '1000000' },
    queries: { type: 'string', default: '200' },
    seed: { type: 'string', default: '2026' },
    fresh: { type: 'boolean', default: false },
  },
});
const N = Number(values.people);
const Q = Number(values.queries);
const seed = Number(values.seed);
const log = (s: string) => process.stderr.write(`${s}\n`);

const s = await seededDatabase(N, seed, { reuse: !values.fresh });
const { database, org } = s;
const [{ version }] = (await database.query<{ version: string }>('select version()')) as [{ version: string }];

// Query inputs come from the generated people themselves, so text and area filters find someone.
const sample: SyntheticPerson[] = [];
const prng = new Prng(seed + 1);
for (const p of syntheticPeople(s.places, { count: Math.min(N, 200_000), seed })) if (prng.chance(0.01)) sample.push(p);
const pick = () => prng.pick(sample);
const word = (p: SyntheticPerson) => (prng.chance(0.5) ? p.lastName : p.firstName).split(/[-' ]/)[0]!.toLowerCase();
const tagOf = (p: SyntheticPerson) => tagSlug(p.tags.length ? prng.pick(p.tags) : prng.pick(BENCH_TAGS));

const config = loadConfig({ NODE_ENV: 'production', SESSION_SECRET: 'bench-secret-bench-secret-bench-secret!', LOG_LEVEL: 'silent', RATE_LIMIT_MULTIPLIER: '10000' });
const app = await buildApp({ config, database, secret: config.SESSION_SECRET!, serveWeb: false, logger: false });
await app.ready();

const admin = await benchAccount(app.ctx, org.rootId, 'national_admin');
const seats = [...org.unitOfConstituency.entries()];
const organisers = await Promise.all(Array.from({ length: 20 }, (_, i) => benchAccount(app.ctx, seats[(i * 31) % seats.length]![1], 'organiser')));
const actorOf = async (accountId: string): Promise<Actor> => ({ accountId, email: '', displayName: '', grants: await loadGrants(database.db, accountId), via: 'system' });
const adminActor = await actorOf(admin.accountId);
const organiserActors = await Promise.all(organisers.map((o) => actorOf(o.accountId)));

interface Shape {
  name: string;
  /** Who asks, and with which filter; drawn afresh for every query. */
  next(): { who: number; filter: PeopleFilter };
}
// who: -1 is the national admin (sees all N people), 0..19 an organiser of one constituency.
const shapes: Shape[] = [
  { name: 'unit-scoped default list (organiser, one constituency)', next: () => ({ who: prng.int(0, organisers.length - 1), filter: {} }) },
  { name: 'default list, whole organisation (national admin)', next: () => ({ who: -1, filter: {} }) },
  { name: 'area alone (ward)', next: () => ({ who: -1, filter: { area: pick().wardCode } }) },
  { name: 'tag alone', next: () => ({ who: -1, filter: { tag: tagSlug(prng.pick(BENCH_TAGS)) } }) },
  { name: 'text alone (a first or last name)', next: () => ({ who: -1, filter: { q: word(pick()) } }) },
  {
    name: 'area + tag + text',
    next: () => {
      const p = pick();
      return { who: -1, filter: { area: p.wardCode, tag: tagOf(p), q: word(p) } };
    },
  },
];

const capture = captureSql(database);
const results: Record<string, unknown>[] = [];
const slowest: { shape: string; path: string; ms: number; queries: CapturedQuery[] }[] = [];
for (const shape of shapes) {
  const inputs = Array.from({ length: Q }, () => shape.next());
  // One warm-up pass over 20 inputs so every shape is timed with the same (warm) cache.
  for (const { who, filter } of inputs.slice(0, 20)) await listPeople(database.db, who < 0 ? adminActor : organiserActors[who]!, filter, 'name', 50);
  const direct: number[] = [];
  const http: number[] = [];
  let empty = 0;
  let worst = { ms: -1, queries: [] as CapturedQuery[] };
  for (const { who, filter } of inputs) {
    const actor = who < 0 ? adminActor : organiserActors[who]!;
    const t = performance.now();
    const { result, queries } = await capture.during(async () => {
      const page = await listPeople(database.db, actor, filter, 'name', 50);
      return presentPeople(database.db, page.items);
    });
    const ms = performance.now() - t;
    direct.push(ms);
    if (result.length === 0) empty++;
    if (ms > worst.ms) worst = { ms, queries };
  }
  for (const { who, filter } of inputs) {
    const token = who < 0 ? admin.token : organisers[who]!.token;
    const query = new URLSearchParams(Object.entries(filter).map(([k, v]) => [k, String(v)]));
    const t = performance.now();
    const res = await app.inject({ method: 'GET', url: `/api/people?${query}`, headers: { authorization: `Bearer ${token}` } });
    http.push(performance.now() - t);
    if (res.statusCode !== 200) throw new Error(`${shape.name}: ${res.statusCode} ${res.body.slice(0, 300)}`);
  }
  const row = { shape: shape.name, queries: Q, emptyPages: empty, direct: summarise(direct), http: summarise(http) };
  results.push(row);
  slowest.push({ shape: shape.name, path: 'listPeople', ms: worst.ms, queries: worst.queries });
  log(`${shape.name}: direct p50 ${row.direct.p50} p95 ${row.direct.p95} p99 ${row.direct.p99} ms | http p50 ${row.http.p50} p95 ${row.http.p95} p99 ${row.http.p99} ms | empty ${empty}/${Q}`);
}
capture.restore();

// EXPLAIN the main people query of the slowest call of each shape; the slowest shape first.
const byP95 = [...results].sort((a, b) => (b.http as { p95: number }).p95 - (a.http as { p95: number }).p95);
let explain = `EXPLAIN (ANALYZE, BUFFERS) of the people query in the slowest call of each shape, ${N} people, ${new Date().toISOString()}\n`;
explain += `Command: npx tsx bench/search.ts --people ${N} --queries ${Q} --seed ${seed}\n`;
for (const r of byP95) {
  const w = slowest.find((x) => x.shape === r.shape)!;
  const main = w.queries.reduce((a, b) => (b.ms > a.ms ? b : a));
  const plan = await database.query<{ 'QUERY PLAN': string }>(`explain (analyze, buffers) ${main.text}`, main.values);
  explain += `\n=== ${r.shape} (http p95 ${(r.http as { p95: number }).p95} ms; this call ${w.ms.toFixed(1)} ms, its slowest statement ${main.ms.toFixed(1)} ms)\n`;
  explain += `-- parameters: ${JSON.stringify(main.values)}\n${main.text}\n\n${plan.map((p) => p['QUERY PLAN']).join('\n')}\n`;
}
const stamp = new Date().toISOString().slice(0, 10);
writeFileSync(join(resultsDir, `search-explain-${N}.txt`), explain);
const out = { benchmark: 'search', people: N, seed, queriesPerShape: Q, machine: machine(version), seeded: s.seeded ?? 'reused', results };
writeFileSync(join(resultsDir, `search-${N}.json`), `${JSON.stringify(out, null, 2)}\n`);
log(`wrote bench/results/search-${N}.json and search-explain-${N}.txt (${stamp})`);
process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
await app.close();
await database.close();
