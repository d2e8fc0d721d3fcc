// Resident memory of the real server with many people in PostgreSQL, before and after a
// bounded loopback load of list, search and detail requests.
//   npx tsx bench/memory.ts [--people 1000000] [--requests 4000] [--concurrency 8] [--seed 2026]
// Starts `node bin/tredegar.js serve --no-seed` (NODE_ENV=production) against tredegar_bench,
// reads VmRSS/VmHWM from /proc/<pid>/status, and stops the server at the end.
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { BENCH_DATABASE_URL } from './lib/benchDatabase.ts';
import { benchAccount } from './lib/benchAccount.ts';
import { projectRoot, resultsDir } from './lib/paths.ts';
import { Prng } from './lib/prng.ts';
import { seededDatabase } from './lib/seededDatabase.ts';
import { machine, summarise } from './lib/stats.ts';
import { BENCH_TAGS, syntheticPeople, tagSlug } from './lib/syntheticPeople.ts';

const { values } = parseArgs({
  options: {
    people: { type: 'string', default: '1000000' },
    requests: { type: 'string', default: '4000' },
    concurrency: { type: 'string', default: '8' },
    seed: { type: 'string', default: '2026' },
    'max-seconds': { type: 'string', default: '300' },
  },
});
const N = Number(values.people);
const TOTAL = Number(values.requests);
const CONCURRENCY = Number(values.concurrency);
const MAX_MS = Number(values['max-seconds']) * 1000;
const seed = Number(values.seed);
const SECRET = 'bench-secret-bench-secret-bench-secret!';
const log = (s: string) => process.stderr.write(`${s}\n`);

const s = await seededDatabase(N, seed);
const [{ version }] = (await s.database.query<{ version: string }>('select version()')) as [{ version: string }];
const admin = await benchAccount({ db: s.database.db, secret: SECRET }, s.org.rootId, 'national_admin');
const seats = [...s.org.unitOfConstituency.values()];
const organisers = await Promise.all(Array.from({ length: 10 }, (_, i) => benchAccount({ db: s.database.db, secret: SECRET }, seats[(i * 37) % seats.length]!, 'organiser')));
const ids = (await s.database.query<{ id: string }>('select id from people tablesample system (1) limit 2000')).map((r) => r.id);
const words: string[] = [];
const wards: string[] = [];
for (const p of syntheticPeople(s.places, { count: 20_000, seed })) {
  if (p.row % 20 === 0) {
    words.push(p.lastName.split(/[-' ]/)[0]!.toLowerCase(), p.firstName.toLowerCase());
    wards.push(p.wardCode);
  }
}
await s.database.close();

const port = await new Promise<number>((resolve) => {
  const srv = createServer();
  srv.listen(0, '127.0.0.1', () => {
    const p = (srv.address() as { port: number }).port;
    srv.close(() => resolve(p));
  });
});
const base = `http://127.0.0.1:${port}`;
const server = spawn(process.execPath, [join(projectRoot, 'bin/tredegar.js'), 'serve', '--no-seed'], {
  cwd: projectRoot,
  env: {
    PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: 'production', SESSION_SECRET: SECRET, DATABASE_URL: BENCH_DATABASE_URL,
    PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', RATE_LIMIT_MULTIPLIER: '10000', TREDEGAR_DATA_DIR: '/tmp/tredegar-bench-memory',
    TREDEGAR_SHARED_DIR: process.env.TREDEGAR_SHARED_DIR ?? join(projectRoot, '../shared'),
  },
  stdio: ['ignore', 'ignore', 'pipe'],
});
let serverErr = '';
server.stderr.on('data', (d) => (serverErr = (serverErr + d).slice(-4000)));
const stopServer = () => new Promise<void>((resolve) => {
  if (server.exitCode !== null) return resolve();
  server.once('exit', () => resolve());
  server.kill('SIGTERM');
  setTimeout(() => server.kill('SIGKILL'), 10_000).unref();
});
process.once('exit', () => server.kill('SIGKILL'));

function memory(pid: number) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (k: string) => Number(new RegExp(`^${k}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return { rssMiB: Math.round(kb('VmRSS') / 102.4) / 10, peakRssMiB: Math.round(kb('VmHWM') / 102.4) / 10 };
}

try {
  const t0 = performance.now();
  for (;;) {
    if (server.exitCode !== null) throw new Error(`server exited: ${serverErr}`);
    const ok = await fetch(`${base}/api/health`).then((r) => r.ok, () => false);
    if (ok) break;
    if (performance.now() - t0 > 60_000) throw new Error(`server did not start in 60 s: ${serverErr}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  // Let start-up garbage settle before the first reading.
  await new Promise((r) => setTimeout(r, 3000));
  const before = memory(server.pid!);
  log(`server up (pid ${server.pid}); RSS ${before.rssMiB} MiB`);

  const prng = new Prng(seed + 7);
  const kinds = ['list', 'list-ward', 'list-tag', 'search', 'search-combined', 'list-organiser', 'list-200', 'detail'] as const;
  const next = (): { kind: string; url: string; token: string } => {
    const kind = prng.pick(kinds);
    const a = admin.token;
    switch (kind) {
      case 'list': return { kind, url: '/api/people', token: a };
      case 'list-ward': return { kind, url: `/api/people?area=${prng.pick(wards)}`, token: a };
      case 'list-tag': return { kind, url: `/api/people?tag=${tagSlug(prng.pick(BENCH_TAGS))}`, token: a };
      case 'search': return { kind, url: `/api/people?q=${encodeURIComponent(prng.pick(words))}`, token: a };
      case 'search-combined': return { kind, url: `/api/people?area=${prng.pick(wards)}&q=${encodeURIComponent(prng.pick(words))}&tag=${tagSlug(prng.pick(BENCH_TAGS))}`, token: a };
      case 'list-organiser': return { kind, url: '/api/people', token: prng.pick(organisers).token };
      case 'list-200': return { kind, url: `/api/people?limit=200&q=${encodeURIComponent(prng.pick(words))}`, token: a };
      default: return { kind, url: `/api/people/${prng.pick(ids)}`, token: a };
    }
  };
  const latencies: number[] = [];
  const statuses = new Map<number, number>();
  let sent = 0;
  const started = performance.now();
  let peak = before.peakRssMiB;
  const sampler = setInterval(() => {
    try {
      peak = Math.max(peak, memory(server.pid!).rssMiB);
    } catch {
      // the server is gone; the loop below reports it
    }
  }, 200);
  // A fixed number of requests from a fixed number of workers, and a time cap: bounded either way.
  await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
    while (sent < TOTAL && performance.now() - started < MAX_MS) {
      sent++;
      const r = next();
      const t = performance.now();
      const res = await fetch(base + r.url, { headers: { authorization: `Bearer ${r.token}` } });
      await res.arrayBuffer();
      latencies.push(performance.now() - t);
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
    }
  }));
  clearInterval(sampler);
  const seconds = (performance.now() - started) / 1000;
  const after = memory(server.pid!);
  const result = {
    benchmark: 'memory',
    people: N,
    command: `npx tsx bench/memory.ts --people ${N} --requests ${TOTAL} --concurrency ${CONCURRENCY} --seed ${seed}`,
    machine: machine(version),
    requests: latencies.length,
    concurrency: CONCURRENCY,
    statuses: Object.fromEntries(statuses),
    seconds: Math.round(seconds * 10) / 10,
    requestsPerSecond: Math.round(latencies.length / seconds),
    latencyMs: summarise(latencies),
    rssMiB: { beforeLoad: before.rssMiB, afterLoad: after.rssMiB, peakSampled: Math.max(peak, after.rssMiB), peakKernel: after.peakRssMiB },
    loadAverageAtEnd: loadavg()[0],
  };
  writeFileSync(join(resultsDir, `memory-${N}.json`), `${JSON.stringify(result, null, 2)}\n`);
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  if ([...statuses.keys()].some((c) => c !== 200)) log(`non-200 answers: ${JSON.stringify(Object.fromEntries(statuses))}`);
} finally {
  await stopServer();
}
