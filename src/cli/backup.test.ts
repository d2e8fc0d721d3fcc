import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKinds } from '../../test/databases.ts';
import { buildOrg, buildPerson, buildUnit } from '../../test/factories.ts';
import { cliDatabase, runCli, type CliDatabase } from '../../test/runCli.ts';
import type { DatabaseKind } from '../db/connection.ts';
import { recordAudit } from '../modules/audit/recordAudit.ts';

describe.each(testDatabaseKinds)('tredegar backup, restore and audit verify on %s', (kind: DatabaseKind) => {
  let cdb: CliDatabase;
  let slug: string;
  let orgId: string;
  let file: string;
  const cli = (...args: string[]) => runCli(cdb.env, ...args);

  beforeAll(async () => {
    cdb = await cliDatabase(kind, 'backup-cli');
    file = join(cdb.dir, 'nightly.tredegar.gz');
    const db = await cdb.open();
    const { org, root } = await buildOrg(db.db);
    slug = org.slug;
    orgId = org.id;
    const unit = await buildUnit(db.db, root.id);
    for (let i = 0; i < 3; i++) await buildPerson(db.db, unit);
    await recordAudit(db.db, [1, 2, 3].map((i) => ({ actorAccountId: null, action: 'person.update', entityType: 'person', entityId: `p-${i}`, orgId: org.id })));
    await cdb.done(db);
  });
  afterAll(() => cdb.close());

  it('backs up, refuses to restore over data without --force, restores with it, and the chain verifies', { timeout: 300_000 }, async () => {
    const backup = await cli('backup', file);
    expect(backup.code, backup.err).toBe(0);
    expect(backup.out).toMatch(/^backed up \d+ rows from \d+ tables to .*nightly\.tredegar\.gz in [\d.]+ s\n$/);

    await cdb.query(`update organisations set name = 'Renamed since' where id = $1`, [orgId]);
    await cdb.query('delete from people');
    const refused = await cli('restore', file);
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/^tredegar: The database is not empty .*--force/);
    expect(await cdb.query('select count(*)::int as n from people')).toEqual([{ n: 0 }]);

    const restored = await cli('restore', file, '--force');
    expect(restored.code, restored.err).toBe(0);
    expect(restored.out).toMatch(/^restored \d+ rows into \d+ tables from the backup of .*, replacing what was there\n$/);
    expect(await cdb.query('select name from organisations where id = $1', [orgId])).not.toEqual([{ name: 'Renamed since' }]);
    expect(await cdb.query('select count(*)::int as n from people')).toEqual([{ n: 3 }]);

    const verify = await cli('audit', 'verify');
    expect(verify.code, verify.err).toBe(0);
    expect(verify.out).toContain(`${slug}: 3 entries verified up to `);
    expect(verify.out).toContain('(sign-ins and refusals)');
  });

  it('refuses a truncated backup with one clear line and changes nothing', { timeout: 300_000 }, async () => {
    const cut = join(cdb.dir, 'cut.gz');
    const bytes = readFileSync(file);
    writeFileSync(cut, bytes.subarray(0, bytes.length - 20));
    const before = await cdb.query('select count(*)::int as n from audit_events');
    const res = await cli('restore', cut, '--force');
    expect(res.code).toBe(1);
    expect(res.err).toMatch(/^tredegar: The file .*cut\.gz cannot be restored: it cannot be read \(unexpected end of file\)\.\n$/);
    expect(await cdb.query('select count(*)::int as n from audit_events')).toEqual(before);
  });

  it('exits 2 naming the entry and position when the chain is broken, and 1 for an unknown organisation', { timeout: 300_000 }, async () => {
    const [second] = await cdb.query<{ id: string }>('select id from audit_events where chain_key = $1 and seq = 2', [orgId]);
    await cdb.query(`update audit_events set changes = '{"forged": true}' where id = $1`, [second!.id]);
    const res = await cli('audit', 'verify', '--org', slug);
    expect(res.code).toBe(2);
    expect(res.err).toContain(`${slug}: BROKEN at position 2 (entry ${second!.id}): altered`);
    expect(res.err).toContain('intact up to position 1');
    const unknown = await cli('audit', 'verify', '--org', 'no-such-org');
    expect(unknown.code).toBe(1);
    expect(unknown.err).toBe('tredegar: no organisation with slug "no-such-org"\n');
  });
});
