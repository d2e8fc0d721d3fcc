import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrg, buildUnit } from '../../../test/factories.ts';
import { createTestApp, testDatabaseKinds, type TestApp } from '../../../test/harness.ts';
import type { Actor } from '../accounts/actor.ts';
import { importFile } from './importFile.ts';
import { importErrors, importJobs } from './schema.ts';

/** Rows with unique emails, a repeat (by email) of an earlier batch's row now and then, and an invalid row in every 700. */
function peopleCsv(count: number, domain: string, phoneBase: number): { csv: string; people: number; errors: number } {
  const lines = ['First name,Surname,Email,Mobile'];
  const emails = new Set<string>();
  let errors = 0;
  for (let i = 0; i < count; i++) {
    if (i % 700 === 699) {
      lines.push(`Bad${i},Row,not-an-email,`);
      errors++;
      continue;
    }
    const email = i % 1000 === 500 && i > 1000 ? `person${i - 1001}@${domain}` : `person${i}@${domain}`;
    lines.push(`Person${i},Test,${email},${i % 3 === 0 ? `07700${String(phoneBase + i)}` : ''}`);
    emails.add(email);
  }
  return { csv: `${lines.join('\n')}\n`, people: emails.size, errors };
}

describe.each(testDatabaseKinds)('resuming an interrupted import on %s', (kind) => {
  let t: TestApp;
  let dir: string;
  let unit: { id: string; orgId: string; code: string; path: string };
  let actor: Actor;
  beforeAll(async () => {
    t = await createTestApp(kind);
    dir = mkdtempSync(join(tmpdir(), 'tredegar-resume-'));
    const { org, root } = await buildOrg(t.ctx.db);
    unit = await buildUnit(t.ctx.db, root.id);
    actor = { accountId: 'system', email: 'system', displayName: 'test', grants: [{ unitId: root.id, unitPath: root.path, orgId: org.id, role: 'national_admin' }], via: 'system' };
  });
  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const counts = async () => {
    const [row] = await t.ctx.database.query<{ people: number; distinct_emails: number; keys: number }>(
      `select (select count(*)::int from people where org_id = $1) as people,
              (select count(distinct normalised)::int from contact_points where org_id = $1 and kind = 'email') as distinct_emails,
              (select count(*)::int from import_row_keys where org_id = $1) as keys`,
      [unit.orgId],
    );
    return row!;
  };

  it('a batch that fails leaves whole batches; a re-run resumes after them without duplicates', async () => {
    const file = join(dir, 'fail.csv');
    const data = peopleCsv(5000, 'example.org', 100000);
    writeFileSync(file, data.csv);
    // Fails the third batch at its very end, when it moves the job's progress.
    await t.ctx.database.query(`create function fail_third_batch() returns trigger language plpgsql as $$
      begin if new.committed_rows > 2000 then raise exception 'simulated crash'; end if; return new; end $$`);
    await t.ctx.database.query('create trigger fail_third_batch before update on import_jobs for each row execute function fail_third_batch()');
    const crash = await importFile(t.ctx.db, { path: file, unit, actor }).then(() => null, (err: Error) => err);
    await t.ctx.database.query('drop trigger fail_third_batch on import_jobs');
    expect(String((crash?.cause as Error | undefined)?.message ?? crash?.message)).toContain('simulated crash');

    const [job] = await t.ctx.db.select().from(importJobs).where(eq(importJobs.unitId, unit.id));
    expect(job).toMatchObject({ status: 'failed', committedRows: 2000, errorCount: 2 });
    const after = await counts();
    expect(after.people).toBe(job!.createdCount);
    expect(after.keys).toBe(2000 - 2);
    expect(await t.ctx.db.select().from(importErrors).where(eq(importErrors.jobId, job!.id))).toHaveLength(2);

    const resumed = await importFile(t.ctx.db, { path: file, unit, actor });
    expect(resumed.resumeAfter).toBe(2000);
    expect(resumed.job).toMatchObject({ id: job!.id, status: 'completed', committedRows: 5000, errorCount: data.errors });
    expect(resumed.counts.created + resumed.counts.updated + resumed.counts.unchanged + resumed.counts.errors).toBe(5000);
    const final = await counts();
    expect(final.people).toBe(data.people);
    expect(final.distinct_emails).toBe(data.people);
    expect(await t.ctx.db.select().from(importErrors).where(eq(importErrors.jobId, job!.id))).toHaveLength(data.errors);

    // Once complete, the same file again is a new run that changes nothing.
    const again = await importFile(t.ctx.db, { path: file, unit, actor });
    expect(again.job!.id).not.toBe(job!.id);
    expect(again.counts).toEqual({ created: 0, updated: 0, unchanged: 5000 - data.errors, errors: data.errors });
    expect(await counts()).toEqual(final);
  });

  it('a dry run writes nothing and predicts the real run', async () => {
    const other = await buildUnit(t.ctx.db, unit.path.split('/')[1]!);
    const file = join(dir, 'dry.csv');
    const data = peopleCsv(2500, 'dry.example.org', 200000);
    writeFileSync(file, data.csv);
    const before = await counts();
    const dry = await importFile(t.ctx.db, { path: file, unit: other, actor, dryRun: true });
    expect(dry.job).toBeNull();
    expect(await counts()).toEqual(before);
    expect(await t.ctx.db.select().from(importJobs).where(and(eq(importJobs.unitId, other.id)))).toHaveLength(0);
    const real = await importFile(t.ctx.db, { path: file, unit: other, actor });
    expect(real.counts).toEqual(dry.counts);
    expect(real.counts.created).toBe(data.people);
  });

  it.runIf(kind === 'postgres')('kill -9 of the command line mid-import leaves whole batches; running it again completes', async () => {
    const file = join(dir, 'kill.csv');
    const data = peopleCsv(20000, 'kill.example.org', 300000);
    writeFileSync(file, data.csv);
    const kill = await buildUnit(t.ctx.db, unit.path.split('/')[1]!, { code: 'kill-test' });
    const raw = t.ctx.database.raw;
    if (raw.kind !== 'postgres') throw new Error('postgres only');
    const env = { ...process.env, DATABASE_URL: (raw.pool as unknown as { options: { connectionString: string } }).options.connectionString, TREDEGAR_DATA_DIR: dir, LOG_LEVEL: 'silent', NODE_ENV: 'test' };
    const run = () => spawn(process.execPath, ['bin/tredegar.js', 'people', 'import', file, '--unit', 'kill-test'], { env, stdio: ['ignore', 'pipe', 'pipe'] });

    const child = run();
    let committed = 0;
    for (let i = 0; i < 1200 && committed < 3000; i++) {
      await new Promise((r) => setTimeout(r, 100));
      const [job] = await t.ctx.db.select().from(importJobs).where(eq(importJobs.unitId, kill.id));
      committed = job?.committedRows ?? 0;
    }
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    const [job] = await t.ctx.db.select().from(importJobs).where(eq(importJobs.unitId, kill.id));
    expect(job!.status).toBe('running');
    expect(job!.committedRows % 1000).toBe(0);
    expect(job!.committedRows).toBeLessThan(20000);
    const [stored] = await t.ctx.database.query<{ n: number }>('select count(*)::int as n from people where unit_id = $1', [kill.id]);
    expect(stored!.n).toBe(job!.createdCount);

    const again = run();
    let out = '';
    let err = '';
    again.stdout.on('data', (d) => (out += d));
    again.stderr.on('data', (d) => (err += d));
    const code = await new Promise((r) => again.once('exit', r));
    expect(code, err).toBe(0);
    expect(err).toContain(`Resuming after row ${job!.committedRows}`);
    expect(out).toContain(`${data.errors} with errors`);
    const [done] = await t.ctx.db.select().from(importJobs).where(eq(importJobs.unitId, kill.id));
    expect(done).toMatchObject({ id: job!.id, status: 'completed', committedRows: 20000, errorCount: data.errors });
    const [people] = await t.ctx.database.query<{ n: number; emails: number }>(
      `select count(*)::int as n, (select count(distinct c.normalised)::int from contact_points c join people p on p.id = c.person_id where p.unit_id = $1 and c.kind = 'email') as emails
       from people where unit_id = $1`,
      [kill.id],
    );
    expect(people).toEqual({ n: data.people, emails: data.people });
  }, 300_000);
});
