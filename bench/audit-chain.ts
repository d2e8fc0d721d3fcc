// What hash-chaining the audit log costs audited writes, and how fast a chain is verified, backed
// up and restored. Each audited write is one transaction writing one audit entry (the smallest
// write there is, so the chain's share is the largest it can be), first with the chain triggers
// disabled (the log as it was before), then enabled; on PostgreSQL also 8 writers at once, to one
// organisation (they take turns at the chain head) and to 8 organisations.
//   npx tsx bench/audit-chain.ts [writes=2000]
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect, type Database } from '../src/db/connection.ts';
import { migrate } from '../src/db/migrate.ts';
import { recordAudit } from '../src/modules/audit/recordAudit.ts';
import { verifyAuditChain } from '../src/modules/audit/verifyChain.ts';
import { restoreBackup } from '../src/modules/backup/restoreBackup.ts';
import { writeBackup } from '../src/modules/backup/writeBackup.ts';
import { benchDatabaseUrl, dropBenchDatabase, recreateBenchDatabase } from './lib/benchDatabase.ts';
import { fmt, machine, rate, since, summarise } from './lib/stats.ts';

const N = Number(process.argv[2] ?? 2000);

async function writes(database: Database, orgs: string[], writers: number): Promise<{ perSecond: number; ms: ReturnType<typeof summarise> }> {
  const samples: number[] = [];
  const t0 = performance.now();
  let next = 0;
  await Promise.all(Array.from({ length: writers }, async (_, w) => {
    while (next < N) {
      next += 1;
      const s = performance.now();
      await database.db.transaction((tx) => recordAudit(tx, { actorAccountId: null, action: 'tag.apply', entityType: 'person', entityId: randomUUID(), orgId: orgs[w % orgs.length]!, changes: { tag: ['', 'Housing'] } }));
      samples.push(performance.now() - s);
    }
  }));
  return { perSecond: rate(N, since(t0)), ms: summarise(samples) };
}

async function run(label: string, database: Database, concurrent: boolean): Promise<void> {
  const out = (s: string) => process.stdout.write(`${label}: ${s}\n`);
  const scenarios: [string, number, number][] = [['1 writer', 1, 1]];
  if (concurrent) scenarios.push(['8 writers, one organisation', 8, 1], ['8 writers, 8 organisations', 8, 8]);
  // Warm up (JIT, plans, the server's caches) before anything is measured.
  await writes(database, [randomUUID()], 1);
  for (const [name, writers, orgCount] of scenarios) {
    for (const chained of [false, true]) {
      for (const trigger of ['audit_events_chain', 'audit_events_seal']) await database.query(`alter table audit_events ${chained ? 'enable' : 'disable'} trigger ${trigger}`);
      const r = await writes(database, Array.from({ length: orgCount }, () => randomUUID()), writers);
      out(`${name}, ${chained ? 'chained' : 'not chained'}: ${fmt(r.perSecond)} writes/s, per write ms ${JSON.stringify(r.ms)}`);
    }
  }
  const org = randomUUID();
  for (let i = 0; i < N * 5; i += 1000) {
    await recordAudit(database.db, Array.from({ length: 1000 }, (_, j) => ({ actorAccountId: null, action: 'tag.apply', entityType: 'person', entityId: `e-${i + j}`, orgId: org })));
  }
  const t0 = performance.now();
  const report = await verifyAuditChain(database.db, org);
  out(`verify: ${fmt(report.verified)} entries in ${since(t0).toFixed(2)} s (${fmt(rate(report.verified, since(t0)))} entries/s), problem ${JSON.stringify(report.problem)}`);
  const dir = mkdtempSync(join(tmpdir(), 'tredegar-bench-backup-'));
  try {
    const t1 = performance.now();
    const b = await writeBackup(database, join(dir, 'b.gz'));
    out(`backup: ${fmt(b.rows)} rows in ${since(t1).toFixed(2)} s, ${(statSync(join(dir, 'b.gz')).size / 2 ** 20).toFixed(1)} MiB`);
    const t2 = performance.now();
    await restoreBackup(database, join(dir, 'b.gz'), { force: true });
    out(`restore --force: ${fmt(b.rows)} rows in ${since(t2).toFixed(2)} s`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const lite = await connect({ dataDir: 'memory://' });
await migrate(lite);
await run('PGlite', lite, false);
await lite.close();

const url = benchDatabaseUrl('audit');
const pgdb = await recreateBenchDatabase(url, 9);
const [pgVersion] = await pgdb.query<{ server_version: string }>('show server_version');
await run('PostgreSQL', pgdb, true);
await pgdb.close();
await dropBenchDatabase(url);
process.stdout.write(`${JSON.stringify(machine(pgVersion?.server_version))}\n`);
