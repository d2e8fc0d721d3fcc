import { sql } from 'drizzle-orm';
import type { Db } from '../../db/connection.ts';
import { execute } from '../../db/execute.ts';
import type { Actor } from '../accounts/actor.ts';
import { auditNotesRead } from '../breakouts/auditNotesRead.ts';
import { loadNotesAccess } from '../breakouts/notesAccess.ts';
import { readMeetingNotes } from '../breakouts/notesQueries.ts';
import type { MeetingNotesView } from '../breakouts/notesView.ts';
import { tallyVotesBy } from '../polls/groupedTallies.ts';
import type { QuestionKind, QuestionOption } from '../polls/schema.ts';
import { tallyVotes } from '../polls/tallies.ts';
import type { MeetingReport } from './meetingReportView.ts';
import { loadEventFor } from './policy.ts';
import type { EventKind } from './schema.ts';
import { formatLocal } from './zonedTime.ts';

interface HeadRow {
  id: string; title: string; kind: EventKind; status: 'scheduled' | 'cancelled'; starts_at: string | Date; time_zone: string; unit_id: string; unit_name: string;
  capacity: number | null; going: number; waitlisted: number; cancelled: number; checked_in: number; walk_ins: number;
  minutes: string | null; minutes_at: string | Date | null; minutes_by: string | null; programme_id: string | null; programme_title: string | null;
}

/**
 * The close report of a meeting, for those who run it (404 unseen, 403 seen but not run, as the
 * door list). A fixed number of queries: the head (attendance, minutes, programme), the notes'
 * five, the questions put, three for the whole room and three split by breakout group.
 */
export async function meetingReport(db: Db, actor: Actor, eventId: string, requestId: string): Promise<MeetingReport> {
  await loadEventFor(db, actor, eventId, 'manage');
  const [head] = (await execute<HeadRow>(db, sql`
    select e.id, e.title, e.kind, e.status, e.starts_at, e.time_zone, e.unit_id, u.name as unit_name, e.capacity,
      coalesce(a.going, 0)::int as going, coalesce(a.waitlisted, 0)::int as waitlisted, coalesce(a.cancelled, 0)::int as cancelled,
      coalesce(a.checked_in, 0)::int as checked_in, coalesce(a.walk_ins, 0)::int as walk_ins,
      mm.text as minutes, mm.updated_at as minutes_at, ma.display_name as minutes_by, p.id as programme_id, p.title as programme_title
    from events e join units u on u.id = e.unit_id
    left join (select r.event_id, count(*) filter (where r.status = 'going') as going, count(*) filter (where r.status = 'waitlisted') as waitlisted,
        count(*) filter (where r.status = 'cancelled') as cancelled, count(*) filter (where r.checked_in_at is not null) as checked_in,
        count(*) filter (where r.source = 'walk_in' and r.status <> 'cancelled') as walk_ins
      from event_rsvps r where r.event_id = ${eventId} group by r.event_id) a on a.event_id = e.id
    left join meeting_minutes mm on mm.event_id = e.id left join accounts ma on ma.id = mm.updated_by
    left join programme_meetings pm on pm.event_id = e.id left join programmes p on p.id = pm.programme_id
    where e.id = ${eventId}`)) as [HeadRow];

  // What the meeting heard, read as the notes route reads it (a cancelled meeting has no notes).
  let notes: MeetingNotesView | null = null;
  if (head.status !== 'cancelled') {
    const access = await loadNotesAccess(db, actor, eventId);
    const full = await readMeetingNotes(db, access);
    // The report names nobody: who raised an issue and who spoke a quote are left out. What it
    // does return goes through the notes' own read audit, so a named attendee would be audited.
    notes = { ...full, groups: full.groups.map((g) => ({ ...g, issues: g.issues.map((i) => ({ ...i, raisedBy: [] })), quotes: g.quotes.map((q) => ({ ...q, speaker: null })) })), members: [] };
    await auditNotesRead(db, actor, access, notes, requestId);
  }
  const groupsOf = new Map<string, (string | null)[]>();
  for (const g of notes?.groups ?? []) {
    for (const i of g.issues) {
      const list = groupsOf.get(i.issue.id) ?? [];
      if (!list.includes(g.name)) list.push(g.name);
      groupsOf.set(i.issue.id, list);
    }
  }

  // The questions put to this room, in the meeting's order, tallied for the room and per group.
  const questions = await execute<{ id: string; kind: QuestionKind; prompt: string; options: QuestionOption[]; scale_min: number | null; scale_max: number | null }>(db, sql`
    select q.id, q.kind, q.prompt, q.options, q.scale_min, q.scale_max
    from poll_sessions s join poll_session_questions sq on sq.session_id = s.id join programme_questions q on q.id = sq.question_id
    left join programme_meetings m on m.event_id = s.event_id
    where s.event_id = ${eventId}
    order by coalesce(array_position(m.question_ids, q.id), 100000 + q.position), q.position, q.id`);
  const tq = questions.map((q) => ({ id: q.id, kind: q.kind, prompt: q.prompt, options: q.options, scaleMin: q.scale_min, scaleMax: q.scale_max }));
  const where = sql`v.event_id = ${eventId}`;
  const [whole, byGroup, groups] = await Promise.all([
    tallyVotes(db, tq, where),
    tallyVotesBy(db, tq, where, sql`v.breakout_id`),
    execute<{ id: string; name: string }>(db, sql`select g.id, coalesce(g.published_name, g.name) as name from breakout_groups g where g.event_id = ${eventId} order by g.position, g.id`),
  ]);
  const grouped = [...byGroup.keys()].some((k) => k !== '');
  const breakouts = !grouped ? [] : [
    ...groups.filter((g) => byGroup.has(g.id)).map((g) => ({ id: g.id, name: g.name, questions: byGroup.get(g.id)! })),
    // A group since removed keeps its answers, under no name.
    ...[...byGroup.keys()].filter((k) => k !== '' && !groups.some((g) => g.id === k)).map((k) => ({ id: k, name: null, questions: byGroup.get(k)! })),
    ...(byGroup.has('') ? [{ id: null, name: null, questions: byGroup.get('')! }] : []),
  ];

  const startsAt = new Date(head.starts_at);
  return {
    event: {
      id: head.id, title: head.title, kind: head.kind, status: head.status, startsAt: startsAt.toISOString(), timeZone: head.time_zone,
      localStart: formatLocal(startsAt, head.time_zone), unit: { id: head.unit_id, name: head.unit_name }, capacity: head.capacity,
    },
    attendance: { going: head.going, waitlisted: head.waitlisted, cancelled: head.cancelled, checkedIn: head.checked_in, walkIns: head.walk_ins },
    organisations: { recorded: false, items: [] },
    minutes: head.minutes === null ? null : { text: head.minutes, updatedAt: new Date(head.minutes_at!).toISOString(), updatedBy: head.minutes_by },
    issues: (notes?.summary ?? []).map((s) => ({
      issue: s.issue, records: s.records, namedPeople: s.namedPeople.value ?? 0, reportedPeople: s.reportedPeople.value ?? 0, groups: groupsOf.get(s.issue.id) ?? [],
    })),
    themes: (notes?.groups ?? []).flatMap((g) => g.themes.map((t) => ({ group: g.name, text: t.text }))),
    quotes: (notes?.groups ?? []).flatMap((g) => g.quotes.map((q) => ({ group: g.name, text: q.text }))),
    polls: { programme: head.programme_id ? { id: head.programme_id, title: head.programme_title! } : null, questions: whole, breakouts },
    generatedAt: new Date().toISOString(),
  };
}
