import { eq, inArray } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAccount, buildOrg, buildPerson, buildUnit } from '../../../test/factories.ts';
import { createTestApp, testDatabaseKinds, type TestApp } from '../../../test/harness.ts';
import { conversationOrganisers, conversations } from '../conversations/schema.ts';
import { followUps } from '../follow-ups/schema.ts';
import { leaderDevelopment } from '../leaders/schema.ts';
import { rolePermissions } from './permissions.ts';
import { accounts, roles, type Role } from './schema.ts';

type Unit = { id: string; orgId: string; name: string };

/**
 * The writes that name a colleague accept exactly the accounts the directory lists for the
 * same caller: co-organisers and follow-up assignees (can=log), mentors (can=mentor).
 */
describe.each(testDatabaseKinds)('naming a colleague agrees with the directory on %s', (kind) => {
  let t: TestApp;
  const u = {} as Record<'root' | 'region' | 'branch1' | 'ward1' | 'branch2' | 'orgB' | 'orgBBranch', Unit>;
  beforeAll(async () => {
    t = await createTestApp(kind);
    const db = t.ctx.db;
    const a = await buildOrg(db, { name: 'Merthyr Party' });
    const b = await buildOrg(db, { name: 'Other Party' });
    u.root = a.root;
    u.region = await buildUnit(db, a.root.id, { kind: 'region', name: 'Valleys Region' });
    u.branch1 = await buildUnit(db, u.region.id, { name: 'Dowlais Branch' });
    u.ward1 = await buildUnit(db, u.branch1.id, { name: 'Penydarren Ward' });
    u.branch2 = await buildUnit(db, u.region.id, { name: 'Treharris Branch' });
    u.orgB = b.root;
    u.orgBBranch = await buildUnit(db, b.root.id, { name: 'Other Branch' });
  });
  afterAll(() => t.close());
  const db = () => t.ctx.db;

  it('accepts a named account exactly when the directory, asked by the same caller for the record’s organisation, lists it', async () => {
    const units = [u.root, u.region, u.branch1, u.ward1, u.branch2, u.orgB, u.orgBBranch];
    const rootOf = (unit: Unit) => (unit.orgId === u.orgB.orgId ? u.orgB : u.root);
    const purposes = { log: 'conversations.log', mentor: 'ladder.manage' } as const;
    // Every role, with those that may pick someone more often, so most runs reach the writes.
    const role = fc.oneof({ arbitrary: fc.constantFrom<Role>('volunteer', 'organiser'), weight: 2 }, { arbitrary: fc.constantFrom(...roles), weight: 3 });
    const grant = fc.record({ unit: fc.nat({ max: units.length - 1 }), role });
    const person = fc.record({ grants: fc.array(grant, { maxLength: 3 }), disabled: fc.boolean() });
    let run = 0;
    let accepted = 0;
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(person, { minLength: 1, maxLength: 6 }),
        fc.nat(), fc.nat(), fc.nat(),
        fc.constantFrom('log', 'mentor'),
        async (folk, callerPick, topPick, candidatePick, can) => {
          const tag = `zp${kind}${++run}x`;
          const made: { id: string; token: string; disabled: boolean; grants: { unitId: string; role: Role }[] }[] = [];
          for (const [i, p] of folk.entries()) {
            const grants = [...new Map(p.grants.map((g) => [`${g.unit}:${g.role}`, { unitId: units[g.unit]!.id, role: g.role }])).values()];
            const built = await buildAccount(t.ctx, grants, { displayName: `${tag} ${i}` });
            made.push({ id: built.account.id, token: built.token, disabled: p.disabled, grants });
          }
          const disabled = made.filter((m) => m.disabled).map((m) => m.id);
          if (disabled.length) await t.ctx.db.update(accounts).set({ disabledAt: new Date() }).where(inArray(accounts.id, disabled));
          const active = made.filter((m) => !m.disabled);
          if (active.length === 0) return;
          const holds = (m: (typeof made)[number]) => m.grants.filter((g) => rolePermissions[g.role].includes(purposes[can]));
          // Callers without the permission are refused by both (403), as the directory test shows.
          const callers = active.filter((m) => holds(m).length > 0);
          if (callers.length === 0) return;
          const caller = callers[callerPick % callers.length]!;
          const tops = holds(caller);
          // The record lives in a unit where the caller may do what the pick is for.
          const unit = units.find((x) => x.id === tops[topPick % tops.length]!.unitId)!;
          // Anyone made in this run (the caller too, disabled ones too), or an id nobody has.
          const candidate = candidatePick % (made.length + 1) === made.length ? crypto.randomUUID() : made[candidatePick % (made.length + 1)]!.id;

          const dir = await t.request({ method: 'GET', url: `/api/accounts/directory?can=${can}&q=${tag}&unit=${rootOf(unit).id}&limit=200`, token: caller.token });
          expect(dir.statusCode, dir.body).toBe(200);
          const listed = (dir.json().items as { id: string }[]).some((i) => i.id === candidate);
          if (listed) accepted++;
          else refused++;

          const subject = await buildPerson(t.ctx.db, unit, { firstName: tag });
          const send = (method: 'POST' | 'PATCH', url: string, payload: object) => t.request({ method, url, token: caller.token, payload });
          const expectOutcome = (res: { statusCode: number; body: string; json: () => { error: { details: { path: string }[] } } }, ok: number, path: string, label: string) => {
            expect(res.statusCode, `${label}: ${res.body.slice(0, 300)}`).toBe(listed ? ok : 422);
            if (!listed) expect(res.json().error.details.map((d) => d.path), label).toEqual([path]);
          };
          const at = new Date(Date.UTC(2024, 0, 1) + run * 60_000).toISOString();
          if (can === 'log') {
            const logged = await send('POST', '/api/conversations', { kind: 'phone', people: [subject.id], occurredAt: at, outcome: 'not_home', organisers: [candidate] });
            expectOutcome(logged, 201, 'organisers.0', 'co-organiser');
            const withFollowUp = await send('POST', '/api/conversations', { kind: 'phone', people: [subject.id], occurredAt: at, followUps: [{ dueOn: '2024-02-01' }, { dueOn: '2024-02-02', assigneeAccountId: candidate }] });
            expectOutcome(withFollowUp, 201, 'followUps.1.assigneeAccountId', 'follow-up in a conversation');
            const plain = await send('POST', '/api/conversations', { kind: 'phone', people: [subject.id], occurredAt: at });
            expect(plain.statusCode, plain.body).toBe(201);
            const edited = await send('PATCH', `/api/conversations/${plain.json().id}`, { organisers: [candidate] });
            expectOutcome(edited, 200, 'organisers.0', 'co-organiser added by an edit');
            const added = await send('POST', '/api/follow-ups', { personId: subject.id, dueOn: '2024-02-03', assigneeAccountId: candidate });
            expectOutcome(added, 201, 'assigneeAccountId', 'follow-up on its own');
            // Nothing of a refused write is left behind: only the plain conversation.
            expect(await db().$count(conversations, eq(conversations.personId, subject.id))).toBe(listed ? 3 : 1);
            expect(await db().$count(followUps, eq(followUps.personId, subject.id))).toBe(listed ? 3 : 0);
            expect(await db().$count(conversationOrganisers, eq(conversationOrganisers.personId, subject.id))).toBe(listed ? 3 + (candidate === caller.id ? 0 : 2) : 1);
          } else {
            const marked = await send('POST', `/api/leaders/${subject.id}/develop`, { mentorAccountId: candidate });
            expectOutcome(marked, 201, 'mentorAccountId', 'mentor');
            expect(await db().$count(leaderDevelopment, eq(leaderDevelopment.personId, subject.id))).toBe(listed ? 1 : 0);
          }
        },
      ),
      { numRuns: 50 },
    );
    // Both answers were exercised.
    expect(accepted).toBeGreaterThan(0);
    expect(refused).toBeGreaterThan(0);
  }, 600_000);
});
