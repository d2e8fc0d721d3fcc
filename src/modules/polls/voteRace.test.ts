import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, testDatabaseKinds, type TestApp } from '../../../test/harness.ts';
import { hashToken } from '../accounts/tokens.ts';
import { pollParticipants, pollVotes } from './schema.ts';
import { buildPollWorld, type PollWorld } from './testing/pollWorld.ts';

/**
 * Votes racing each other and the close of their question: every vote answered 200 is stored as
 * that participant's one vote, every vote refused is not, and the tally is the stored rows.
 */
describe.each(testDatabaseKinds)('votes racing a close on %s', (kind) => {
  let t: TestApp;
  let w: PollWorld;
  beforeAll(async () => {
    t = await createTestApp(kind);
    w = await buildPollWorld(t);
  });
  afterAll(() => t.close());

  it('counts exactly the votes let in before the close, once each', async () => {
    const { question: q, session: s } = await w.openPoll(w.branch.id);
    const tokens = await Promise.all(Array.from({ length: 12 }, () => w.join(s.joinCode)));
    // Each participant votes three times at once (changing their mind), while the host closes the question midway.
    const votes = tokens.flatMap((token, i) => [0, 1, 2].map((n) => ({ token, i, option: q.options[(i + n) % 3].id as string })));
    const close = new Promise((r) => setTimeout(r, 5)).then(() => w.ok('POST', `/api/polls/sessions/${s.sessionId}/questions/${q.id}/close`));
    const answers = await Promise.all(votes.map(async (v) => ({ ...v, status: (await w.vote(v.token, { questionId: q.id, optionIds: [v.option] })).statusCode })));
    await close;
    expect(answers.every((a) => a.status === 200 || a.status === 409), JSON.stringify(answers.map((a) => a.status))).toBe(true);
    const rows = await t.ctx.db.select().from(pollVotes).where(eq(pollVotes.sessionId, s.sessionId));
    // One row per participant who got any vote in, holding one of the options they were let in with.
    const accepted = new Map<string, string[]>();
    for (const a of answers) if (a.status === 200) accepted.set(a.token, [...(accepted.get(a.token) ?? []), a.option]);
    expect(rows).toHaveLength(accepted.size);
    expect(new Set(rows.map((r) => r.participantId)).size).toBe(rows.length);
    const people = await t.ctx.db.select().from(pollParticipants).where(eq(pollParticipants.sessionId, s.sessionId));
    const tokenOf = new Map(tokens.map((token) => [people.find((p) => p.tokenHash === hashToken(t.ctx.secret, token))!.id, token]));
    for (const r of rows) expect(accepted.get(tokenOf.get(r.participantId)!)).toContain(r.optionIds[0]);
    const state = await w.ok('GET', `/api/polls/sessions/${s.sessionId}`);
    const counted = state.questions[0].result.options.map((o: { votes: number }) => o.votes);
    expect(counted).toEqual(q.options.map((o: { id: string }) => rows.filter((r) => r.optionIds[0] === o.id).length));
    expect(counted.reduce((x: number, y: number) => x + y, 0)).toBe(rows.length);
    // After the close nothing more gets in.
    expect((await w.vote(tokens[0]!, { questionId: q.id, optionIds: [q.options[0].id] })).statusCode).toBe(409);
    expect(await t.ctx.db.$count(pollVotes, eq(pollVotes.sessionId, s.sessionId))).toBe(rows.length);
  });
});
