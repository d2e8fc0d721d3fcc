import { and, eq, inArray } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, testDatabaseKinds, type TestApp } from '../../../test/harness.ts';
import { auditEvents } from '../audit/schema.ts';
import { buildConversationWorld, fullSubmission, type ConversationWorld } from './testing/conversationWorld.ts';

type Item = { id: string; sensitive: boolean; notes?: unknown; issues?: unknown; assessments?: unknown };

describe.each(testDatabaseKinds)('who sees which conversation on %s', (kind) => {
  let t: TestApp;
  let w: ConversationWorld;
  const ids = {} as Record<'own1' | 'own2' | 'outer' | 'shared' | 'sibling' | 'orgB', string>;
  beforeAll(async () => {
    t = await createTestApp(kind);
    w = await buildConversationWorld(t);
    const log = async (token: string, body: object) => {
      const res = await t.request({ method: 'POST', url: '/api/conversations', token, payload: body });
      expect(res.statusCode, res.body).toBe(201);
      return res.json().id as string;
    };
    const a = w.accounts;
    ids.own1 = await log(a.vol1.token, fullSubmission(w.people.p1.id));
    ids.own2 = await log(a.vol2.token, fullSubmission(w.people.p2.id));
    ids.outer = await log(a.organiser.token, fullSubmission(w.people.p3.id));
    ids.shared = await log(a.vol2.token, fullSubmission(w.people.p1.id, { notes: { story: 'Told to vol2 only' } }));
    ids.sibling = await log(a.siblingOrganiser.token, fullSubmission(w.people.siblingPerson.id, { notes: { story: 'siblingcanary notes' }, issues: [{ text: 'Siblingcanary issue' }] }));
    ids.orgB = await log(a.orgBAdmin.token, fullSubmission(w.people.otherPerson.id, { notes: { story: 'orgcanary notes' } }));
  });
  afterAll(() => t.close());

  const list = async (token: string, query = '') => {
    const res = await t.request({ method: 'GET', url: `/api/conversations?limit=200${query}`, token });
    expect(res.statusCode, res.body).toBe(200);
    return { items: res.json().items as Item[], body: res.body };
  };
  const canaries = /siblingcanary|orgcanary|quillon|zephyrine/i;

  it('shows a volunteer their own conversations, and their own people’s without the notes', async () => {
    const { items, body } = await list(w.accounts.vol1.token);
    expect(items.map((i) => i.id).sort()).toEqual([ids.own1, ids.shared].sort());
    const own = items.find((i) => i.id === ids.own1)!;
    expect(own.sensitive).toBe(true);
    expect(own.notes).toBeDefined();
    const theirs = items.find((i) => i.id === ids.shared)!;
    expect(theirs.sensitive).toBe(false);
    // Left out, not blanked.
    expect(Object.keys(theirs)).not.toEqual(expect.arrayContaining(['notes']));
    expect('issues' in theirs || 'assessments' in theirs || 'notes' in theirs).toBe(false);
    expect(body).not.toContain('Told to vol2 only');
    expect(body).not.toMatch(canaries);
  });

  it('shows an organiser, a DPO and admins of the unit everything in it, with notes; nothing from a sibling unit or another organisation', async () => {
    for (const role of ['organiser', 'dpo', 'unit_admin', 'national_admin'] as const) {
      const { items, body } = await list(w.accounts[role].token);
      expect(items.map((i) => i.id).sort(), role).toEqual([ids.own1, ids.own2, ids.outer, ids.shared].sort());
      expect(items.every((i) => i.sensitive && i.notes !== undefined), role).toBe(true);
      expect(body, role).not.toMatch(canaries);
    }
    const root = await list(w.accounts.rootAdmin.token);
    expect(root.items.map((i) => i.id)).toContain(ids.sibling);
    expect(root.items.map((i) => i.id)).not.toContain(ids.orgB);
  });

  it('answers 404 for records out of scope by id, by filter and on the timeline, and 403 to roles without conversations', async () => {
    const tok = w.accounts.organiser.token;
    for (const id of [ids.sibling, ids.orgB]) {
      for (const method of ['GET', 'PATCH', 'DELETE'] as const) {
        const res = await t.request({ method, url: `/api/conversations/${id}`, token: tok, ...(method === 'PATCH' ? { payload: { durationMinutes: 1 } } : {}) });
        expect(res.statusCode, `${method} ${id}`).toBe(404);
        expect(res.body).not.toMatch(canaries);
      }
    }
    for (const q of [`&person=${w.people.siblingPerson.id}`, `&unit=${w.sibling.id}`, `&person=${w.people.otherPerson.id}`, `&organiser=${w.accounts.siblingOrganiser.id}`]) {
      const { items } = await list(tok, q);
      expect(items, q).toEqual([]);
    }
    expect((await t.request({ method: 'GET', url: `/api/people/${w.people.siblingPerson.id}/timeline`, token: tok })).statusCode).toBe(404);
    expect((await t.request({ method: 'GET', url: '/api/conversations', token: w.accounts.member.token })).statusCode).toBe(403);
    const dpoLogs = await t.request({ method: 'POST', url: '/api/conversations', token: w.accounts.dpo.token, payload: fullSubmission(w.people.p1.id) });
    expect(dpoLogs.statusCode).toBe(403);
    // A volunteer cannot log with someone outside their units: the person is unknown to them.
    const reach = await t.request({ method: 'POST', url: '/api/conversations', token: w.accounts.vol1.token, payload: fullSubmission(w.people.p3.id) });
    expect(reach.statusCode).toBe(422);
    expect(reach.json().error.details).toEqual([{ path: 'people.0', message: expect.any(String) }]);
  });

  it('audits every read of notes, issues or assessments, one row per person read about, in one request', async () => {
    const res = await t.request({ method: 'GET', url: '/api/conversations?limit=200', token: w.accounts.vol2.token });
    const items = res.json().items as Item[];
    const rows = await t.ctx.db.select().from(auditEvents).where(eq(auditEvents.action, 'conversation.read_sensitive'));
    const mine = rows.filter((r) => r.actorAccountId === w.accounts.vol2.id);
    const requestIds = new Set(mine.map((r) => r.requestId));
    expect(requestIds.size).toBe(1);
    const sensitive = items.filter((i) => i.sensitive).map((i) => i.id).sort();
    // vol2 sees vol1's conversation with Alys only without notes, so it is not in the audit.
    expect(sensitive).toEqual([ids.own2, ids.shared].sort());
    expect(mine.map((r) => r.entityId).sort()).toEqual([w.people.p1.id, w.people.p2.id].sort());
    expect(mine.find((r) => r.entityId === w.people.p1.id)!.changes).toEqual({ conversations: [ids.shared], fields: ['assessments', 'issues', 'notes'] });

    // A read without special category data writes nothing.
    const before = await t.ctx.db.$count(auditEvents, eq(auditEvents.action, 'conversation.read_sensitive'));
    expect((await t.request({ method: 'GET', url: `/api/conversations/${ids.own1}`, token: w.accounts.vol2.token })).json().sensitive).toBe(false);
    expect(await t.ctx.db.$count(auditEvents, eq(auditEvents.action, 'conversation.read_sensitive'))).toBe(before);

    // The timeline's assessments are audited too.
    const seen = new Set((await t.ctx.db.select({ id: auditEvents.id }).from(auditEvents).where(eq(auditEvents.actorAccountId, w.accounts.dpo.id))).map((r) => r.id));
    const tl = await t.request({ method: 'GET', url: `/api/people/${w.people.p2.id}/timeline`, token: w.accounts.dpo.token });
    expect(tl.statusCode).toBe(200);
    expect(tl.json().assessments.length).toBe(3);
    const dpoRows = await t.ctx.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'conversation.read_sensitive'), eq(auditEvents.actorAccountId, w.accounts.dpo.id)));
    expect(dpoRows.filter((r) => !seen.has(r.id)).map((r) => r.entityId)).toEqual([w.people.p2.id]);
  });

  it('keeps commitments and follow-ups in the same scope', async () => {
    const c = await t.request({ method: 'GET', url: '/api/commitments?limit=200', token: w.accounts.vol1.token });
    expect(new Set(c.json().items.map((x: { conversationId: string }) => x.conversationId))).toEqual(new Set([ids.own1, ids.shared]));
    const f = await t.request({ method: 'GET', url: '/api/follow-ups?limit=200&status=all', token: w.accounts.organiser.token });
    expect(new Set(f.json().items.map((x: { conversationId: string }) => x.conversationId))).toEqual(new Set([ids.own1, ids.own2, ids.outer, ids.shared]));
    expect(f.body).not.toMatch(canaries);
  });

  it('matches a reference model of visibility for random conversations between random people and organisers', async () => {
    const a = w.accounts;
    const units = { b1: 'b1', b2: 'b2', s: 's' } as const;
    const personUnit: Record<string, string> = { [w.people.p1.id]: units.b1, [w.people.p2.id]: units.b1, [w.people.p3.id]: units.b2, [w.people.siblingPerson.id]: units.s };
    const accounts = { vol1: a.vol1, vol2: a.vol2, vol2b: a.vol2b, organiser: a.organiser, dpo: a.dpo, member: a.member, siblingOrganiser: a.siblingOrganiser };
    type Who = keyof typeof accounts;
    // Units each account holds a role on (its subtree), and what the role allows.
    const reach: Record<Who, { units: string[]; read: boolean; log: boolean }> = {
      vol1: { units: [units.b1], read: false, log: true }, vol2: { units: [units.b1], read: false, log: true }, vol2b: { units: [units.b2], read: false, log: true },
      organiser: { units: [units.b1, units.b2], read: true, log: true }, dpo: { units: [units.b1, units.b2], read: true, log: false },
      member: { units: [units.b1, units.b2], read: false, log: false }, siblingOrganiser: { units: [units.s], read: true, log: true },
    };
    const loggers: [Who, string][] = [['vol1', w.people.p1.id], ['vol1', w.people.p2.id], ['vol2', w.people.p1.id], ['vol2', w.people.p2.id], ['vol2b', w.people.p3.id], ['organiser', w.people.p3.id], ['organiser', w.people.p1.id], ['siblingOrganiser', w.people.siblingPerson.id]];
    const coCandidates: Who[] = ['vol1', 'vol2', 'vol2b', 'siblingOrganiser'];
    // Whom each logger may name as a co-organiser: colleagues who log in the logger's own units.
    const mayName: Partial<Record<Who, Who[]>> = { vol1: ['vol1', 'vol2'], vol2: ['vol1', 'vol2'], vol2b: ['vol2b'], organiser: ['vol1', 'vol2', 'vol2b'], siblingOrganiser: ['siblingOrganiser'] };
    // People each account already held conversations with in the fixed records above.
    const earlier: Partial<Record<Who, string[]>> = { vol1: [w.people.p1.id], vol2: [w.people.p1.id, w.people.p2.id], organiser: [w.people.p3.id], siblingOrganiser: [w.people.siblingPerson.id] };
    const model: { id: string; unit: string; person: string; organisers: Who[] }[] = [];
    let n = 0;
    await fc.assert(fc.asyncProperty(
      fc.array(fc.record({ pair: fc.constantFrom(...loggers), co: fc.subarray(coCandidates) }), { minLength: 1, maxLength: 4 }),
      async (batch) => {
        for (const { pair: [who, person], co: asked } of batch) {
          const co = asked.filter((c) => mayName[who]!.includes(c));
          const at = new Date(Date.UTC(2019, 0, 1) + ++n * 60_000).toISOString();
          const res = await t.request({ method: 'POST', url: '/api/conversations', token: accounts[who].token, payload: { kind: 'phone', people: [person], occurredAt: at, organisers: co.map((c) => accounts[c].id), notes: { story: 's' } } });
          expect(res.statusCode, res.body).toBe(201);
          model.push({ id: res.json().id, unit: personUnit[person]!, person, organisers: [...new Set([who, ...co])] });
        }
        for (const who of Object.keys(accounts) as Who[]) {
          const r = reach[who];
          const myPeople = new Set([...(earlier[who] ?? []), ...model.filter((m) => m.organisers.includes(who)).map((m) => m.person)]);
          const expected = model.filter((m) => (r.read && r.units.includes(m.unit)) || (r.log && m.organisers.includes(who)) || (r.log && r.units.includes(m.unit) && myPeople.has(m.person)));
          const res = await t.request({ method: 'GET', url: '/api/conversations?limit=200&from=2019-01-01&to=2019-12-31', token: accounts[who].token });
          if (!r.read && !r.log) {
            expect(res.statusCode).toBe(403);
            continue;
          }
          const got = res.json().items as Item[];
          expect(got.map((g) => g.id).sort(), who).toEqual(expected.map((m) => m.id).sort());
          for (const g of got) {
            const m = model.find((x) => x.id === g.id)!;
            expect(g.sensitive, `${who} ${g.id}`).toBe((r.read && r.units.includes(m.unit)) || m.organisers.includes(who));
          }
        }
      },
    ), { numRuns: 8 });
    expect(await t.ctx.db.$count(auditEvents, inArray(auditEvents.action, ['conversation.read_sensitive']))).toBeGreaterThan(0);
  }, 600_000);
});
