import { createHash, randomUUID } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { eq, sql } from 'drizzle-orm';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../../test/databases.ts';
import { buildPerson, buildUnit } from '../../../test/factories.ts';
import { createTestApp, testDatabaseKinds, type TestApp } from '../../../test/harness.ts';
import { connect, type Database } from '../../db/connection.ts';
import { migrate, migrationsFolder } from '../../db/migrate.ts';
import { execute } from '../../db/execute.ts';
import { recordAudit } from '../audit/recordAudit.ts';
import { auditChainKeys, verifyAuditChain } from '../audit/verifyChain.ts';
import { seedDemo } from '../demo/seedDemo.ts';
import { people, tags } from '../people/schema.ts';
import { organisations } from '../units/schema.ts';
import { forEachLine } from './backupFormat.ts';
import { restoreBackup } from './restoreBackup.ts';
import { tablesInDependencyOrder } from './tableOrder.ts';
import { readJournal, writeBackup } from './writeBackup.ts';

/** Every row of every table as PostgreSQL prints it (times in UTC), sorted: equal snapshots mean equal data. */
async function snapshot(database: Database): Promise<Record<string, string[]>> {
  return database.db.transaction(async (tx) => {
    await execute(tx, sql`set local timezone = 'UTC'`);
    const out: Record<string, string[]> = {};
    for (const t of await tablesInDependencyOrder(tx)) {
      out[t.name] = (await execute<{ r: string }>(tx, sql.raw(`select to_jsonb(t)::text as r from "${t.name}" t`))).map((r) => r.r).sort();
    }
    return out;
  });
}

async function chainsIntact(database: Database): Promise<void> {
  for (const key of await auditChainKeys(database.db)) expect((await verifyAuditChain(database.db, key)).problem, key).toBeNull();
}

async function readLines(file: string): Promise<string[]> {
  const lines: string[] = [];
  await forEachLine(file, (l) => void lines.push(l));
  return lines;
}

/** Writes a backup from edited lines, with a trailer recomputed to match them (or with the given counts). */
function writeLines(file: string, lines: string[], counts?: Record<string, number>): void {
  const body = lines.filter((l) => l[0] !== 'E');
  const tables: Record<string, number> = {};
  let current = '';
  for (const l of body) {
    if (l[0] === 'T') tables[(current = (JSON.parse(l.slice(1)) as { name: string }).name)] = 0;
    if (l[0] === 'R') tables[current]! += 1;
  }
  const text = body.map((l) => `${l}\n`).join('');
  const trailer = { tables: counts ?? tables, sequences: body.filter((l) => l[0] === 'S').length, sha256: createHash('sha256').update(text).digest('hex') };
  writeFileSync(file, gzipSync(`${text}E${JSON.stringify(trailer)}\n`));
}

describe.each(testDatabaseKinds)('backup and restore on %s', (kind) => {
  let t: TestApp;
  let dir: string;
  let file: string;
  let before: Record<string, string[]>;

  beforeAll(async () => {
    t = await createTestApp(kind);
    dir = mkdtempSync(join(tmpdir(), 'tredegar-backup-'));
    file = join(dir, 'backup.tredegar.gz');
    const { orgId } = await seedDemo(t.ctx, { people: 40 });
    await recordAudit(t.ctx.db, [
      { actorAccountId: null, action: 'auth.sign_in', entityType: 'session' },
      { actorAccountId: null, action: 'person.update', entityType: 'person', orgId, changes: { note: ['a\nb "quoted" é 🚀', null], n: 1.25 } },
    ]);
    before = await snapshot(t.database);
    const { rows, tables } = await writeBackup(t.database, file);
    expect(rows).toBe(Object.values(before).reduce((s, r) => s + r.length, 0));
    expect(Object.keys(tables).sort()).toEqual(Object.keys(before).sort());
  }, 300_000);
  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('holds a meaningful amount of data to prove anything', () => {
    const filled = Object.entries(before).filter(([, rows]) => rows.length > 0).map(([name]) => name);
    expect(filled).toEqual(expect.arrayContaining(['organisations', 'units', 'people', 'contact_points', 'accounts', 'audit_events', 'audit_chain_heads', 'areas']));
    expect(before.people!.length).toBeGreaterThanOrEqual(40);
  });

  it('refuses to replace a database that holds data, without --force, and leaves it as it was', async () => {
    await expect(restoreBackup(t.database, file)).rejects.toMatchObject({ status: 409, message: expect.stringContaining('--force') });
    expect(await snapshot(t.database)).toEqual(before);
  });

  it('returns exactly the backed-up data after changes, and the audit chain still verifies', { timeout: 300_000 }, async () => {
    const [org] = await t.ctx.db.select().from(organisations);
    const unit = await buildUnit(t.ctx.db, (await t.database.query<{ id: string }>('select id from units where org_id = $1 and path ~ $2', [org!.id, '^/[^/]+/$']))[0]!.id);
    await buildPerson(t.ctx.db, unit);
    await t.ctx.db.update(people).set({ firstName: 'Changed' }).where(sql`id = (select id from people order by id limit 1)`);
    await t.ctx.db.delete(tags).where(eq(tags.orgId, org!.id));
    await recordAudit(t.ctx.db, { actorAccountId: null, action: 'tag.delete', entityType: 'tag', orgId: org!.id });
    expect(await snapshot(t.database)).not.toEqual(before);

    const result = await restoreBackup(t.database, file, { force: true });
    expect(result.replaced).toBe(true);
    expect(await snapshot(t.database)).toEqual(before);
    await chainsIntact(t.database);
    // The chain carries on from the restored head.
    await recordAudit(t.ctx.db, { actorAccountId: null, action: 'tag.apply', entityType: 'person', orgId: org!.id });
    await chainsIntact(t.database);
    await restoreBackup(t.database, file, { force: true });
  });

  it('restores into an empty database without --force', { timeout: 300_000 }, async () => {
    const target = await openTestDatabase(kind);
    try {
      const result = await restoreBackup(target, file);
      expect(result.replaced).toBe(false);
      expect(await snapshot(target)).toEqual(before);
      await chainsIntact(target);
    } finally {
      await target.close();
    }
  });

  it('refuses a damaged, truncated or foreign file without touching the database', async () => {
    const bytes = readFileSync(file);
    const lines = await readLines(file);
    const bad: [string, Buffer | string[], RegExp][] = [
      ['truncated', bytes.subarray(0, Math.floor(bytes.length / 2)), /cannot be read/],
      ['corrupted', Buffer.from(bytes.map((b, i) => (i === Math.floor(bytes.length / 2) ? b ^ 0xff : b))), /cannot be read|checksum|not valid/],
      ['not gzip', Buffer.from('id,name\n1,Someone\n'), /cannot be read/],
      ['without its end', Buffer.from(gzipSync(lines.slice(0, -1).map((l) => `${l}\n`).join(''))), /incomplete/],
      ['altered inside', Buffer.from(gzipSync(lines.map((l) => `${l.replace('Changed', 'X').replace(/"first_name": "[^"]*"/, '"first_name": "Mallory"')}\n`).join(''))), /checksum/],
      ['rows dropped', lines.filter((l, i) => !(l[0] === 'R' && i === lines.findIndex((x) => x[0] === 'R'))), /counts/],
    ];
    const target = await openTestDatabase(kind);
    try {
      await restoreBackup(target, file);
      const restored = await snapshot(target);
      for (const [name, content, message] of bad) {
        const damaged = join(dir, `${name.replace(/ /g, '-')}.gz`);
        // A list of lines is written consistent with itself (a matching checksum) but with the original counts.
        if (Array.isArray(content)) writeLines(damaged, content, (JSON.parse(lines.at(-1)!.slice(1)) as { tables: Record<string, number> }).tables);
        else writeFileSync(damaged, content);
        await expect(restoreBackup(target, damaged, { force: true }), name).rejects.toMatchObject({ status: 400, message: expect.stringMatching(message) });
        expect(await snapshot(target), name).toEqual(restored);
      }
    } finally {
      await target.close();
    }
  });

  it('refuses a backup from a newer schema, or from a level this version never had', async () => {
    const lines = await readLines(file);
    const header = JSON.parse(lines[0]!.slice(1)) as { migration: { when: number; tag: string } };
    for (const [shift, message] of [[1, 'from a newer schema (9999_x)'], [-1, 'schema level (9999_x) is not one this version knows']] as const) {
      const other = join(dir, `shifted${shift}.gz`);
      writeLines(other, [`H${JSON.stringify({ ...header, migration: { when: header.migration.when + shift, tag: '9999_x' } })}`, ...lines.slice(1)]);
      await expect(restoreBackup(t.database, other, { force: true })).rejects.toMatchObject({ status: 400, message: expect.stringContaining(message) });
    }
    expect(await snapshot(t.database)).toEqual(before);
  });

  it('rolls back the rebuilt schema when an older backup turns out not to fit it', async () => {
    // Today's rows labelled with an earlier level: the schema is dropped and rebuilt at that level
    // inside the transaction before the mismatch shows, and all of it must be undone.
    const lines = await readLines(file);
    const header = JSON.parse(lines[0]!.slice(1)) as { migration: { when: number; tag: string } };
    // The level before audit entries gained their chain columns: today's audit rows cannot fit it.
    const journal = readJournal().entries;
    const earlier = journal[journal.findIndex((e) => e.tag.endsWith('_audit_chain')) - 1]!.when;
    const mislabelled = join(dir, 'mislabelled.gz');
    writeLines(mislabelled, [`H${JSON.stringify({ ...header, migration: { when: earlier, tag: 'earlier' } })}`, ...lines.slice(1)]);
    await expect(restoreBackup(t.database, mislabelled, { force: true })).rejects.toMatchObject({ status: 400, message: expect.stringMatching(/^The backup's table audit_\w+ does not match this database's/) });
    expect(await snapshot(t.database)).toEqual(before);
    await chainsIntact(t.database);
  });
});

describe.runIf(testDatabaseKinds.includes('postgres'))('moving from PGlite to PostgreSQL', () => {
  it('restores a PGlite backup into PostgreSQL exactly', { timeout: 300_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tredegar-backup-move-'));
    const laptop = await createTestApp('pglite');
    const server = await openTestDatabase('postgres');
    try {
      await seedDemo(laptop.ctx, { people: 20 });
      await writeBackup(laptop.database, join(dir, 'move.gz'));
      await restoreBackup(server, join(dir, 'move.gz'));
      expect(await snapshot(server)).toEqual(await snapshot(laptop.database));
      await chainsIntact(server);
    } finally {
      await laptop.close();
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe.each(testDatabaseKinds)('a backup from an older schema on %s', (kind) => {
  it('is loaded into the schema of its day and upgraded with it, in one go', { timeout: 300_000 }, async () => {
    // A database as it was before audit entries were chained, with entries written then.
    const dir = mkdtempSync(join(tmpdir(), 'tredegar-backup-old-'));
    const folder = join(dir, 'migrations');
    cpSync(migrationsFolder, folder, { recursive: true });
    const journalFile = join(folder, 'meta', '_journal.json');
    const journal = JSON.parse(readFileSync(journalFile, 'utf8')) as { entries: { tag: string }[] };
    writeFileSync(journalFile, JSON.stringify({ ...journal, entries: journal.entries.slice(0, journal.entries.findIndex((e) => e.tag.endsWith('_audit_chain'))) }));
    const old = await connect({ dataDir: 'memory://' });
    const target = await openTestDatabase(kind);
    try {
      await migratePglite(old.db as unknown as PgliteDatabase, { migrationsFolder: folder });
      const org = randomUUID();
      await old.query(`insert into audit_events (org_id, action, entity_type, created_at) values
        ($1, 'b', 'x', '2026-01-02T00:00:00Z'), ($1, 'a', 'x', '2026-01-01T00:00:00Z'), (null, 'c', 'x', '2026-01-03T00:00:00Z')`, [org]);
      await writeBackup(old, join(dir, 'old.gz'));
      await recordAudit(target.db, { actorAccountId: null, action: 'replaced', entityType: 'x', orgId: org });

      const result = await restoreBackup(target, join(dir, 'old.gz'), { force: true });
      expect(result.upgraded).toBeGreaterThanOrEqual(2);
      expect(result.backup.migration.tag).toBe(journal.entries[journal.entries.findIndex((e) => e.tag.endsWith('_audit_chain')) - 1]!.tag);
      expect((await target.query<{ action: string }>('select action from audit_events where chain_key = $1 order by seq', [org])).map((r) => r.action)).toEqual(['a', 'b']);
      await chainsIntact(target);
      // The database is at the newest level, as if it had been upgraded in place.
      await migrate(target);
      expect(await target.query<{ n: number }>('select count(*)::int as n from drizzle.__drizzle_migrations')).toEqual([{ n: readMigrationFiles({ migrationsFolder }).length }]);
      await recordAudit(target.db, { actorAccountId: null, action: 'after', entityType: 'x', orgId: org });
      expect(await verifyAuditChain(target.db, org)).toMatchObject({ verified: 3, problem: null });
    } finally {
      await old.close();
      await target.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
