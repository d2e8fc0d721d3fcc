import fc from 'fast-check';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { arrayParam } from '../../db/arrayParam.ts';
import { execute } from '../../db/execute.ts';
import { createTestApp, testDatabaseKinds, type TestApp } from '../../../test/harness.ts';
import { buildPollWorld, choice, multi, ranking, scale, type PollWorld } from './testing/pollWorld.ts';

type Q = { id: string; kind: string; options: { id: string }[] };
type Result = { id: string; responses: number; options: { votes: number; firstChoices: number; rankSum: number }[]; scale: { value: number; count: number }[] };
type Report = { totals: { meetings: number }; questions: (Result & { byMeeting: { eventId: string; result: Result }[] })[] };

const MEETINGS = 3; // two in the branch, one in the sibling branch
/** Per meeting, per participant, per question: no answer, or picks (option indexes, or a scale value from the first). */
const answers = fc.array(fc.array(fc.array(fc.option(fc.uniqueArray(fc.nat(2), { minLength: 1, maxLength: 3 }), { nil: undefined }), { minLength: 4, maxLength: 4 }), { maxLength: 4 }), { minLength: MEETINGS, maxLength: MEETINGS });

/**
 * Whatever answers the meetings hold, the programme report's figures for each question equal the
 * sum of its per-meeting figures, and both equal a count over the answers themselves, for the
 * whole programme and for a unit's subtree.
 */
describe.each(testDatabaseKinds)('programme report roll-up on %s', (kind) => {
  let t: TestApp;
  let w: PollWorld;
  let programmeId: string;
  let questions: Q[];
  const meetings: { eventId: string; sessionId: string; unitId: string }[] = [];
  beforeAll(async () => {
    t = await createTestApp(kind);
    w = await buildPollWorld(t);
    const admin = w.accounts.regionAdmin.token;
    const p = await w.programme(w.region.id, admin);
    programmeId = p.id;
    questions = [await w.question(p.id, choice, admin), await w.question(p.id, multi, admin), await w.question(p.id, scale, admin), await w.question(p.id, ranking, admin)];
    for (const unitId of [w.branch.id, w.branch.id, w.sibling.id]) {
      const e = await w.meeting(unitId, admin);
      await w.ok('PUT', `/api/programmes/${p.id}/meetings/${e.id}`, { questionIds: questions.map((q) => q.id) }, admin);
      const s = await w.ok('POST', '/api/polls/sessions', { eventId: e.id }, admin);
      meetings.push({ eventId: e.id, sessionId: s.sessionId, unitId });
    }
  }, 120_000);
  afterAll(() => t.close());

  it('gives per-question totals equal to the sum of the per-meeting figures', async () => {
    const db = t.ctx.db;
    const admin = w.accounts.regionAdmin.token;
    await fc.assert(fc.asyncProperty(answers, async (given) => {
      // The answers are written straight into the vote table, as many as the generator gives.
      await execute(db, sql`delete from poll_votes where programme_id = ${programmeId}`);
      await execute(db, sql`delete from poll_participants where session_id in (select id from poll_sessions where programme_id = ${programmeId})`);
      const model: { m: number; q: number; optionIds: string[]; value: number | null }[] = [];
      for (const [m, people] of given.entries()) {
        const mt = meetings[m]!;
        for (const picks of people) {
          const [participant] = await execute<{ id: string }>(db, sql`
            insert into poll_participants (org_id, session_id, token_hash) values (${w.root.orgId}, ${mt.sessionId}, ${crypto.randomUUID()}) returning id`);
          for (const [qi, pick] of picks.entries()) {
            if (!pick) continue;
            const q = questions[qi]!;
            const optionIds = q.kind === 'scale' ? [] : (q.kind === 'single_choice' ? pick.slice(0, 1) : pick).map((i) => q.options[i]!.id);
            const value = q.kind === 'scale' ? 1 + pick[0]! : null;
            model.push({ m, q: qi, optionIds, value });
            await execute(db, sql`
              insert into poll_votes (org_id, programme_id, event_id, unit_id, session_id, question_id, participant_id, option_ids, value)
              values (${w.root.orgId}, ${programmeId}, ${mt.eventId}, ${mt.unitId}, ${mt.sessionId}, ${q.id}, ${participant!.id}, ${arrayParam(optionIds)}::text[], ${value})`);
          }
        }
      }
      for (const [filter, include] of [['', () => true], [`?unit=${w.branch.id}`, (m: number) => m < 2]] as const) {
        const r: Report = await w.ok('GET', `/api/programmes/${programmeId}/report${filter}`, undefined, admin);
        for (const [qi, q] of r.questions.entries()) {
          const parts = q.byMeeting.map((b) => b.result);
          const sum = (f: (x: Result) => number) => parts.reduce((n, p) => n + f(p), 0);
          expect(q.responses).toBe(sum((p) => p.responses));
          q.options.forEach((o, oi) => {
            expect(o.votes).toBe(sum((p) => p.options[oi]!.votes));
            expect(o.firstChoices).toBe(sum((p) => p.options[oi]!.firstChoices));
            expect(o.rankSum).toBe(sum((p) => p.options[oi]!.rankSum));
          });
          q.scale.forEach((s, si) => expect(s.count).toBe(sum((p) => p.scale[si]!.count)));
          // And the figures are the answers' own count.
          const mine = model.filter((v) => v.q === qi && include(v.m));
          expect(q.responses).toBe(mine.length);
          expect(q.options.map((o) => o.votes)).toEqual(questions[qi]!.options.map((o) => mine.filter((v) => v.optionIds.includes(o.id)).length));
          expect(q.scale.map((s) => s.count)).toEqual(q.scale.map((s) => mine.filter((v) => v.value === s.value).length));
          // Only meetings with an answer to the question are listed, each once.
          expect(new Set(q.byMeeting.map((b) => b.eventId)).size).toBe(q.byMeeting.length);
          expect(q.byMeeting.every((b) => b.result.responses > 0)).toBe(true);
        }
      }
    }), { numRuns: 15 });
  }, 600_000);
});
