import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, testDatabaseKinds, type TestApp } from '../../../test/harness.ts';
import { pollVotes } from './schema.ts';
import { buildPollWorld } from './testing/pollWorld.ts';

describe.each(testDatabaseKinds)('poll limits on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    // Rate limits as in production.
    t = await createTestApp(kind, { RATE_LIMIT_MULTIPLIER: '1' });
  });
  afterAll(() => t.close());

  it('holds back one phone flooding votes with 429, not the rest of the room on the same address, and counts one vote', async () => {
    const w = await buildPollWorld(t);
    const { question: q, session: s } = await w.openPoll(w.branch.id);
    const address = '203.0.113.20';
    const join = async () => (await t.request({ method: 'POST', url: '/api/polls/join', payload: { code: s.joinCode }, remoteAddress: address })).json().token as string;
    const flooder = await join();
    const codes: number[] = [];
    for (let i = 0; i < 35; i++) {
      const res = await w.vote(flooder, { questionId: q.id, optionIds: [q.options[i % 3]!.id] }, address);
      codes.push(res.statusCode);
      if (res.statusCode === 429) expect(res.json().error.code).toBe('rate_limited');
    }
    expect(codes.filter((c) => c === 200)).toHaveLength(30);
    expect(codes.slice(30).every((c) => c === 429)).toBe(true);
    // A neighbour on the same network still votes.
    const neighbour = await join();
    expect((await w.vote(neighbour, { questionId: q.id, optionIds: [q.options[0]!.id] }, address)).statusCode).toBe(200);
    // However many times the flooder voted, they hold one vote: the last one let through.
    const rows = await t.ctx.db.select().from(pollVotes).where(eq(pollVotes.sessionId, s.sessionId));
    expect(rows).toHaveLength(2);
    const state = await w.ok('GET', `/api/polls/sessions/${s.sessionId}`);
    expect(state.questions[0].result.options.map((o: { votes: number }) => o.votes)).toEqual([1, 0, 1]);

    // Forged tokens from one address are limited per address too.
    const forged: number[] = [];
    for (let i = 0; i < 35; i++) forged.push((await w.vote(`poll_forged${i}forgedforgedforgedforged`, { questionId: q.id, optionIds: [q.options[0]!.id] }, '198.51.100.99')).statusCode);
    expect(forged.every((c) => c === 401 || c === 429)).toBe(true);
  });
});
