import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAccount } from '../../../test/factories.ts';
import { createTestApp, testDatabaseKinds, type TestApp } from '../../../test/harness.ts';
import type { Actor } from '../accounts/actor.ts';
import { accounts } from '../accounts/schema.ts';
import { commitments } from '../commitments/schema.ts';
import { followUps } from '../follow-ups/schema.ts';
import { people } from '../people/schema.ts';
import { importConversations } from './importConversations.ts';
import { conversationIssues, conversationPeople, conversations } from './schema.ts';
import { buildConversationWorld, geo, type ConversationWorld } from './testing/conversationWorld.ts';

const dir = mkdtempSync(join(tmpdir(), 'tredegar-paper-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.each(testDatabaseKinds)('importing conversation sheets on %s', (kind) => {
  let t: TestApp;
  let w: ConversationWorld;
  let vol1Email: string;
  beforeAll(async () => {
    t = await createTestApp(kind);
    w = await buildConversationWorld(t);
    vol1Email = (await t.ctx.db.select().from(accounts).where(eq(accounts.id, w.accounts.vol1.id)))[0]!.email;
  });
  afterAll(() => t.close());

  const system = (): Actor => ({ accountId: '00000000-0000-0000-0000-000000000000', email: 'system', displayName: 'test', via: 'system', grants: [{ unitId: w.root.id, unitPath: w.root.path, orgId: w.orgA.id, role: 'national_admin' }] });
  const sheet = (name: string, lines: string[]) => {
    const path = join(dir, `${kind}-${name}.csv`);
    writeFileSync(path, lines.join('\n'));
    return path;
  };
  const run = async (path: string, dryRun = false) => {
    const errors: { row: number; messages: string[] }[] = [];
    const result = await importConversations(t.ctx.db, { path, unit: w.b1, unitGiven: true, actor: system(), dryRun, onRowError: (row, errs) => void errors.push({ row, messages: errs.map((e) => `${e.path}: ${e.message}`) }) });
    return { result, errors };
  };

  it('imports rows, matching people by email or phone and adding the rest; reports bad rows; a re-run adds nothing', async () => {
    const path = sheet('main', [
      'Date,Organiser email,Name,Email,Phone,Postcode,Kind,Outcome,Issues,Notes,Commitment,Follow-up date',
      `04/03/2025,${vol1Email},Alys Morgan,${w.people.p1.email},,,one to one,spoke,Damp and mould; Rents; Bins left for weeks,Keen to meet neighbours,attend: maybe,2025-03-18`,
      `2025-03-05,${vol1Email},,,${w.people.p2.phone},,doorstep,spoke,Buses,,,`,
      `2025-03-05,${vol1Email},Gwen Price,gwen.price@example.org,,DN3 3AA,doorstep,spoke,Wages,,host a street party,`,
      `2025-03-06,${vol1Email},Gwen P,GWEN.PRICE@example.org,,,phone,not home,,,,2025-03-08`,
      `31/02/2025,${vol1Email},Nobody,,,,doorstep,spoke,,,,`,
      `2025-03-07,nobody@example.org,Someone,,,,doorstep,spoke,,,,`,
      `2025-03-07,${vol1Email},Ifan,,,,teleport,spoke,,,,`,
      `2025-03-07,${vol1Email},Ifan,,,,doorstep,not home,Buses,,,`,
    ]);
    const dry = await run(path, true);
    expect(dry.result).toEqual({ totalRows: 8, created: 4, alreadyImported: 0, errors: 4 });
    expect(await t.ctx.db.$count(conversations, eq(conversations.source, 'paper'))).toBe(0);

    const { result, errors } = await run(path);
    expect(result).toEqual({ totalRows: 8, created: 4, alreadyImported: 0, errors: 4 });
    expect(errors.map((e) => e.row)).toEqual([6, 7, 8, 9]);
    expect(errors[0]!.messages.join()).toMatch(/^date: Not a real date/);
    expect(errors[1]!.messages.join()).toContain('No account "nobody@example.org"');
    expect(errors[2]!.messages.join()).toContain('Unknown kind "teleport"');
    expect(errors[3]!.messages.join()).toMatch(/^issues: /);

    const db = t.ctx.db;
    const imported = await db.select().from(conversations).where(eq(conversations.source, 'paper')).orderBy(conversations.occurredAt);
    expect(imported.map((c) => [c.personId, c.kind, c.outcome, c.createdBy])).toEqual([
      [w.people.p1.id, 'one_to_one', 'spoke', w.accounts.vol1.id],
      [w.people.p2.id, 'doorstep', 'spoke', w.accounts.vol1.id],
      [expect.any(String), 'doorstep', 'spoke', w.accounts.vol1.id],
      [expect.any(String), 'phone', 'not_home', w.accounts.vol1.id],
    ]);
    // Noon in the UK on the day written.
    expect(new Date(imported[0]!.occurredAt).toISOString()).toBe('2025-03-04T12:00:00.000Z');
    expect(imported[0]!.story).toBe('Keen to meet neighbours');
    // Gwen was added by row 4 and found again by email in row 5.
    expect(imported[2]!.personId).toBe(imported[3]!.personId);
    const [gwen] = await db.select().from(people).where(eq(people.id, imported[2]!.personId));
    expect(gwen).toMatchObject({ firstName: 'Gwen', lastName: 'Price', unitId: w.b1.id, wardCode: geo.armthorpe, source: 'paper' });
    const raised = await db.select().from(conversationIssues).where(eq(conversationIssues.conversationId, imported[0]!.id));
    expect(raised.map((r) => r.rawText).sort()).toEqual(['Bins left for weeks', 'Damp and mould', 'Rents']);
    const [c1] = await db.select().from(commitments).where(eq(commitments.conversationId, imported[0]!.id));
    expect(c1).toMatchObject({ ask: 'attend', answer: 'maybe' });
    const [c3] = await db.select().from(commitments).where(eq(commitments.conversationId, imported[2]!.id));
    expect(c3).toMatchObject({ ask: 'custom', customText: 'host a street party', answer: 'yes' });
    expect(await db.$count(followUps, eq(followUps.conversationId, imported[3]!.id))).toBe(1);

    const again = await run(path);
    expect(again.result).toEqual({ totalRows: 8, created: 0, alreadyImported: 4, errors: 4 });
    expect(await db.$count(conversations, eq(conversations.source, 'paper'))).toBe(4);
    expect(await db.$count(conversationPeople, eq(conversationPeople.personId, imported[2]!.personId))).toBe(2);
  });

  it('takes as organiser anyone active who logs conversations somewhere in the organisation, and nobody else', async () => {
    const db = t.ctx.db;
    const gone = await buildAccount(t.ctx, [{ unitId: w.b1.id, role: 'volunteer' }], { displayName: 'Gwilym Gone' });
    await db.update(accounts).set({ disabledAt: new Date() }).where(eq(accounts.id, gone.account.id));
    const emailOf = async (id: string) => (await db.select({ email: accounts.email }).from(accounts).where(eq(accounts.id, id)))[0]!.email;
    const a = w.accounts;
    const [sibling, root, member, dpo, other, disabled] = await Promise.all([a.siblingOrganiser, a.rootAdmin, a.member, a.dpo, a.orgBAdmin].map((x) => emailOf(x.id)).concat(emailOf(gone.account.id)));
    const path = sheet('organisers', [
      'Date,Organiser email,Name,Kind,Outcome,Follow-up date',
      ...[sibling, root, member, dpo, other, disabled].map((email, i) => `2025-04-0${i + 1},${email},Person ${i},doorstep,spoke,2025-04-20`),
    ]);
    const before = await db.$count(conversations, eq(conversations.source, 'paper'));
    const { result, errors } = await run(path);
    expect(result).toMatchObject({ created: 2, errors: 4 });
    expect(errors.map((e) => e.row)).toEqual([4, 5, 6, 7]);
    for (const e of errors) expect(e.messages.join()).toMatch(/^organiser: No account ".*" logs conversations in this organisation\.$/);
    const made = await db.select({ createdBy: conversations.createdBy, id: conversations.id }).from(conversations).where(eq(conversations.source, 'paper'));
    expect(made.length).toBe(before + 2);
    expect(made.map((m) => m.createdBy)).toEqual(expect.arrayContaining([a.siblingOrganiser.id, a.rootAdmin.id]));
    const assigned = await db.select({ assignee: followUps.assigneeAccountId }).from(followUps).where(eq(followUps.dueOn, '2025-04-20'));
    expect(assigned.map((f) => f.assignee).sort()).toEqual([a.siblingOrganiser.id, a.rootAdmin.id].sort());
  });

  it('refuses a file with a column it does not understand, writing nothing', async () => {
    const path = sheet('unknown', ['date,organiser email,name,shoe size', `2025-03-04,${vol1Email},Alys,9`]);
    await expect(run(path)).rejects.toThrow(/Unknown column "shoe size"/);
  });
});

describe('tredegar conversations import', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'tredegar-cli-conv-'));
  const env = { ...process.env, TREDEGAR_DATA_DIR: dataDir, DATABASE_URL: '', LOG_LEVEL: 'silent', NODE_ENV: 'development' };
  const cli = (...args: string[]) => {
    const r = spawnSync(process.execPath, ['bin/tredegar.js', ...args], { env, encoding: 'utf8', timeout: 300_000 });
    return { code: r.status, out: r.stdout, err: r.stderr };
  };
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('dry-runs, imports with per-row errors in FILE.errors.csv, and adds nothing on a re-run', () => {
    expect(cli('seed', 'demo', '--people', '20').code).toBe(0);
    const path = join(dataDir, 'sheet.csv');
    writeFileSync(path, [
      'date,organiser email,name,phone,kind,outcome,issues,notes',
      '2025-03-04,volunteer@demo.tredegar.local,Marged Rees,07700 900111,doorstep,spoke,Buses; Damp and mould,Wants the 57 back',
      '2025-03-04,ghost@example.org,Someone,,doorstep,spoke,,',
    ].join('\n'));
    const dry = cli('conversations', 'import', path, '--unit', 'doncaster-central-town', '--dry-run');
    expect(dry.out.trim()).toBe(`Dry run (nothing written): 2 rows — 1 would be logged, 0 already imported, 1 with errors (see ${path}.errors.csv).`);
    expect(dry.err).toContain('row 3: organiser: No account "ghost@example.org"');
    const real = cli('conversations', 'import', path, '--unit', 'doncaster-central-town');
    expect(real.code).toBe(0);
    expect(real.out).toContain('1 logged, 0 already imported, 1 with errors');
    expect(existsSync(`${path}.errors.csv`)).toBe(true);
    expect(readFileSync(`${path}.errors.csv`, 'utf8')).toContain('3,organiser,');
    expect(cli('conversations', 'import', path, '--unit', 'doncaster-central-town').out).toContain('0 logged, 1 already imported');
    const bad = cli('conversations', 'import', join(dataDir, 'missing.csv'));
    expect(bad.code).toBe(1);
  }, 600_000);
});
