import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, testDatabaseKinds, type TestApp } from '../../../test/harness.ts';
import { execute } from '../../db/execute.ts';
import { pollSessionQuestions, pollVotes } from './schema.ts';
import { buildPollWorld, type PollWorld } from './testing/pollWorld.ts';

/**
 * A vote reads the question open and then writes; a close committed between the two must win.
 * On PostgreSQL the close is held uncommitted until the vote's write is seen waiting for the
 * question's row, so the vote has already read it open: the write must find it closed, store
 * nothing and answer 409. (PGlite runs one statement at a time, so there the vote reads after the
 * close; the outcome asserted is the same.)
 */
describe.each(testDatabaseKinds)('a close landing between a vote’s read and its write on %s', (kind) => {
  let t: TestApp;
  let w: PollWorld;
  beforeAll(async () => {
    t = await createTestApp(kind);
    w = await buildPollWorld(t);
  });
  afterAll(() => t.close());

  it('refuses the vote with 409 and stores nothing', async () => {
    const { question: q, session: s } = await w.openPoll(w.branch.id);
    const token = await w.join(s.joinCode);
    let vote!: Promise<Awaited<ReturnType<typeof w.vote>>>;
    await t.ctx.db.transaction(async (tx) => {
      await tx.update(pollSessionQuestions).set({ state: 'closed', closedAt: new Date() })
        .where(and(eq(pollSessionQuestions.sessionId, s.sessionId), eq(pollSessionQuestions.questionId, q.id)));
      // An injected request starts when awaited; Promise.resolve starts it without waiting for it.
      vote = Promise.resolve(w.vote(token, { questionId: q.id, optionIds: [q.options[0].id] }));
      if (kind !== 'postgres') return;
      // Wait (bounded) until the vote's write is blocked on the row this transaction holds.
      for (let i = 0; i < 500; i++) {
        const [blocked] = await execute<{ n: number }>(t.ctx.db, sql`select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`);
        if (blocked!.n > 0) return;
        await new Promise((r) => setTimeout(r, 10));
      }
      throw new Error('the vote never waited for the close');
    });
    const res = await vote;
    expect(res.statusCode, res.body).toBe(409);
    expect(res.json().error?.message ?? res.body).toMatch(/closed/);
    expect(await t.ctx.db.$count(pollVotes, eq(pollVotes.sessionId, s.sessionId))).toBe(0);
  });
});
