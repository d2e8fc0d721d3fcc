import fc from 'fast-check';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPerson } from '../../../test/factories.ts';
import { createTestApp, testDatabaseKinds, type TestApp } from '../../../test/harness.ts';
import { manageToken } from '../events/rsvpTokens.ts';
import { events } from '../events/schema.ts';
import { pollVotes } from './schema.ts';
import { buildPollWorld, choice, multi, ranking, type PollWorld } from './testing/pollWorld.ts';

type Op =
  | { type: 'open'; m: number; q: number }
  | { type: 'close'; m: number; q: number }
  | { type: 'vote'; m: number; p: number; q: number; picks: number[] };

const MEETINGS = 3; // two in the branch (wards A and B), one in the sibling branch (ward A)
const PEOPLE = 3;
const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 1, arbitrary: fc.record({ type: fc.constant('open' as const), m: fc.nat(MEETINGS - 1), q: fc.nat(2) }) },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('close' as const), m: fc.nat(MEETINGS - 1), q: fc.nat(2) }) },
  { weight: 5, arbitrary: fc.record({ type: fc.constant('vote' as const), m: fc.nat(MEETINGS - 1), p: fc.nat(PEOPLE - 1), q: fc.nat(2), picks: fc.uniqueArray(fc.nat(2), { minLength: 1, maxLength: 3 }) }) },
);

/**
 * Random streams of votes, changed votes, questions opened and closed across three meetings of a
 * programme: the tallies of every meeting, and of the programme whole and filtered by unit, area,
 * meeting and breakout group, equal counts over the votes each participant holds at the end,
 * whatever the order. In the first meeting two participants are linked to RSVPs placed in
 * published breakout groups, so its breakouts (and "none") add up to the meeting.
 */
describe.each(testDatabaseKinds)('poll tallies on %s', (kind) => {
  let t: TestApp;
  let w: PollWorld;
  beforeAll(async () => {
    t = await createTestApp(kind);
    w = await buildPollWorld(t);
  });
  afterAll(() => t.close());

  it('roll up to exactly the sum of the current votes at every level', async () => {
    const admin = w.accounts.regionAdmin.token;
    const run = async (ops: Op[]) => {
      const p = await w.programme(w.region.id, admin);
      const qs = [await w.question(p.id, choice, admin), await w.question(p.id, multi, admin), await w.question(p.id, ranking, admin)];
      const units = [w.branch.id, w.branch.id, w.sibling.id];
      const wards = ['E05000001', 'E05000002', 'E05000001'];
      const meetings = [];
      for (let m = 0; m < MEETINGS; m++) {
        const e = await w.meeting(units[m]!, admin);
        await t.ctx.db.update(events).set({ wardCode: wards[m] }).where(eq(events.id, e.id));
        await w.ok('PUT', `/api/programmes/${p.id}/meetings/${e.id}`, { questionIds: qs.map((q) => q.id) }, admin);
        const s = await w.ok('POST', '/api/polls/sessions', { eventId: e.id }, admin);
        const rsvps: string[] = [];
        const groupOf: (string | null)[] = [];
        if (m === 0) {
          for (let i = 0; i < 3; i++) {
            const person = await buildPerson(t.ctx.db, w.branch, { wardCode: wards[i] ?? null });
            rsvps.push((await w.ok('POST', `/api/events/${e.id}/rsvps`, { personId: person.id }, admin)).id);
          }
          await w.ok('POST', `/api/events/${e.id}/breakouts`, { source: 'confirmed', groupSize: 2, seed: 5 }, admin);
          const plan = await w.ok('POST', `/api/events/${e.id}/breakouts/publish`, undefined, admin);
          for (const g of plan.groups) for (const x of g.members) groupOf[rsvps.indexOf(x.rsvpId)] = g.id;
        }
        const tokens = [];
        for (let i = 0; i < PEOPLE; i++) tokens.push(await w.join(s.joinCode, m === 0 && i < 2 ? manageToken(t.ctx.secret, rsvps[i]!) : undefined));
        meetings.push({ eventId: e.id as string, sessionId: s.sessionId as string, tokens, groups: [...new Set(groupOf.slice(0, 2))] as string[], groupOf: (p: number) => (m === 0 && p < 2 ? groupOf[p]! : null) });
      }
      // The model: the current answer of each (meeting, person, question), and each question's state per meeting.
      const current = new Map<string, { m: number; q: number; group: string | null; optionIds: string[] }>();
      const state = meetings.map(() => qs.map(() => 'waiting' as 'waiting' | 'open' | 'closed'));
      for (const o of ops) {
        const mt = meetings[o.m]!;
        const q = qs[o.q]!;
        const st = state[o.m]!;
        if (o.type === 'open') {
          const res = await w.call('POST', `/api/polls/sessions/${mt.sessionId}/questions/${q.id}/open`, undefined, admin);
          expect(res.statusCode).toBe(st[o.q] === 'closed' ? 409 : 200);
          if (st[o.q] === 'waiting') {
            st.forEach((s, i) => { if (s === 'open') st[i] = 'closed'; });
            st[o.q] = 'open';
          }
        } else if (o.type === 'close') {
          const res = await w.call('POST', `/api/polls/sessions/${mt.sessionId}/questions/${q.id}/close`, undefined, admin);
          expect(res.statusCode).toBe(st[o.q] === 'waiting' ? 409 : 200);
          if (st[o.q] === 'open') st[o.q] = 'closed';
        } else {
          const picks = o.q === 0 ? o.picks.slice(0, 1) : o.picks;
          const optionIds = picks.map((i) => q.options[i].id as string);
          const res = await w.vote(mt.tokens[o.p]!, { questionId: q.id, optionIds });
          expect(res.statusCode, res.body).toBe(st[o.q] === 'open' ? 200 : st[o.q] === 'closed' ? 409 : 404);
          if (st[o.q] === 'open') current.set(`${o.m}:${o.p}:${o.q}`, { m: o.m, q: o.q, group: mt.groupOf(o.p), optionIds });
        }
      }
      const expected = (include: (m: number, group: string | null) => boolean) => qs.map((q, qi) => {
        const votes = [...current.values()].filter((v) => v.q === qi && include(v.m, v.group));
        return {
          responses: votes.length,
          options: q.options.map((o: { id: string }) => ({
            votes: votes.filter((v) => v.optionIds.includes(o.id)).length,
            firstChoices: qi === 2 ? votes.filter((v) => v.optionIds[0] === o.id).length : 0,
            rankSum: qi === 2 ? votes.reduce((s, v) => s + (v.optionIds.indexOf(o.id) + 1), 0) : 0,
          })),
        };
      });
      const shape = (results: { responses: number; options: { votes: number; firstChoices: number; rankSum: number }[] }[]) =>
        results.map((r) => ({ responses: r.responses, options: r.options.map((o) => ({ votes: o.votes, firstChoices: o.firstChoices, rankSum: o.rankSum })) }));

      for (let m = 0; m < MEETINGS; m++) {
        const host = await w.ok('GET', `/api/polls/sessions/${meetings[m]!.sessionId}`, undefined, admin);
        expect(shape(host.questions.map((q: { result: never }) => q.result))).toEqual(expected((x) => x === m));
        expect(shape((await w.ok('GET', `/api/programmes/${p.id}/results?event=${meetings[m]!.eventId}`, undefined, admin)).questions)).toEqual(expected((x) => x === m));
      }
      const results = (q = '') => w.ok('GET', `/api/programmes/${p.id}/results${q}`, undefined, admin).then((r) => shape(r.questions));
      expect(await results()).toEqual(expected(() => true));
      expect(await results(`?unit=${w.branch.id}`)).toEqual(expected((m) => m < 2));
      expect(await results(`?unit=${w.sibling.id}`)).toEqual(expected((m) => m === 2));
      expect(await results('?area=E05000001')).toEqual(expected((m) => m !== 1));
      expect(await results(`?area=E05000001&unit=${w.branch.id}`)).toEqual(expected((m) => m === 0));
      // The breakout level: each published group of the first meeting, and the answers of nobody placed.
      const first = meetings[0]!;
      const parts = [];
      for (const g of first.groups) {
        const r = await results(`?event=${first.eventId}&breakout=${g}`);
        expect(r).toEqual(expected((m, group) => m === 0 && group === g));
        parts.push(r);
      }
      const unplaced = await results(`?event=${first.eventId}&breakout=none`);
      expect(unplaced).toEqual(expected((m, group) => m === 0 && group === null));
      const meeting0 = await results(`?event=${first.eventId}`);
      expect([...parts, unplaced].reduce((sum, r) => sum + r.reduce((n, q) => n + q.responses, 0), 0)).toBe(meeting0.reduce((n, q) => n + q.responses, 0));
      expect(await results('?breakout=none')).toEqual(expected((_, group) => group === null));
      // And there is exactly one stored row per current answer.
      expect(await t.ctx.db.$count(pollVotes, eq(pollVotes.programmeId, p.id))).toBe(current.size);
      const [dupes] = await t.ctx.db.select({ n: sql<number>`count(*)::int` }).from(sql`(select participant_id, question_id from poll_votes group by 1, 2 having count(*) > 1) d`);
      expect(dupes!.n).toBe(0);
    };

    // A fixed stream that changes votes, closes a question, votes after the close and reopens nothing.
    const fixed: Op[] = [
      { type: 'open', m: 0, q: 2 }, { type: 'vote', m: 0, p: 0, q: 2, picks: [2, 0, 1] }, { type: 'vote', m: 0, p: 0, q: 2, picks: [1, 0] },
      { type: 'vote', m: 0, p: 1, q: 2, picks: [0] }, { type: 'open', m: 0, q: 0 }, { type: 'vote', m: 0, p: 1, q: 2, picks: [2] },
      { type: 'vote', m: 0, p: 2, q: 0, picks: [1] }, { type: 'vote', m: 0, p: 2, q: 0, picks: [2] }, { type: 'close', m: 0, q: 0 },
      { type: 'vote', m: 0, p: 2, q: 0, picks: [0] }, { type: 'open', m: 0, q: 0 }, { type: 'open', m: 2, q: 1 },
      { type: 'vote', m: 2, p: 0, q: 1, picks: [0, 1, 2] }, { type: 'vote', m: 2, p: 0, q: 1, picks: [2] }, { type: 'vote', m: 1, p: 0, q: 1, picks: [0] },
    ];
    await fc.assert(fc.asyncProperty(fc.array(op, { minLength: 5, maxLength: 40 }), run), { numRuns: 12, examples: [[fixed]] });
  }, 600_000);
});
