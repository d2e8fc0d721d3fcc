import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/connection.ts';
import { execute } from '../../db/execute.ts';
import type { Actor } from '../accounts/actor.ts';
import { eventManageable } from '../events/policy.ts';
import { formatLocal } from '../events/zonedTime.ts';
import { tallyVotesBy } from './groupedTallies.ts';
import { loadProgrammeFor, meetingResultsVisible } from './policy.ts';
import type { ProgrammeReport } from './programmeReportView.ts';
import type { QuestionKind, QuestionOption } from './schema.ts';
import { tallyVotes } from './tallies.ts';

/** One report lists at most this many meetings (the totals and roll-ups still count them all). */
export const MAX_REPORT_MEETINGS = 1000;
const MAX_ISSUES = 200;

interface MeetingRow {
  id: string; title: string; starts_at: string | Date; time_zone: string; unit_name: string; status: 'scheduled' | 'cancelled'; held: boolean;
  can_manage: boolean; polled: boolean; going: number; waitlisted: number; checked_in: number; walk_ins: number;
}
type Status = 'proposed' | 'approved' | 'rejected';

/**
 * A programme's close report over the meetings the caller may see (as its results are), narrowed to
 * a unit's subtree. Issues come only from meetings the caller runs or hosts, whose notes they may
 * read in full; nothing names an attendee. A fixed number of grouped queries whatever the number
 * of meetings: the programme, the meetings with their attendance, the totals, issues and their
 * per-meeting split, the bank, three for the whole programme and three split by meeting.
 */
export async function programmeReport(db: Db, actor: Actor, programmeId: string, f: { unit?: string }): Promise<ProgrammeReport> {
  const programme = await loadProgrammeFor(db, actor, programmeId, 'read');
  const conds: SQL[] = [meetingResultsVisible(actor, 'e')];
  if (f.unit) conds.push(sql`e.unit_id in (select d.id from units d where d.path like (select x.path from units x where x.id = ${f.unit}) || '%')`);
  const visible = sql.join(conds, sql` and `);
  const meetingsOf = sql`programme_meetings m join events e on e.id = m.event_id`;
  const rsvpCounts = sql`(select r.event_id, count(*) filter (where r.status = 'going') as going, count(*) filter (where r.status = 'waitlisted') as waitlisted,
      count(*) filter (where r.checked_in_at is not null) as checked_in, count(*) filter (where r.source = 'walk_in' and r.status <> 'cancelled') as walk_ins
    from event_rsvps r join programme_meetings rm on rm.event_id = r.event_id where rm.programme_id = ${programmeId} group by r.event_id)`;
  const notesFrom = sql`select e.id from ${meetingsOf} where m.programme_id = ${programmeId} and ${visible} and e.status <> 'cancelled' and ${eventManageable(actor, 'e')}`;

  const [unitRow, meetings, totalsRows, issues, issueSplit, questions] = await Promise.all([
    execute<{ name: string }>(db, sql`select name from units where id = ${programme.unitId}`),
    execute<MeetingRow>(db, sql`
      select e.id, e.title, e.starts_at, e.time_zone, u.name as unit_name, e.status, (e.status <> 'cancelled' and e.starts_at <= now()) as held,
        ${eventManageable(actor, 'e')} as can_manage, (s.id is not null) as polled,
        coalesce(a.going, 0)::int as going, coalesce(a.waitlisted, 0)::int as waitlisted, coalesce(a.checked_in, 0)::int as checked_in, coalesce(a.walk_ins, 0)::int as walk_ins
      from ${meetingsOf} join units u on u.id = e.unit_id left join poll_sessions s on s.event_id = e.id left join ${rsvpCounts} a on a.event_id = e.id
      where m.programme_id = ${programmeId} and ${visible} order by e.starts_at, e.id limit ${MAX_REPORT_MEETINGS + 1}`),
    execute<{ meetings: number; held: number; cancelled: number; with_poll: number; going: number; waitlisted: number; checked_in: number; walk_ins: number }>(db, sql`
      select count(*)::int as meetings, count(*) filter (where e.status <> 'cancelled' and e.starts_at <= now())::int as held,
        count(*) filter (where e.status = 'cancelled')::int as cancelled, count(s.id)::int as with_poll,
        coalesce(sum(a.going), 0)::int as going, coalesce(sum(a.waitlisted), 0)::int as waitlisted, coalesce(sum(a.checked_in), 0)::int as checked_in, coalesce(sum(a.walk_ins), 0)::int as walk_ins
      from ${meetingsOf} left join poll_sessions s on s.event_id = e.id left join ${rsvpCounts} a on a.event_id = e.id
      where m.programme_id = ${programmeId} and ${visible}`),
    execute<{ id: string; label: string; status: Status; meetings: number; records: number; reported: number; named: number; from_meetings: number }>(db, sql`
      with ms as (${notesFrom}),
        c as (select mi.issue_id, count(*)::int as records, count(distinct mi.event_id)::int as meetings, coalesce(sum(mi.people_count), 0)::int as reported
          from meeting_issues mi where mi.event_id in (select id from ms) group by mi.issue_id),
        n as (select mp.issue_id, count(distinct mp.person_id)::int as named from meeting_issue_people mp where mp.event_id in (select id from ms) group by mp.issue_id)
      select i.id, i.label, i.status, c.meetings, c.records, c.reported, coalesce(n.named, 0)::int as named, (select count(*) from ms)::int as from_meetings
      from c join issues i on i.id = c.issue_id left join n on n.issue_id = c.issue_id
      union all select null, null, null, 0, 0, 0, 0, (select count(*) from ms)::int
      order by 4 desc, 7 desc, 5 desc, 2 limit ${MAX_ISSUES + 1}`),
    execute<{ issue_id: string; event_id: string; records: number; reported: number }>(db, sql`
      select mi.issue_id, mi.event_id, count(*)::int as records, coalesce(sum(mi.people_count), 0)::int as reported
      from meeting_issues mi join events e on e.id = mi.event_id where mi.event_id in (${notesFrom}) group by mi.issue_id, mi.event_id, e.starts_at order by e.starts_at, mi.event_id`),
    execute<{ id: string; kind: QuestionKind; prompt: string; options: QuestionOption[]; scale_min: number | null; scale_max: number | null }>(db, sql`
      select q.id, q.kind, q.prompt, q.options, q.scale_min, q.scale_max from programme_questions q where q.programme_id = ${programmeId} order by q.position`),
  ]);

  const tq = questions.map((q) => ({ id: q.id, kind: q.kind, prompt: q.prompt, options: q.options, scaleMin: q.scale_min, scaleMax: q.scale_max }));
  const votes = sql`v.programme_id = ${programmeId} and ${visible}`;
  const [whole, byMeeting, order] = await Promise.all([
    tallyVotes(db, tq, votes),
    tallyVotesBy(db, tq, votes, sql`v.event_id`),
    // The meetings' order for the per-meeting split (those past the listed ones too).
    execute<{ id: string }>(db, sql`select e.id from ${meetingsOf} where m.programme_id = ${programmeId} and ${visible} and exists (select 1 from poll_votes v where v.event_id = e.id) order by e.starts_at, e.id`),
  ]);

  const t = totalsRows[0]!;
  const issueRows = issues.filter((r) => r.id !== null);
  const fromMeetings = issues[0]?.from_meetings ?? 0;
  const issuesByMeeting = new Map<string, number>();
  for (const s of issueSplit) issuesByMeeting.set(s.event_id, (issuesByMeeting.get(s.event_id) ?? 0) + s.records);
  const listed = meetings.slice(0, MAX_REPORT_MEETINGS);
  return {
    programme: { id: programme.id, title: programme.title, unit: { id: programme.unitId, name: unitRow[0]?.name ?? '' } },
    unit: f.unit ?? null,
    totals: { meetings: t.meetings, held: t.held, cancelled: t.cancelled, withPoll: t.with_poll, going: t.going, waitlisted: t.waitlisted, checkedIn: t.checked_in, walkIns: t.walk_ins },
    meetings: listed.map((r) => {
      const startsAt = new Date(r.starts_at);
      return {
        eventId: r.id, title: r.title, startsAt: startsAt.toISOString(), localStart: formatLocal(startsAt, r.time_zone), unitName: r.unit_name,
        status: r.status, held: r.held, canManage: r.can_manage, polled: r.polled,
        attendance: { going: r.going, waitlisted: r.waitlisted, checkedIn: r.checked_in, walkIns: r.walk_ins },
        issuesRecorded: r.can_manage && r.status !== 'cancelled' ? (issuesByMeeting.get(r.id) ?? 0) : null,
      };
    }),
    truncated: meetings.length > MAX_REPORT_MEETINGS,
    issues: {
      fromMeetings,
      items: issueRows.slice(0, MAX_ISSUES).map((r) => ({
        issue: { id: r.id, label: r.label, status: r.status }, meetings: r.meetings, records: r.records, namedPeople: r.named, reportedPeople: r.reported,
        byMeeting: issueSplit.filter((s) => s.issue_id === r.id).map((s) => ({ eventId: s.event_id, records: s.records, reportedPeople: s.reported })),
      })),
    },
    questions: whole.map((q, i) => ({
      ...q,
      byMeeting: order.flatMap(({ id }) => {
        const result = byMeeting.get(id)?.[i];
        return result && result.responses > 0 ? [{ eventId: id, result }] : [];
      }),
    })),
    generatedAt: new Date().toISOString(),
  };
}
