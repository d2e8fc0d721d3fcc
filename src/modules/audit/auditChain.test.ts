import { randomUUID } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../../test/databases.ts';
import { buildAccount, buildOrg, buildUnit } from '../../../test/factories.ts';
import { createTestApp, testDatabaseKinds } from '../../../test/harness.ts';
import { connect, type Database } from '../../db/connection.ts';
import { execute } from '../../db/execute.ts';
import { migrate, migrationsFolder } from '../../db/migrate.ts';
import { recordAudit } from './recordAudit.ts';
import { SYSTEM_CHAIN } from './schema.ts';
import { DENIED_PER_MINUTE } from './registerDeniedAudit.ts';
import { verifyAuditChain, type ChainProblemKind } from './verifyChain.ts';

/** Writes `n` entries to a fresh chain, one statement each, with varied content. */
async function plantChain(database: Database, n: number): Promise<{ orgId: string; ids: string[] }> {
  const orgId = randomUUID();
  for (let i = 1; i <= n; i++) {
    await recordAudit(database.db, {
      actorAccountId: null, action: i % 2 ? 'person.update' : 'tag.apply', entityType: 'person', entityId: `p-${i}`, orgId,
      changes: { lastName: ['Old', `New ${i}`], n: i, nested: { é: [1.5, null, true] } }, requestId: `req-${i}`,
    });
  }
  const rows = await database.query<{ id: string }>('select id from audit_events where chain_key = $1 order by seq', [orgId]);
  return { orgId, ids: rows.map((r) => r.id) };
}

const FIELDS = ['action', 'changes', 'created_at', 'org_id', 'entity_id', 'request_id', 'prev_hash', 'hash'] as const;

type Tampering =
  | { kind: 'alter'; position: number; field: (typeof FIELDS)[number] }
  | { kind: 'delete'; position: number }
  | { kind: 'swap'; position: number; other: number }
  | { kind: 'forge'; position: number; renumber: boolean; id?: string }
  | { kind: 'truncate'; keep: number };

const ALTER: Record<(typeof FIELDS)[number], string> = {
  action: `action = 'person.view'`,
  changes: `changes = '{"lastName": ["Old", "Forged"]}'`,
  created_at: `created_at = created_at + interval '1 microsecond'`,
  org_id: 'org_id = gen_random_uuid()',
  entity_id: `entity_id = 'p-other'`,
  request_id: 'request_id = null',
  prev_hash: `prev_hash = repeat('a', 64)`,
  hash: `hash = repeat('b', 64)`,
};

/** Applies a tampering as someone with direct access to the database would, and says what verification must report. */
async function tamper(database: Database, orgId: string, ids: string[], t: Tampering): Promise<{ kind: ChainProblemKind; position: number; id: string | null }> {
  switch (t.kind) {
    case 'alter':
      await database.query(`update audit_events set ${ALTER[t.field]} where id = $1`, [ids[t.position - 1]]);
      return { kind: 'altered', position: t.position, id: ids[t.position - 1]! };
    case 'delete':
      await database.query('delete from audit_events where id = $1', [ids[t.position - 1]]);
      return { kind: 'removed', position: t.position, id: null };
    case 'swap': {
      const [a, b] = [Math.min(t.position, t.other), Math.max(t.position, t.other)];
      await database.query('update audit_events set seq = case when id = $1 then $4::bigint else $3::bigint end where id in ($1, $2)', [ids[a - 1], ids[b - 1], a, b]);
      return { kind: 'altered', position: a, id: ids[b - 1]! };
    }
    case 'forge': {
      // A well-formed entry with a correct hash over its predecessor, slipped in past the trigger.
      const id = t.id ?? randomUUID();
      await database.db.transaction(async (tx) => {
        await execute(tx, sql`select set_config('tredegar.restoring', 'on', true)`);
        if (t.renumber) await execute(tx, sql`update audit_events set seq = seq + 1 where chain_key = ${orgId} and seq >= ${t.position}`);
        await execute(tx, sql`
          insert into audit_events (id, org_id, actor_account_id, action, entity_type, entity_id, changes, chain_key, seq, prev_hash, hash, created_at)
          select v.id, v.org, null, 'role.grant', 'account', 'forged', null, v.org, v.seq, v.prev,
                 audit_entry_hash(v.prev, v.seq, v.id, v.org, null, null, 'role.grant', 'account', 'forged', null, null, v.at), v.at
          from (select ${id}::uuid as id, ${orgId}::uuid as org, ${t.position}::bigint as seq, now() as at,
                       coalesce((select hash from audit_events where chain_key = ${orgId} and seq = ${t.position - 1} and id <> ${id}::uuid), repeat('0', 64)) as prev) v`);
      });
      return { kind: 'inserted', position: t.position, id };
    }
    case 'truncate':
      await database.query('delete from audit_events where chain_key = $1 and seq > $2', [orgId, t.keep]);
      return { kind: 'removed', position: t.keep + 1, id: null };
  }
}

const tamperings = (n: number): fc.Arbitrary<Tampering> => {
  const position = fc.integer({ min: 1, max: n });
  return fc.oneof(
    fc.record({ kind: fc.constant('alter' as const), position, field: fc.constantFrom(...FIELDS) }),
    fc.record({ kind: fc.constant('delete' as const), position }),
    fc.tuple(position, position).filter(([a, b]) => a !== b).map(([position, other]) => ({ kind: 'swap' as const, position, other })),
    fc.record({ kind: fc.constant('forge' as const), position: fc.integer({ min: 1, max: n + 1 }), renumber: fc.boolean() }),
    fc.record({ kind: fc.constant('truncate' as const), keep: fc.integer({ min: 0, max: n - 1 }) }),
  );
};

describe.each(testDatabaseKinds)('the audit hash chain on %s', (kind) => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase(kind);
  });
  afterAll(() => database.close());

  it('links every entry to the one before, per organisation, and verifies an untouched chain', async () => {
    const { orgId, ids } = await plantChain(database, 5);
    await recordAudit(database.db, [
      { actorAccountId: null, action: 'auth.sign_in', entityType: 'session' },
      { actorAccountId: null, action: 'org.settings', entityType: 'organisation', orgId, changes: { at: new Date('2026-01-01T00:00:00Z') as unknown as string } },
    ]);
    const rows = await database.query<{ seq: string; prev_hash: string; hash: string }>('select seq, prev_hash, hash from audit_events where chain_key = $1 order by seq', [orgId]);
    expect(rows.map((r) => Number(r.seq))).toEqual([1, 2, 3, 4, 5, 6]);
    expect(rows[0]!.prev_hash).toBe('0'.repeat(64));
    rows.slice(1).forEach((r, i) => expect(r.prev_hash).toBe(rows[i]!.hash));
    const report = await verifyAuditChain(database.db, orgId, 2);
    expect(report).toMatchObject({ verified: 6, problem: null, head: { position: 6, hash: rows[5]!.hash } });
    expect(report.verifiedUpTo).toMatchObject({ position: 6 });
    expect(ids).toHaveLength(5);
    expect((await verifyAuditChain(database.db, SYSTEM_CHAIN)).problem).toBeNull();
  });

  it.each<[string, Tampering]>([
    ['an altered entry', { kind: 'alter', position: 3, field: 'changes' }],
    ['a deleted entry', { kind: 'delete', position: 2 }],
    ['two entries reordered', { kind: 'swap', position: 2, other: 4 }],
    ['a forged entry inserted in the middle', { kind: 'forge', position: 3, renumber: true }],
    ['a forged entry at a position already held', { kind: 'forge', position: 2, renumber: false }],
    // Entries at one position are read in id order: the impostor read before and after the genuine one.
    ['a forged entry read before the one whose position it took', { kind: 'forge', position: 2, renumber: false, id: '00000000-0000-4000-8000-000000000000' }],
    ['a forged entry read after the one whose position it took', { kind: 'forge', position: 2, renumber: false, id: 'ffffffff-ffff-4fff-bfff-ffffffffffff' }],
    ['entries cut from the end', { kind: 'truncate', keep: 3 }],
  ])('detects %s, naming its position and entry', async (_name, t) => {
    const { orgId, ids } = await plantChain(database, 5);
    const expected = await tamper(database, orgId, ids, t);
    const report = await verifyAuditChain(database.db, orgId, 2);
    expect(report.problem).toMatchObject(expected);
    expect(report.verified).toBe(expected.position - 1);
  });

  it('detects any single tampering of a random chain, at the right place', { timeout: 300_000 }, async () => {
    const cases = fc.integer({ min: 2, max: 6 }).chain((n) => fc.tuple(fc.constant(n), tamperings(n), fc.integer({ min: 1, max: 4 })));
    await fc.assert(
      fc.asyncProperty(cases, async ([n, t, pageSize]) => {
        const { orgId, ids } = await plantChain(database, n);
        expect((await verifyAuditChain(database.db, orgId, pageSize)).problem).toBeNull();
        const expected = await tamper(database, orgId, ids, t);
        const report = await verifyAuditChain(database.db, orgId, pageSize);
        expect(report.problem).toMatchObject(expected);
      }),
      {
        numRuns: 60,
        examples: [
          [[4, { kind: 'alter', position: 1, field: 'prev_hash' }, 1]],
          [[4, { kind: 'alter', position: 4, field: 'created_at' }, 3]],
          [[3, { kind: 'forge', position: 4, renumber: false }, 2]],
          [[3, { kind: 'forge', position: 1, renumber: true }, 1]],
          [[2, { kind: 'truncate', keep: 0 }, 1]],
          [[5, { kind: 'swap', position: 5, other: 4 }, 2]],
        ],
      },
    );
  });

  it('keeps one unbroken chain under concurrent writers to one organisation', async () => {
    const orgId = randomUUID();
    await Promise.all(Array.from({ length: 12 }, (_, i) => database.db.transaction(async (tx) => {
      await recordAudit(tx, { actorAccountId: null, action: 'tag.apply', entityType: 'person', entityId: `c-${i}`, orgId });
      await recordAudit(tx, { actorAccountId: null, action: 'tag.remove', entityType: 'person', entityId: `c-${i}`, orgId });
    })));
    const report = await verifyAuditChain(database.db, orgId);
    expect(report).toMatchObject({ verified: 24, problem: null, head: { position: 24 } });
  });

  // Linking an entry locks its chain until commit. Were that lock taken at insert, a transaction
  // that audits and then takes another lock would deadlock with one that takes that lock and
  // then audits (two conversations naming the same new issue did exactly this).
  it.runIf(kind === 'postgres')('never deadlocks a transaction that audits before taking another lock', async () => {
    const orgId = randomUUID();
    await database.query('create table if not exists audit_lock_probe (k text primary key)');
    const key = randomUUID();
    let auditedFirst!: () => void;
    let lockedFirst!: () => void;
    const audited = new Promise<void>((r) => { auditedFirst = r; });
    const locked = new Promise<void>((r) => { lockedFirst = r; });
    const a = database.db.transaction(async (tx) => {
      await recordAudit(tx, { actorAccountId: null, action: 'tag.apply', entityType: 'person', entityId: 'a', orgId });
      auditedFirst();
      await locked;
      await execute(tx, sql`insert into audit_lock_probe (k) values (${key}) on conflict do nothing`);
    });
    const b = (async () => {
      await audited;
      await database.db.transaction(async (tx) => {
        await execute(tx, sql`insert into audit_lock_probe (k) values (${key}) on conflict do nothing`);
        lockedFirst();
        await recordAudit(tx, { actorAccountId: null, action: 'tag.remove', entityType: 'person', entityId: 'b', orgId });
      });
    })();
    await Promise.all([a, b]);
    expect(await verifyAuditChain(database.db, orgId)).toMatchObject({ verified: 2, problem: null, head: { position: 2 } });
  });
});

describe.each(testDatabaseKinds)('refusals in the chain on %s', (kind) => {
  it('chains auth.denied and auth.denied_suppressed rows like any other entry', async () => {
    const t = await createTestApp(kind, { RATE_LIMIT_MULTIPLIER: '1' });
    for (let i = 0; i < DENIED_PER_MINUTE + 3; i++) {
      expect((await t.request({ method: 'GET', url: '/api/units', token: `tdg_${'y'.repeat(40)}${i}` })).statusCode).toBe(401);
    }
    await t.app.close();
    const rows = await t.database.query<{ action: string; seq: string }>(`select action, seq from audit_events where action like 'auth.denied%' order by seq`);
    expect(rows.map((r) => r.action)).toContain('auth.denied_suppressed');
    expect(rows.every((r) => Number(r.seq) > 0)).toBe(true);
    const report = await verifyAuditChain(t.database.db, SYSTEM_CHAIN);
    expect(report.problem).toBeNull();
    expect(report.verified).toBeGreaterThanOrEqual(rows.length);
    await t.database.close();
  });
});

describe('the migration that chains existing entries', () => {
  it('chains entries written before it, oldest first, so that they verify', async () => {
    // Migrate a database to just before the chain, write entries as the old code did, then upgrade.
    const dir = mkdtempSync(join(tmpdir(), 'tredegar-chain-migration-'));
    try {
      cpSync(migrationsFolder, dir, { recursive: true });
      const journalFile = join(dir, 'meta', '_journal.json');
      const journal = JSON.parse(readFileSync(journalFile, 'utf8')) as { entries: { tag: string }[] };
      const cut = journal.entries.findIndex((e) => e.tag.endsWith('_audit_chain'));
      writeFileSync(journalFile, JSON.stringify({ ...journal, entries: journal.entries.slice(0, cut) }));
      const database = await connect({ dataDir: 'memory://' });
      try {
        await migratePglite(database.db as unknown as PgliteDatabase, { migrationsFolder: dir });
        const org = randomUUID();
        await database.query(`insert into audit_events (org_id, action, entity_type, created_at) values
          ($1, 'b', 'x', '2026-01-02T00:00:00Z'), ($1, 'a', 'x', '2026-01-01T00:00:00Z'), (null, 'c', 'x', '2026-01-03T00:00:00Z'), ($1, 'd', 'x', '2026-01-04T00:00:00Z')`, [org]);
        await migrate(database);
        expect((await database.query<{ action: string }>('select action from audit_events where chain_key = $1 order by seq', [org])).map((r) => r.action)).toEqual(['a', 'b', 'd']);
        expect(await verifyAuditChain(database.db, org)).toMatchObject({ verified: 3, problem: null });
        expect(await verifyAuditChain(database.db, SYSTEM_CHAIN)).toMatchObject({ verified: 1, problem: null });
        // New entries continue the migrated chain.
        await recordAudit(database.db, { actorAccountId: null, action: 'e', entityType: 'x', orgId: org });
        expect(await verifyAuditChain(database.db, org)).toMatchObject({ verified: 4, problem: null });
      } finally {
        await database.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe.each(testDatabaseKinds)('GET /api/audit/verify on %s', (kind) => {
  it('checks the caller\'s own organisation for root auditors only, and shows where it breaks', { timeout: 120_000 }, async () => {
    const t = await createTestApp(kind);
    try {
      const { root } = await buildOrg(t.ctx.db);
      const branch = await buildUnit(t.ctx.db, root.id);
      const { root: otherRoot } = await buildOrg(t.ctx.db);
      const dpo = await buildAccount(t.ctx, [{ unitId: root.id, role: 'dpo' }]);
      const national = await buildAccount(t.ctx, [{ unitId: root.id, role: 'national_admin' }]);
      const branchAdmin = await buildAccount(t.ctx, [{ unitId: branch.id, role: 'unit_admin' }]);
      const other = await buildAccount(t.ctx, [{ unitId: otherRoot.id, role: 'national_admin' }]);
      await recordAudit(t.ctx.db, [1, 2, 3].map((i) => ({ actorAccountId: null, action: 'tag.apply', entityType: 'person', entityId: `v-${i}`, orgId: root.orgId, unitId: branch.id })));
      await recordAudit(t.ctx.db, { actorAccountId: null, action: 'tag.apply', entityType: 'person', orgId: otherRoot.orgId });
      const verify = (token: string) => t.request({ method: 'GET', url: '/api/audit/verify', token });

      const ok = await verify(dpo.token);
      expect(ok.statusCode).toBe(200);
      expect(ok.json().items).toHaveLength(1);
      expect(ok.json().items[0]).toMatchObject({ orgId: root.orgId, problem: null, verifiedUpTo: { position: expect.any(Number) } });
      expect((await verify(national.token)).json().items[0].orgId).toBe(root.orgId);
      const refused = await verify(branchAdmin.token);
      expect(refused.statusCode).toBe(403);
      expect(refused.json().error.code).toBe('forbidden');
      expect((await t.request({ method: 'GET', url: '/api/audit/verify?org=x', token: dpo.token })).statusCode).toBe(422);

      // Tampering in one organisation shows there and nowhere else.
      const [victim] = await t.database.query<{ id: string; seq: string }>(`select id, seq from audit_events where entity_id = 'v-2'`);
      await t.database.query(`update audit_events set entity_id = 'v-9' where id = $1`, [victim!.id]);
      const broken = (await verify(dpo.token)).json().items[0];
      expect(broken.problem).toMatchObject({ kind: 'altered', id: victim!.id, position: Number(victim!.seq) });
      expect(broken.verifiedUpTo.position).toBe(Number(victim!.seq) - 1);
      expect((await verify(other.token)).json().items).toEqual([expect.objectContaining({ orgId: otherRoot.orgId, problem: null })]);
    } finally {
      await t.close();
    }
  });
});
