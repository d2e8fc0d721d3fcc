import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/connection.ts';
import { execute } from '../../db/execute.ts';
import { decodeCursor, pageOf } from '../../server/pagination.ts';
import { inScope, type Actor } from '../accounts/actor.ts';
import { meetingResultsVisible, programmeVisible } from './policy.ts';
import type { QuestionKind, QuestionOption } from './schema.ts';
import { tallyVotes } from './tallies.ts';

interface ProgrammeSqlRow {
  id: string; unit_id: string; unit_name: string; title: string; description: string; created_at: string | Date; cursor_at: string;
  meeting_count: number; question_count: number; can_manage: boolean;
}

const presentProgramme = (r: ProgrammeSqlRow) => ({
  id: r.id, unitId: r.unit_id, unitName: r.unit_name, title: r.title, description: r.description, createdAt: new Date(r.created_at).toISOString(),
  meetingCount: r.meeting_count, questionCount: r.question_count, canManage: r.can_manage,
});

function programmeSelect(actor: Actor, where: SQL): SQL {
  return sql`select p.id, p.unit_id, u.name as unit_name, p.title, p.description, p.created_at, p.created_at::text as cursor_at,
      (select count(*) from programme_meetings m where m.programme_id = p.id)::int as meeting_count,
      (select count(*) from programme_questions q where q.programme_id = p.id)::int as question_count,
      ${inScope(actor, 'events.manage', sql`p.unit_id`)} as can_manage
    from programmes p join units u on u.id = p.unit_id where ${programmeVisible(actor, 'p')} and ${where}`;
}

/** Programmes the actor may see, newest first, a page at a time; `unit` means that unit and below. */
export async function listProgrammes(db: Db, actor: Actor, unit: string | undefined, limit: number, cursor?: string) {
  const after = decodeCursor(cursor, 2) as [string, string] | null;
  const conds: SQL[] = [sql`true`];
  if (unit) conds.push(sql`p.unit_id in (select d.id from units d where d.path like (select x.path from units x where x.id = ${unit}) || '%')`);
  if (after) conds.push(sql`(p.created_at, p.id) < (${after[0]}::timestamptz, ${after[1]}::uuid)`);
  const rows = await execute<ProgrammeSqlRow>(db, sql`${programmeSelect(actor, sql.join(conds, sql` and `))} order by p.created_at desc, p.id desc limit ${limit + 1}`);
  // The cursor keeps the database's full precision, so rows within one millisecond are neither skipped nor repeated.
  const page = pageOf(rows, limit, (r) => [r.cursor_at, r.id]);
  return { items: page.items.map(presentProgramme), nextCursor: page.nextCursor };
}

/** One programme with its question bank (each with its count of current answers), or null when unseen. */
export async function readProgramme(db: Db, actor: Actor, id: string) {
  const [row] = await execute<ProgrammeSqlRow>(db, programmeSelect(actor, sql`p.id = ${id}`));
  if (!row) return null;
  const questions = await execute<{ id: string; position: number; kind: QuestionKind; prompt: string; options: QuestionOption[]; scale_min: number | null; scale_max: number | null; answers: number }>(db, sql`
    select q.id, q.position, q.kind, q.prompt, q.options, q.scale_min, q.scale_max,
      (select count(*) from poll_votes v where v.question_id = q.id)::int as answers
    from programme_questions q where q.programme_id = ${id} order by q.position`);
  return {
    ...presentProgramme(row),
    questions: questions.map((q) => ({ id: q.id, position: q.position, kind: q.kind, prompt: q.prompt, options: q.options, scaleMin: q.scale_min, scaleMax: q.scale_max, answers: q.answers })),
  };
}

/** A programme's meetings the actor may see, soonest first, a page at a time, with their schedules and poll sessions. */
export async function listMeetings(db: Db, actor: Actor, programmeId: string, limit: number, cursor?: string) {
  const after = decodeCursor(cursor, 2) as [string, string] | null;
  const rows = await execute<{ event_id: string; title: string; starts_at: string | Date; unit_name: string; ward_code: string | null; constituency_code: string | null; question_ids: string[]; session_id: string | null; session_status: 'open' | 'closed' | null; join_code: string | null }>(db, sql`
    select m.event_id, e.title, e.starts_at, u.name as unit_name, e.ward_code, e.constituency_code, m.question_ids, s.id as session_id, s.status as session_status, s.join_code
    from programme_meetings m join events e on e.id = m.event_id join units u on u.id = e.unit_id left join poll_sessions s on s.event_id = e.id
    where m.programme_id = ${programmeId} and ${meetingResultsVisible(actor, 'e')}
      ${after ? sql`and (e.starts_at, e.id) > (${after[0]}::timestamptz, ${after[1]}::uuid)` : sql``}
    order by e.starts_at, e.id limit ${limit + 1}`);
  return pageOf(rows.map((r) => ({
    eventId: r.event_id, title: r.title, startsAt: new Date(r.starts_at).toISOString(), unitName: r.unit_name, wardCode: r.ward_code, constituencyCode: r.constituency_code,
    questionIds: r.question_ids, session: r.session_id ? { id: r.session_id, status: r.session_status!, joinCode: r.join_code! } : null,
  })), limit, (r) => [r.startsAt, r.eventId]);
}

export interface ResultsFilter {
  unit?: string;
  area?: string;
  event?: string;
  breakout?: string;
}

/**
 * The programme's results rolled up over the meetings the actor may see, narrowed to a unit's
 * subtree, a ward or constituency, one meeting, or one breakout group. One set of grouped queries over the vote rows.
 */
export async function programmeResults(db: Db, actor: Actor, programmeId: string, f: ResultsFilter) {
  const conds: SQL[] = [sql`v.programme_id = ${programmeId}`, meetingResultsVisible(actor, 'e')];
  if (f.unit) conds.push(sql`v.unit_id in (select d.id from units d where d.path like (select x.path from units x where x.id = ${f.unit}) || '%')`);
  if (f.area) conds.push(sql`(e.ward_code = ${f.area} or e.constituency_code = ${f.area})`);
  if (f.event) conds.push(sql`v.event_id = ${f.event}`);
  if (f.breakout) conds.push(f.breakout === 'none' ? sql`v.breakout_id is null` : sql`v.breakout_id = ${f.breakout}`);
  const where = sql.join(conds, sql` and `);
  const questions = await execute<{ id: string; kind: QuestionKind; prompt: string; options: QuestionOption[]; scale_min: number | null; scale_max: number | null }>(db, sql`
    select q.id, q.kind, q.prompt, q.options, q.scale_min, q.scale_max from programme_questions q where q.programme_id = ${programmeId} order by q.position`);
  const [{ meetings }] = (await execute<{ meetings: number }>(db, sql`select count(distinct v.event_id)::int as meetings from poll_votes v join events e on e.id = v.event_id where ${where}`)) as [{ meetings: number }];
  const results = await tallyVotes(db, questions.map((q) => ({ id: q.id, kind: q.kind, prompt: q.prompt, options: q.options, scaleMin: q.scale_min, scaleMax: q.scale_max })), where);
  return { programmeId, meetings, questions: results };
}
