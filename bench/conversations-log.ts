// Logging a conversation over HTTP on PostgreSQL, sustained, beside the raw single-row insert
// rate of the same database in the same run.
//   npx tsx bench/conversations-log.ts [--people 1000000] [--conversations 5000000] [--connections 16] [--seconds 30] [--rate 2000] [--tag run1]
// Output: bench/results/conversations-log[-<tag>].json.
// Starts the real server (bin/tredegar.js serve, NODE_ENV=production) on loopback against
// tredegar_bench_conv and drives POST /api/conversations with autocannon from this process:
// one run as fast as it goes, one held at --rate requests a second. Each request logs a
// one-to-one with a person of the organiser's own party, two issues raised and (one in three)
// a commitment, as bearer-token organisers of twenty constituency parties.
// Other work may share the machine, so each run also records the 1-minute load average before
// and after it and the CPU seconds of the server process, of the PostgreSQL backends and of
// this process (the load generator), which contention inflates much less than wall time.
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { convBench, CONV_DATABASE_URL } from './conversations-data.ts';
import { benchAccount } from './lib/benchAccount.ts';
import { cpuMeter, processCpuSeconds } from './lib/cpuTime.ts';
import { projectRoot, resultsDir } from './lib/paths.ts';
import { Prng } from './lib/prng.ts';
import { fmt, machine } from './lib/stats.ts';

interface CannonResult {
  requests: { average: number; total: number };
  latency: { p50: number; p90: number; p99: number; max: number; average: number };
  '2xx': number;
  non2xx: number;
  errors: number;
  timeouts: number;
  duration: number;
}
interface CannonRequest { method: string; path: string; setupRequest: (req: Record<string, unknown>) => Record<string, unknown> }
type Cannon = (opts: Record<string, unknown> & { requests: CannonRequest[] }) => Promise<CannonResult>;
const autocannon = createRequire(import.meta.url)('autocannon') as Cannon;

const { values } = parseArgs({ options: {
  people: { type: 'string', default: '1000000' }, conversations: { type: 'string', default: '5000000' }, seed: { type: 'string', default: '2026' },
  connections: { type: 'string', default: '16' }, seconds: { type: 'string', default: '30' }, rate: { type: 'string', default: '2000' }, port: { type: 'string', default: '3917' }, tag: { type: 'string' },
} });
const suffix = values.tag ? `-${values.tag.replace(/[^\w.-]/g, '_')}` : '';
const log = (s: string) => process.stderr.write(`${s}\n`);
const connections = Number(values.connections);
const seconds = Number(values.seconds);
const SECRET = 'bench-secret-bench-secret-bench-secret!';

const bench = await convBench(Number(values.people), Number(values.conversations), Number(values.seed));
const { database, org } = bench;
const [{ version }] = (await database.query<{ version: string }>('select version()')) as [{ version: string }];

// Twenty organisers, each with people of their own constituency party and the issue list.
const prng = new Prng(Number(values.seed) + 11);
const seats = [...org.unitOfConstituency.values()];
const organisers: { token: string; people: string[] }[] = [];
for (let i = 0; i < 20; i++) {
  const unitId = seats[(i * 41) % seats.length]!;
  const account = await benchAccount({ db: database.db, secret: SECRET }, unitId, 'organiser');
  const people = (await database.query<{ id: string }>('select id from people where unit_id = $1 and deleted_at is null limit 500', [unitId])).map((r) => r.id);
  organisers.push({ token: account.token, people });
}
const issueIds = (await database.query<{ id: string }>(`select id from issues where org_id = $1 and status = 'approved'`, [org.orgId])).map((r) => r.id);
const before = (await database.query<{ n: number }>('select count(*)::int as n from conversations'))[0]!.n;

const load1 = () => Math.round(loadavg()[0]! * 100) / 100;
const r1 = (v: number) => Math.round(v * 10) / 10;

/** Raw single-row inserts, one per transaction, from `connections` clients for `secs` seconds. */
async function rawInserts(secs: number) {
  await database.query('create table if not exists bench_raw_inserts (id uuid primary key, person_id uuid not null, occurred_at timestamptz not null, note text)');
  const clients = await Promise.all(Array.from({ length: connections }, async () => {
    const c = new pg.Client({ connectionString: CONV_DATABASE_URL });
    await c.connect();
    return c;
  }));
  const loadBefore = load1();
  const meter = await cpuMeter(database);
  const until = performance.now() + secs * 1000;
  const counts = await Promise.all(clients.map(async (c) => {
    let n = 0;
    while (performance.now() < until) {
      await c.query('insert into bench_raw_inserts (id, person_id, occurred_at, note) values ($1, $2, now(), $3)', [crypto.randomUUID(), crypto.randomUUID(), 'one row']);
      n++;
    }
    return n;
  }));
  const cpu = await meter();
  await Promise.all(clients.map((c) => c.end()));
  await database.query('drop table bench_raw_inserts');
  const rows = counts.reduce((a, b) => a + b, 0);
  return {
    rows, rowsPerSecond: Math.round(rows / secs), loadAverage1m: [loadBefore, load1()],
    cpuSeconds: { postgres: r1(cpu.postgres), bench: r1(cpu.node) }, postgresCpuMsPerRow: Math.round((cpu.postgres * 1e5) / rows) / 100,
  };
}

function startServer(): Promise<{ pid: number; stop: () => Promise<void> }> {
  const child = spawn(process.execPath, ['bin/tredegar.js', 'serve', '--no-seed'], {
    cwd: projectRoot,
    env: { ...process.env, NODE_ENV: 'production', DATABASE_URL: CONV_DATABASE_URL, SESSION_SECRET: SECRET, RATE_LIMIT_MULTIPLIER: '100000', PORT: values.port, HOST: '127.0.0.1', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stderr.on('data', (d) => process.stderr.write(`[server] ${d}`));
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (d: Buffer) => {
      if (d.toString().includes('Tredegar is running')) {
        resolve({
          pid: child.pid!,
          stop: () => new Promise<void>((done) => {
            child.once('exit', () => done());
            child.kill('SIGTERM');
          }),
        });
      }
    });
    child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
}

function run(label: string, extra: Record<string, unknown>): Promise<CannonResult> {
  log(`${label}: ${connections} connections for ${(extra.duration as number | undefined) ?? seconds} s ${extra.overallRate ? `at ${extra.overallRate} req/s` : 'as fast as it goes'}`);
  return autocannon({
    url: `http://127.0.0.1:${values.port}`,
    connections,
    duration: seconds,
    ...extra,
    requests: [{
      method: 'POST',
      path: '/api/conversations',
      setupRequest: (req) => {
        const o = prng.pick(organisers);
        const body = {
          kind: 'one_to_one', outcome: 'spoke', occurredAt: new Date().toISOString(), durationMinutes: 20, people: [prng.pick(o.people)],
          issues: [{ issueId: prng.pick(issueIds) }, { issueId: prng.pick(issueIds) }].filter((v, i, a) => a.findIndex((x) => x.issueId === v.issueId) === i),
          ...(prng.chance(1 / 3) ? { commitments: [{ ask: 'attend', answer: 'yes' }] } : {}),
        };
        return { ...req, headers: { 'content-type': 'application/json', authorization: `Bearer ${o.token}` }, body: JSON.stringify(body) };
      },
    }],
  });
}

interface Measured { result: CannonResult; loadAverage1m: number[]; cpuSeconds: { server: number; postgres: number; bench: number } }

/** A run with the load average and CPU seconds (server, PostgreSQL backends, this process) around it. */
async function measured(serverPid: number, label: string, extra: Record<string, unknown>): Promise<Measured> {
  const loadBefore = load1();
  const server0 = processCpuSeconds(serverPid);
  const meter = await cpuMeter(database);
  const result = await run(label, extra);
  const cpu = await meter();
  return { result, loadAverage1m: [loadBefore, load1()], cpuSeconds: { server: r1(processCpuSeconds(serverPid) - server0), postgres: r1(cpu.postgres), bench: r1(cpu.node) } };
}

const summary = ({ result: r, loadAverage1m, cpuSeconds }: Measured) => ({
  requestsPerSecond: Math.round(r.requests.average), total: r.requests.total, ok2xx: r['2xx'], non2xx: r.non2xx, errors: r.errors, timeouts: r.timeouts,
  latencyMs: { p50: r.latency.p50, p90: r.latency.p90, p99: r.latency.p99, max: r.latency.max },
  loadAverage1m, cpuSeconds,
  // Server and database CPU per logged conversation: what bounds the rate on an idle machine.
  cpuMsPerRequest: r['2xx'] > 0 ? { server: Math.round((cpuSeconds.server * 1e5) / r['2xx']) / 100, postgres: Math.round((cpuSeconds.postgres * 1e5) / r['2xx']) / 100 } : null,
});

log(`raw single-row inserts: ${connections} clients for 15 s`);
const raw = await rawInserts(15);
log(`  ${fmt(raw.rowsPerSecond)} rows/s`);
const server = await startServer();
let flat: Measured;
let held: Measured;
try {
  await run('warm-up', { duration: 5 });
  flat = await measured(server.pid, 'flat out', {});
  log(`  ${JSON.stringify(summary(flat))}`);
  held = await measured(server.pid, 'held rate', { overallRate: Number(values.rate) });
  log(`  ${JSON.stringify(summary(held))}`);
} finally {
  await server.stop();
}
const after = (await database.query<{ n: number }>('select count(*)::int as n from conversations'))[0]!.n;
const out = {
  benchmark: 'conversation logging over HTTP', conversationsBefore: before, conversationsWritten: after - before, connections, seconds, machine: machine(version),
  rawSingleRowInserts: raw, flatOut: summary(flat!), heldRate: { target: Number(values.rate), ...summary(held!) },
};
writeFileSync(join(resultsDir, `conversations-log${suffix}.json`), `${JSON.stringify(out, null, 2)}\n`);
process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
await database.close();
