// Live polls over Server-Sent Events: N participants' streams connected to one meeting, votes
// posted over HTTP, and the time from a vote to the updated tally on the host's stream and on
// every participant's stream; then a burst of votes for the sustained rate; and server memory.
//   npx tsx bench/polls-sse.ts [--clients 1000] [--votes 300] [--burst 2000] [--concurrency 32] [--db postgres|pglite] [--name suffix]
// Output: bench/results/polls-sse-<clients>[-<name>].json and a summary on stdout. The burst also
// records the CPU seconds of this process and of its PostgreSQL backends, and the load average,
// because on a shared machine the rate alone cannot say which side a vote's time goes to.
// The server runs in this process on loopback (PostgreSQL when reachable); the participants'
// streams are read in a worker thread, so their parsing does not share the server's event loop
// (it does share the machine's two cores). Bounded: at most 2,000 clients, and the run stops
// after --seconds (default 120) whatever happens.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import { transformSync } from 'esbuild';
import { loadConfig } from '../src/config.ts';
import { buildApp } from '../src/server/app.ts';
import { buildAccount, buildOrg, buildUnit } from '../test/factories.ts';
import { openTestDatabase, postgresUrl } from '../test/databases.ts';
import { cpuMeter } from './lib/cpuTime.ts';
import { resultsDir } from './lib/paths.ts';
import { machine, summarise } from './lib/stats.ts';

const { values } = parseArgs({ options: {
  clients: { type: 'string', default: '1000' }, votes: { type: 'string', default: '300' }, burst: { type: 'string', default: '2000' },
  concurrency: { type: 'string', default: '32' }, seconds: { type: 'string', default: '120' }, db: { type: 'string' }, name: { type: 'string' },
} });
const clients = Math.min(2000, Number(values.clients));
const paced = Number(values.votes);
const burst = Number(values.burst);
const log = (s: string) => process.stderr.write(`${s}\n`);
const now = () => performance.timeOrigin + performance.now();
setTimeout(() => { log('time limit reached'); process.exit(2); }, Number(values.seconds) * 1000).unref();

const kind = values.db === 'pglite' || (!values.db && !(await postgresUrl())) ? 'pglite' : 'postgres';
const database = await openTestDatabase(kind);
const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', PUBLIC_URL: 'http://127.0.0.1', RATE_LIMIT_MULTIPLIER: '1000000' });
const app = await buildApp({ config, database, secret: 'bench-secret-bench-secret-bench-secret!', serveWeb: false, logger: false });
await app.listen({ port: 0, host: '127.0.0.1' });
const port = (app.server.address() as AddressInfo).port;
const base = `http://127.0.0.1:${port}`;

// One organisation, a branch, an organiser; a programme with one question of ten options asked at one meeting.
const { root } = await buildOrg(database.db, { name: 'Bench party' });
const branch = await buildUnit(database.db, root.id, { name: 'Bench branch' });
const { token } = await buildAccount(app.ctx, [{ unitId: branch.id, role: 'organiser' }]);
const call = async (method: string, url: string, payload?: unknown) => {
  const res = await app.inject({ method: method as 'POST', url, headers: { authorization: `Bearer ${token}` }, ...(payload ? { payload: payload as object } : {}) });
  if (res.statusCode >= 300) throw new Error(`${method} ${url} → ${res.statusCode} ${res.body}`);
  return res.json();
};
const p = await call('POST', '/api/programmes', { unitId: branch.id, title: 'Bench listening' });
const q = (await call('POST', `/api/programmes/${p.id}/questions`, { kind: 'single_choice', prompt: 'Which first?', options: Array.from({ length: 10 }, (_, i) => ({ label: `Option ${i + 1}` })) })).questions[0];
const day = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
const e = await call('POST', '/api/events', { unitId: branch.id, kind: 'listening_meeting', title: 'Bench meeting', mode: 'online', onlineUrl: 'https://meet.example.org/b', startsAt: `${day}T19:00`, endsAt: `${day}T21:00`, visibility: 'public' });
await call('PUT', `/api/programmes/${p.id}/meetings/${e.id}`, { questionIds: [q.id] });
const s = await call('POST', '/api/polls/sessions', { eventId: e.id });
await call('POST', `/api/polls/sessions/${s.sessionId}/questions/${q.id}/open`);

const votersNeeded = paced + burst;
log(`${kind}: joining ${votersNeeded} voters…`);
const voters: string[] = [];
for (let i = 0; i < votersNeeded; i++) voters.push((await app.inject({ method: 'POST', url: '/api/polls/join', payload: { code: s.joinCode } })).json().token);

const memory = () => {
  const m = process.memoryUsage();
  return { rssMiB: Math.round(m.rss / 2 ** 20), heapUsedMiB: Math.round(m.heapUsed / 2 ** 20) };
};
global.gc?.();
const memoryBefore = memory();

// The participants' streams, in a worker: it answers "all N have seen responses ≥ k" with the instant.
// Workers do not inherit tsx's loader on Node 20, so the worker's TypeScript is stripped here and run as a script.
const workerSource = transformSync(readFileSync(new URL('./polls-sse-clients.ts', import.meta.url), 'utf8'), { loader: 'ts', format: 'cjs' }).code;
const worker = new Worker(workerSource, { eval: true, workerData: { url: `${base}/api/polls/live/${s.joinCode}/stream`, clients } });
const fromWorker = new Map<string, (v: number) => void>();
worker.on('message', (m: { type: string; k?: number; at?: number }) => fromWorker.get(m.type === 'reached' ? `k${m.k}` : m.type)?.(m.at ?? 0));
await new Promise<void>((resolve) => fromWorker.set('connected', () => resolve()));
log(`${clients} participant streams connected`);
global.gc?.();
const memoryConnected = memory();

// The host's stream, here: resolves waiters when the tally reaches k answers.
const hostWaiters: { k: number; resolve: (at: number) => void }[] = [];
let hostResponses = 0;
http.get(`${base}/api/polls/sessions/${s.sessionId}/stream`, { headers: { authorization: `Bearer ${token}` } }, (res) => {
  let buf = '';
  res.setEncoding('utf8');
  res.on('data', (chunk: string) => {
    buf += chunk;
    let cut: number;
    while ((cut = buf.indexOf('\n\n')) >= 0) {
      const frame = buf.slice(0, cut);
      buf = buf.slice(cut + 2);
      const m = /"responses":(\d+)/.exec(frame);
      if (!m) continue;
      hostResponses = Number(m[1]);
      const at = now();
      for (let i = hostWaiters.length - 1; i >= 0; i--) if (hostWaiters[i]!.k <= hostResponses) hostWaiters.splice(i, 1)[0]!.resolve(at);
    }
  });
});
const hostReaches = (k: number) => new Promise<number>((resolve) => (k <= hostResponses ? resolve(now()) : hostWaiters.push({ k, resolve })));
const allReach = (k: number) => {
  const done = new Promise<number>((resolve) => fromWorker.set(`k${k}`, resolve));
  worker.postMessage({ type: 'watch', k });
  return done;
};
const vote = async (i: number) => {
  const res = await fetch(`${base}/api/polls/votes`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-poll-token': voters[i]! }, body: JSON.stringify({ questionId: q.id, optionIds: [q.options[i % 10].id] }) });
  if (res.status !== 200) throw new Error(`vote ${i} → ${res.status} ${await res.text()}`);
};
await hostReaches(0);

// Paced: one vote at a time, each a new participant, so the k-th vote makes the tally k.
const toHost: number[] = [];
const toAll: number[] = [];
for (let i = 0; i < paced; i++) {
  const k = i + 1;
  const all = i % 10 === 0 ? allReach(k) : null;
  const t0 = now();
  await vote(i);
  toHost.push((await hostReaches(k)) - t0);
  if (all) toAll.push((await all) - t0);
  await new Promise((r) => setTimeout(r, 20));
}
log(`paced votes: host p95 ${summarise(toHost).p95} ms`);

// Burst: votes as fast as --concurrency connections post them.
const loadBefore = loadavg()[0]!;
const meter = await cpuMeter(database);
// How busy each thread's event loop is (1 = never idle): this one serves and posts, the worker reads streams.
const elu0 = { main: performance.eventLoopUtilization(), worker: worker.performance.eventLoopUtilization() };
const t0 = now();
let next = paced;
const lastAll = allReach(paced + burst);
await Promise.all(Array.from({ length: Number(values.concurrency) }, async () => {
  while (next < paced + burst) await vote(next++);
}));
const posted = now();
const cpu = await meter();
const elu = { main: performance.eventLoopUtilization(elu0.main).utilization, worker: worker.performance.eventLoopUtilization(elu0.worker).utilization };
const loadAfter = loadavg()[0]!;
const hostDone = await hostReaches(paced + burst);
const allDone = await lastAll;
global.gc?.();
const memoryAfter = memory();

const out = {
  benchmark: 'polls-sse', database: kind, clients, machine: machine(),
  pacedVotes: paced, voteToHostMs: summarise(toHost), voteToEveryParticipantMs: summarise(toAll),
  burst: {
    votes: burst, concurrency: Number(values.concurrency), postSeconds: Math.round((posted - t0) / 10) / 100,
    votesPerSecond: Math.round(burst / ((posted - t0) / 1000)),
    lastVoteToHostMs: Math.round(hostDone - posted), lastVoteToEveryParticipantMs: Math.round(allDone - posted),
    // Node counts every thread of this process (server, host stream, the participants' worker).
    cpuSeconds: { node: Math.round(cpu.node * 100) / 100, postgres: Math.round(cpu.postgres * 100) / 100 },
    cpuMsPerVote: { node: Math.round((cpu.node * 1e5) / burst) / 100, postgres: Math.round((cpu.postgres * 1e5) / burst) / 100 },
    loadAverage1m: [loadBefore, loadAfter],
    eventLoopUtilisation: { server: Math.round(elu.main * 100) / 100, participantsWorker: Math.round(elu.worker * 100) / 100 },
  },
  serverMemory: { before: memoryBefore, connected: memoryConnected, after: memoryAfter, note: 'this process: the server and the host stream; the participants’ streams are read in a worker thread whose heap is not in heapUsed but is in rss' },
};
writeFileSync(join(resultsDir, `polls-sse-${clients}${values.name ? `-${values.name}` : ''}.json`), `${JSON.stringify(out, null, 2)}\n`);
process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
await worker.terminate();
await app.close();
await database.close();
process.exit(0);
