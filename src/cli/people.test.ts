import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKinds } from '../../test/databases.ts';
import { buildOrg, buildUnit } from '../../test/factories.ts';
import { cliDatabase, runCli, type CliDatabase } from '../../test/runCli.ts';
import type { DatabaseKind } from '../db/connection.ts';
import { tags } from '../modules/people/schema.ts';

describe.each(testDatabaseKinds)('tredegar people import and export on %s', (kind: DatabaseKind) => {
  let cdb: CliDatabase;
  let unitCode: string;
  let orgId: string;
  const cli = (...args: string[]) => runCli(cdb.env, ...args);
  const query = <T,>(text: string, params: unknown[] = []) => cdb.query<T>(text, params);

  beforeAll(async () => {
    cdb = await cliDatabase(kind, 'people-cli');
    const db = await cdb.open();
    const { org, root } = await buildOrg(db.db);
    const unit = await buildUnit(db.db, root.id);
    await db.db.insert(tags).values({ orgId: org.id, name: 'Housing', slug: 'housing' });
    unitCode = unit.code;
    orgId = org.id;
    await cdb.done(db);
  });
  afterAll(() => cdb.close());

  it('dry-runs, imports with a mapping override, writes the errors file, and re-runs without change', { timeout: 300_000 }, async () => {
    const file = join(cdb.dir, 'people.csv');
    writeFileSync(file, 'Given,Family,E-mail,Tags\nAnn,Jones,ann@example.org,Housing\nBob,Smith,bob@example.org,Nope\n=1+1,Formula,not-an-email,\n');
    const dry = await cli('people', 'import', file, '--unit', unitCode, '--map', 'Given=firstName', '--map', 'Family=lastName', '--dry-run');
    expect(dry.code, dry.err).toBe(0);
    expect(dry.out).toMatch(/^Dry run \(nothing written\): 3 rows into /);
    expect(dry.out).toContain('1 created, 0 updated, 0 unchanged, 2 with errors');
    expect(dry.err).toContain('Given → firstName');
    expect((await query<{ n: number }>('select count(*)::int as n from people'))[0]!.n).toBe(0);
    const dryErrors = parse(readFileSync(`${file}.errors.csv`, 'utf8'), { bom: true }) as string[][];
    expect(dryErrors.map((r) => r[0])).toEqual(['row', '3', '4']);

    const real = await cli('people', 'import', file, '--unit', unitCode, '--map', 'Given=firstName', '--map', 'Family=lastName');
    expect(real.code, real.err).toBe(0);
    expect(real.out).toContain('Imported: 3 rows');
    expect(real.out).toContain('1 created, 0 updated, 0 unchanged, 2 with errors');
    const errors = parse(readFileSync(`${file}.errors.csv`, 'utf8'), { bom: true }) as string[][];
    expect(errors[0]).toEqual(['row', 'field', 'column', 'message', 'Given', 'Family', 'E-mail', 'Tags']);
    expect(errors.slice(1).map((r) => [r[0], r[1]])).toEqual([['3', 'tags'], ['4', 'email']]);
    expect(errors[2]![4]).toBe("'=1+1");
    const [audit] = await query<{ actor_account_id: string | null; changes: { created: number } }>("select actor_account_id, changes from audit_events where action = 'people.import'");
    expect(audit).toMatchObject({ actor_account_id: null, changes: { created: 1 } });

    const again = await cli('people', 'import', file, '--unit', unitCode, '--map', 'Given=firstName', '--map', 'Family=lastName');
    expect(again.out).toContain('0 created, 0 updated, 1 unchanged, 2 with errors');
    expect((await query<{ n: number }>('select count(*)::int as n from people where org_id = $1', [orgId]))[0]!.n).toBe(1);
  });

  it('exports as the system, audited with no actor, to a file or standard output', { timeout: 300_000 }, async () => {
    const out = join(cdb.dir, 'export.csv');
    const res = await cli('people', 'export', '--unit', unitCode, '--tag', 'housing', '--out', out);
    expect(res.code, res.err).toBe(0);
    expect(res.err).toContain('Exported 1 people');
    const rows = parse(readFileSync(out, 'utf8'), { bom: true }) as string[][];
    expect(rows.slice(1).map((r) => [r[1], r[2]])).toEqual([['Ann', 'Jones']]);
    const stdout = await cli('people', 'export', '--q', 'jones');
    expect(stdout.code, stdout.err).toBe(0);
    expect(stdout.out).toContain('ann@example.org');
    const audits = await query<{ actor_account_id: string | null; changes: { count: number } }>("select actor_account_id, changes from audit_events where action = 'people.export' order by created_at");
    expect(audits).toEqual([
      { actor_account_id: null, changes: expect.objectContaining({ count: 1, filter: expect.objectContaining({ tag: ['housing'] }) }) },
      { actor_account_id: null, changes: expect.objectContaining({ count: 1, filter: { q: 'jones' } }) },
    ]);
  });

  it('fails with one clear line on fatal errors', { timeout: 300_000 }, async () => {
    const file = join(cdb.dir, 'bad.csv');
    writeFileSync(file, Buffer.from('Name\nZo\xeb\n', 'latin1'));
    const encoding = await cli('people', 'import', file, '--unit', unitCode);
    expect(encoding.code).toBe(1);
    expect(encoding.err.trim()).toMatch(/^tredegar: The file is not UTF-8 text/);
    const missing = await cli('people', 'import', join(cdb.dir, 'nope.csv'), '--unit', unitCode);
    expect(missing.err.trim()).toBe(`tredegar: No file at ${join(cdb.dir, 'nope.csv')}`);
    writeFileSync(file, 'Name,Email\nAnn,a@example.org\n');
    const mapping = await cli('people', 'import', file, '--unit', unitCode, '--map', 'Nope=email', '--map', 'Email=wat');
    expect(mapping.code).toBe(1);
    expect(mapping.err).toContain('The mapping is not valid');
    const unit = await cli('people', 'import', file, '--unit', 'no-such-unit');
    expect(unit.err.trim()).toBe('tredegar: no single unit with code "no-such-unit"');
    expect(existsSync(`${file}.errors.csv`)).toBe(false);
  });
});
