import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/connection.ts';
import { arrayParam } from '../../db/arrayParam.ts';
import { execute } from '../../db/execute.ts';
import { actorOf } from '../../server/context.ts';
import { notFound } from '../../server/errors.ts';
import type { Actor } from '../accounts/actor.ts';
import { eventManageable } from '../events/policy.ts';

const params = z.strictObject({ id: z.string().uuid() });

export const facilitatorQuestionsView = z.object({
  eventId: z.string().uuid(),
  questions: z.array(z.object({
    programmeId: z.string().uuid(),
    questionId: z.string().uuid(),
    prompt: z.string(),
    groups: z.array(z.object({
      id: z.string().uuid(), name: z.string(), answers: z.number().int().describe('open-text answers given in this group'),
    })).describe('the published groups whose themes the caller confirms: their own as facilitator, or every group for those who run the meeting'),
  })),
});
export type FacilitatorQuestions = z.infer<typeof facilitatorQuestionsView>;

/**
 * The open-text questions a meeting's poll has put (opened at least once), each with the answer
 * counts of the published breakout groups the caller may confirm themes for. One query, scoped in
 * SQL: the caller must be the published facilitator of a group of the meeting, or manage or host
 * it; anyone else (another group's meeting, another unit, another organisation) gets a 404. Counts
 * only: answers themselves are read through the themes routes, which check the group again.
 */
export async function readFacilitatorQuestions(db: Db, actor: Actor, eventId: string): Promise<FacilitatorQuestions> {
  const orgs = [...new Set(actor.grants.map((g) => g.orgId))];
  const me = actor.accountId;
  const rows = await execute<{ event_id: string; programme_id: string | null; question_id: string | null; prompt: string | null; group_id: string | null; group_name: string | null; answers: number | null }>(db, sql`
    with access as (
      select e.id, ${eventManageable(actor, 'e')} as manage from events e
      where e.id = ${eventId} and e.org_id = any(${arrayParam(orgs)}::uuid[])
        and (${eventManageable(actor, 'e')} or exists (
          select 1 from breakout_groups g join breakout_plans bp on bp.event_id = g.event_id
          where g.event_id = e.id and g.published_facilitator_id = ${me} and bp.published_at is not null))
    ),
    mine as (
      select g.id, g.published_name as name, g.position from access a
      join breakout_plans bp on bp.event_id = a.id and bp.published_at is not null
      join breakout_groups g on g.event_id = a.id and g.published_name is not null
      where a.manage or g.published_facilitator_id = ${me}
    ),
    asked as (
      select s.programme_id, q.id, q.prompt, q.position, min(sq.opened_at) as opened_at from access a
      join poll_sessions s on s.event_id = a.id
      join poll_session_questions sq on sq.session_id = s.id
      join programme_questions q on q.id = sq.question_id and q.programme_id = s.programme_id and q.kind = 'open_text'
      group by s.programme_id, q.id, q.prompt, q.position
    )
    select a.id as event_id, q.programme_id, q.id as question_id, q.prompt, g.id as group_id, g.name as group_name,
      case when g.id is null then null else (select count(*)::int from poll_votes v
        where v.event_id = a.id and v.question_id = q.id and v.breakout_id = g.id and v.text is not null) end as answers
    from access a
    left join asked q on true
    left join mine g on q.id is not null
    order by q.opened_at, q.position, q.id, g.position`);
  if (rows.length === 0) throw notFound('Meeting');
  const questions = new Map<string, FacilitatorQuestions['questions'][0]>();
  for (const r of rows) {
    if (!r.question_id) continue;
    let q = questions.get(r.question_id);
    if (!q) questions.set(r.question_id, (q = { programmeId: r.programme_id!, questionId: r.question_id, prompt: r.prompt!, groups: [] }));
    if (r.group_id) q.groups.push({ id: r.group_id, name: r.group_name!, answers: r.answers ?? 0 });
  }
  return { eventId: rows[0]!.event_id, questions: [...questions.values()] };
}

/** For a breakout group's facilitator, who may not see the host's poll console: the meeting's open-text questions to confirm themes for. */
export const pollFacilitatorQuestionRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.ctx;
  app.get('/polls/meetings/:id/open-text-questions', {
    schema: {
      tags: ['polls'], summary: 'The open-text questions put at a meeting, with answer counts of the breakout groups I facilitate (or, running it, of every group)',
      params, response: { 200: facilitatorQuestionsView },
    },
  }, async (req) => readFacilitatorQuestions(db, actorOf(req), req.params.id));
};
