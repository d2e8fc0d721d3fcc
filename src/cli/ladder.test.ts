import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKinds } from '../../test/databases.ts';
import { buildOrg, buildPerson, buildUnit } from '../../test/factories.ts';
import { cliDatabase, runCli, type CliDatabase } from '../../test/runCli.ts';
import type { DatabaseKind } from '../db/connection.ts';
import { ladderLevels } from '../modules/ladder/schema.ts';
import { relationships } from '../modules/relationships/schema.ts';

describe.each(testDatabaseKinds)('tredegar ladder recompute on %s', (kind: DatabaseKind) => {
  let cdb: CliDatabase;
  let slug: string;
  const cli = (...args: string[]) => runCli(cdb.env, ...args);

  beforeAll(async () => {
    cdb = await cliDatabase(kind, 'ladder-cli');
    const db = await cdb.open();
    const { org, root } = await buildOrg(db.db);
    slug = org.slug;
    const unit = await buildUnit(db.db, root.id);
    const folk = [];
    for (let i = 0; i < 5; i++) folk.push(await buildPerson(db.db, unit));
    // Levels written straight to the table, as if the rules had just changed: nobody has a standing yet.
    await db.db.insert(ladderLevels).values([
      { orgId: org.id, position: 1, key: 'recruiter', label: 'Recruiter', rule: { all: [{ metric: 'people_recruited', atLeast: 1, withinDays: null }] } },
      { orgId: org.id, position: 2, key: 'big_recruiter', label: 'Big recruiter', rule: { all: [{ metric: 'people_recruited', atLeast: 2, withinDays: null }] } },
    ]);
    await db.db.insert(relationships).values([
      { orgId: org.id, type: 'recruited', personId: folk[0]!.id, otherPersonId: folk[1]!.id, occurredOn: '2024-01-01' },
      { orgId: org.id, type: 'recruited', personId: folk[0]!.id, otherPersonId: folk[2]!.id, occurredOn: '2024-01-01' },
      { orgId: org.id, type: 'recruited', personId: folk[3]!.id, otherPersonId: folk[4]!.id, occurredOn: '2024-01-01' },
    ]);
    await cdb.done(db);
  });
  afterAll(() => cdb.close());

  it('recomputes everyone in batches and reports what moved; a re-run changes nothing', { timeout: 300_000 }, async () => {
    const run = await cli('ladder', 'recompute', '--org', slug, '--batch', '2');
    expect(run.code, run.err).toBe(0);
    expect(run.out).toMatch(new RegExp(`^${slug}: 5 people in 3 batches, 2 level changes, 2 standings written`));
    const levels = await cdb.query<{ key: string; n: number }>('select l.key, count(*)::int as n from person_ladder pl join ladder_levels l on l.id = pl.level_id group by l.key order by l.key');
    expect(levels).toEqual([{ key: 'big_recruiter', n: 1 }, { key: 'recruiter', n: 1 }]);
    const again = await cli('ladder', 'recompute');
    expect(again.code, again.err).toBe(0);
    expect(again.out).toContain(`${slug}: 5 people in 1 batches, 0 level changes, 0 standings written`);
  });

  it('refuses an unknown organisation or a bad batch size with one clear line', { timeout: 300_000 }, async () => {
    const unknown = await cli('ladder', 'recompute', '--org', 'no-such-org');
    expect(unknown.code).toBe(1);
    expect(unknown.err).toBe('tredegar: no organisation with slug "no-such-org"\n');
    const bad = await cli('ladder', 'recompute', '--batch', '0');
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('--batch');
  });
});
