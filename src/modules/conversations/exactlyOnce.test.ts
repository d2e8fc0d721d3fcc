import { eq, inArray } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, testDatabaseKinds, type TestApp } from '../../../test/harness.ts';
import { commitments } from '../commitments/schema.ts';
import { followUps } from '../follow-ups/schema.ts';
import { people } from '../people/schema.ts';
import { assessments, conversationIssues, conversationPeople, conversations } from './schema.ts';
import { buildConversationWorld, fullSubmission, type ConversationWorld } from './testing/conversationWorld.ts';

describe.each(testDatabaseKinds)('logging exactly once on %s', (kind) => {
  let t: TestApp;
  let w: ConversationWorld;
  beforeAll(async () => {
    t = await createTestApp(kind);
    w = await buildConversationWorld(t);
  });
  afterAll(() => t.close());

  const post = (payload: object, token = w.accounts.vol1.token, headers: Record<string, string> = {}) => t.request({ method: 'POST', url: '/api/conversations', token, payload, headers });

  it('returns the same record for a replay, refuses a different body under the same id, and never lets another account claim it', async () => {
    const id = crypto.randomUUID();
    const body = { ...fullSubmission(w.people.p1.id), id, people: [w.people.p1.id, { firstName: 'Newydd', lastName: 'Person' }], assessments: [], commitments: [], followUps: [] };
    const first = await post(body);
    expect(first.statusCode, first.body).toBe(201);
    const again = await post(body);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual(first.json());
    expect(await t.ctx.db.$count(people, eq(people.firstName, 'Newydd'))).toBe(1);
    const changed = await post({ ...body, durationMinutes: 41 });
    expect(changed.statusCode).toBe(409);
    expect(changed.json().error.code).toBe('conflict');
    const other = await post(body, w.accounts.vol2.token);
    expect(other.statusCode).toBe(409);
    expect(other.body).not.toContain('asthma');
    expect(await t.ctx.db.$count(conversations, eq(conversations.id, id))).toBe(1);
  });

  it('honours an Idempotency-Key as well', async () => {
    const body = fullSubmission(w.people.p2.id);
    const key = `conv-${crypto.randomUUID()}`;
    const first = await post(body, undefined, { 'idempotency-key': key });
    expect(first.statusCode).toBe(201);
    const replay = await post(body, undefined, { 'idempotency-key': key });
    expect(replay.statusCode).toBe(201);
    expect(replay.headers['idempotent-replay']).toBe('true');
    expect(replay.json().id).toBe(first.json().id);
  });

  it('keeps one record per client id whatever the order, duplication and concurrency of submissions', async () => {
    const pool = [w.people.p1.id, w.people.p2.id];
    const submission = fc.record({
      person: fc.constantFrom(...pool),
      withNew: fc.boolean(),
      duration: fc.integer({ min: 0, max: 120 }),
      issue: fc.constantFrom('Buses', 'Rents', 'A brand new worry'),
      support: fc.integer({ min: 0, max: 10 }),
    });
    const plan = fc.array(submission, { minLength: 1, maxLength: 4 }).chain((subs) => fc.record({
      subs: fc.constant(subs),
      // Each submission sent 1–3 times, the sends shuffled, then grouped into concurrent waves.
      sends: fc.shuffledSubarray(subs.flatMap((_, i) => [i, i, i]), { minLength: subs.length * 3, maxLength: subs.length * 3 })
        .chain((order) => fc.array(fc.boolean(), { minLength: order.length, maxLength: order.length }).map((keep) => order.filter((i, j) => keep[j] || order.indexOf(i) === j))),
      waves: fc.integer({ min: 1, max: 3 }),
    }));
    await fc.assert(fc.asyncProperty(plan, async ({ subs: drawn, sends, waves }) => {
      // Fresh ids every run (shrinking would otherwise reuse one already stored with another body).
      const subs = drawn.map((s) => ({ ...s, id: crypto.randomUUID() }));
      const bodies = subs.map((s) => ({
        id: s.id, kind: 'doorstep', occurredAt: '2024-06-01T10:00:00Z', durationMinutes: s.duration,
        people: s.withNew ? [s.person, { firstName: `Once${s.id.slice(0, 8)}` }] : [s.person],
        issues: [{ text: s.issue, personIds: [s.person] }],
        assessments: [{ scaleKey: 'support', value: s.support, phase: 'before', personId: s.person }],
        commitments: [{ ask: 'sign', answer: 'yes', personId: s.person }],
        followUps: [{ dueOn: '2024-06-08', personId: s.person }],
      }));
      const size = Math.ceil(sends.length / waves);
      const answers: { i: number; status: number; body: Record<string, unknown> }[] = [];
      for (let k = 0; k < sends.length; k += size) {
        const wave = sends.slice(k, k + size);
        const results = await Promise.all(wave.map((i) => post(bodies[i]!)));
        results.forEach((r, j) => answers.push({ i: wave[j]!, status: r.statusCode, body: r.json() }));
      }
      for (const [i, s] of subs.entries()) {
        const mine = answers.filter((a) => a.i === i);
        expect(mine.every((a) => a.status === 200 || a.status === 201), JSON.stringify(mine.map((a) => [a.status, a.body]))).toBe(true);
        expect(mine.filter((a) => a.status === 201)).toHaveLength(1);
        // Every answer shows the same record.
        for (const a of mine) expect(a.body).toEqual(mine.find((x) => x.status === 201)!.body);
        const db = t.ctx.db;
        expect(await db.$count(conversations, eq(conversations.id, s.id))).toBe(1);
        expect(await db.$count(conversationPeople, eq(conversationPeople.conversationId, s.id))).toBe(s.withNew ? 2 : 1);
        expect(await db.$count(conversationIssues, eq(conversationIssues.conversationId, s.id))).toBe(1);
        expect(await db.$count(assessments, eq(assessments.conversationId, s.id))).toBe(1);
        expect(await db.$count(commitments, eq(commitments.conversationId, s.id))).toBe(1);
        expect(await db.$count(followUps, eq(followUps.conversationId, s.id))).toBe(1);
        if (s.withNew) expect(await db.$count(people, eq(people.firstName, `Once${s.id.slice(0, 8)}`))).toBe(1);
      }
      const stored = await t.ctx.db.select().from(conversations).where(inArray(conversations.id, subs.map((s) => s.id)));
      expect(stored.map((c) => c.durationMinutes).sort()).toEqual(subs.map((s) => s.duration).sort());
    }), { numRuns: kind === 'pglite' ? 15 : 25 });
  }, 600_000);
});
