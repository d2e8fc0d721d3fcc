import { sql } from 'drizzle-orm';
import type { Db } from '../../db/connection.ts';
import { arrayParam } from '../../db/arrayParam.ts';
import { execute } from '../../db/execute.ts';
import { SUPPRESSION_THRESHOLD } from '../salience/views.ts';
import type { NotesAccess } from './notesAccess.ts';
import type { MeetingNotesView } from './notesView.ts';

const MAX_ROWS = 500;
type Status = 'proposed' | 'approved' | 'rejected';

/**
 * A meeting's records as the caller may read them. The rows are chosen in SQL: everything for
 * those who run the meeting, only their published groups' records for a facilitator, none for
 * a salience reader, who gets the per-issue aggregates with small counts withheld (decision 0006)
 * unless they hold a role on the meeting's unit. Five queries whatever the size of the meeting.
 */
export async function readMeetingNotes(db: Db, access: NotesAccess): Promise<MeetingNotesView> {
  const eventId = access.event.id;
  const groupIds = access.facilitated.map((g) => g.id);
  const readable = (alias: string) => (access.manage ? sql`true` : sql`${sql.raw(alias)}.group_id = any(${arrayParam(groupIds)}::uuid[])`);
  const names = access.manage || groupIds.length > 0;

  const issues = !names ? [] : await execute<{ id: string; group_id: string | null; group_name: string | null; issue_id: string; label: string; status: Status; raw_text: string | null; people_count: number | null; raised_by: { rsvpId: string; name: string }[] | null }>(db, sql`
    select mi.id, mi.group_id, mi.group_name, i.id as issue_id, i.label, i.status, mi.raw_text, mi.people_count,
      (select json_agg(json_build_object('rsvpId', r.id, 'name', r.name) order by lower(r.name), r.id) from meeting_issue_people mp join event_rsvps r on r.id = mp.rsvp_id where mp.meeting_issue_id = mi.id) as raised_by
    from meeting_issues mi join issues i on i.id = mi.issue_id
    where mi.event_id = ${eventId} and ${readable('mi')} order by mi.created_at, mi.id limit ${MAX_ROWS}`);
  const themes = !names ? [] : await execute<{ id: string; group_id: string | null; group_name: string | null; text: string }>(db, sql`
    select t.id, t.group_id, t.group_name, t.text from meeting_themes t where t.event_id = ${eventId} and ${readable('t')} order by t.created_at, t.id limit ${MAX_ROWS}`);
  const quotes = !names ? [] : await execute<{ id: string; group_id: string | null; group_name: string | null; text: string; consent_wording: string; rsvp_id: string | null; speaker: string | null }>(db, sql`
    select q.id, q.group_id, q.group_name, q.text, q.consent_wording, r.id as rsvp_id, r.name as speaker
    from meeting_quotes q left join event_rsvps r on r.id = q.speaker_rsvp_id where q.event_id = ${eventId} and ${readable('q')} order by q.created_at, q.id limit ${MAX_ROWS}`);
  const members = !names ? [] : await execute<{ group_id: string | null; rsvp_id: string; name: string }>(db, sql`
    select m.published_group_id as group_id, r.id as rsvp_id, r.name from event_rsvps r left join breakout_members m on m.rsvp_id = r.id
    where r.event_id = ${eventId} and r.status <> 'cancelled' ${access.manage ? sql`` : sql`and m.published_group_id = any(${arrayParam(groupIds)}::uuid[])`}
    order by lower(r.name), r.id limit ${MAX_ROWS * 4}`);
  const summary = await execute<{ issue_id: string; label: string; status: Status; records: number; named: number; reported: number }>(db, sql`
    select i.id as issue_id, i.label, i.status, count(*)::int as records,
      (select count(distinct mp.person_id)::int from meeting_issue_people mp where mp.event_id = ${eventId} and mp.issue_id = i.id
        and mp.meeting_issue_id in (select x.id from meeting_issues x where x.event_id = ${eventId} and ${access.manage || access.salience ? sql`true` : readable('x')})) as named,
      coalesce(sum(mi.people_count), 0)::int as reported
    from meeting_issues mi join issues i on i.id = mi.issue_id
    where mi.event_id = ${eventId} and ${access.manage || access.salience ? sql`true` : readable('mi')}
    group by i.id, i.label, i.status order by count(*) desc, i.label limit ${MAX_ROWS}`);

  // Names are already visible to those who run the meeting and facilitators; others see small counts withheld.
  const open = access.manage || groupIds.length > 0 || access.local;
  const cell = (n: number) => (open || n === 0 || n >= SUPPRESSION_THRESHOLD ? { value: n, suppressed: false } : { value: null, suppressed: true });
  const groupList: { id: string | null; name: string | null; canRecord: boolean }[] = [
    ...(access.manage ? [{ id: null, name: null, canRecord: true }] : []),
    ...access.facilitated.map((g) => ({ id: g.id, name: g.name, canRecord: true })),
  ];
  if (access.manage) {
    // Records whose group was since re-split keep its name and show under it.
    const key = (g: { id: string | null; name: string | null }) => g.id ?? `name:${g.name ?? ''}`;
    const seen = new Set(groupList.map((g) => key(g)));
    for (const r of [...issues, ...themes, ...quotes]) {
      if (!seen.has(key({ id: r.group_id, name: r.group_name }))) {
        seen.add(key({ id: r.group_id, name: r.group_name }));
        groupList.push({ id: r.group_id, name: r.group_name, canRecord: r.group_id !== null });
      }
    }
  }
  const inGroup = (g: { id: string | null; name: string | null }) => (r: { group_id: string | null; group_name: string | null }) =>
    r.group_id === g.id && (g.id !== null || r.group_name === g.name);
  return {
    eventId, eventTitle: access.event.title, canRecordMeeting: access.manage,
    groups: groupList.map((g) => ({
      ...g,
      issues: issues.filter(inGroup(g)).map((r) => ({ id: r.id, issue: { id: r.issue_id, label: r.label, status: r.status }, rawText: r.raw_text, peopleCount: r.people_count, raisedBy: r.raised_by ?? [] })),
      themes: themes.filter(inGroup(g)).map((r) => ({ id: r.id, text: r.text })),
      quotes: quotes.filter(inGroup(g)).map((r) => ({ id: r.id, text: r.text, consentWording: r.consent_wording, speaker: r.rsvp_id ? { rsvpId: r.rsvp_id, name: r.speaker! } : null })),
    })),
    members: members.map((m) => ({ groupId: m.group_id, rsvpId: m.rsvp_id, name: m.name })),
    summary: summary.map((s) => ({ issue: { id: s.issue_id, label: s.label, status: s.status }, records: s.records, namedPeople: cell(s.named), reportedPeople: cell(s.reported) })),
    threshold: SUPPRESSION_THRESHOLD,
  };
}
