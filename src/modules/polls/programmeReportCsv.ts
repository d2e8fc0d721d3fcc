import { csvLines } from '../people/exportPeople.ts';
import type { ProgrammeReport } from './programmeReportView.ts';
import { resultRows } from './resultRows.ts';

export const PROGRAMME_REPORT_COLUMNS = ['section', 'meeting', 'meeting_start', 'subject', 'detail', 'measure', 'value'];

/**
 * A programme's close report as one long CSV table: totals, each meeting's attendance, issues
 * (all meetings, then each), and each question for all meetings then each. Cells are escaped
 * against formula injection by the export's own writer.
 */
export function programmeReportCsv(r: ProgrammeReport): string {
  const all = 'All meetings';
  const meetingOf = new Map(r.meetings.map((m) => [m.eventId, m]));
  const named = (eventId: string) => [meetingOf.get(eventId)?.title ?? eventId, meetingOf.get(eventId)?.localStart ?? ''];
  const rows: (string | null)[][] = [PROGRAMME_REPORT_COLUMNS];
  const total = (subject: string, value: number) => rows.push(['totals', all, '', subject, '', 'count', String(value)]);
  total('meetings', r.totals.meetings);
  total('meetings held', r.totals.held);
  total('meetings cancelled', r.totals.cancelled);
  total('meetings with a poll', r.totals.withPoll);
  total('places taken', r.totals.going);
  total('waiting list', r.totals.waitlisted);
  total('checked in', r.totals.checkedIn);
  total('walk-ins', r.totals.walkIns);
  for (const m of r.meetings) {
    const at = [m.title, m.localStart];
    rows.push(['attendance', ...at, 'places taken', m.unitName, 'people', String(m.attendance.going)]);
    rows.push(['attendance', ...at, 'waiting list', m.unitName, 'people', String(m.attendance.waitlisted)]);
    rows.push(['attendance', ...at, 'checked in', m.unitName, 'people', String(m.attendance.checkedIn)]);
    rows.push(['attendance', ...at, 'walk-ins', m.unitName, 'people', String(m.attendance.walkIns)]);
    if (m.status === 'cancelled') rows.push(['attendance', ...at, 'cancelled', m.unitName, '', '']);
  }
  for (const i of r.issues.items) {
    rows.push(['issue', all, '', i.issue.label, '', 'meetings', String(i.meetings)]);
    rows.push(['issue', all, '', i.issue.label, '', 'records', String(i.records)]);
    rows.push(['issue', all, '', i.issue.label, '', 'named people', String(i.namedPeople)]);
    rows.push(['issue', all, '', i.issue.label, '', 'reported people', String(i.reportedPeople)]);
    for (const b of i.byMeeting) {
      rows.push(['issue', ...named(b.eventId), i.issue.label, '', 'records', String(b.records)]);
      rows.push(['issue', ...named(b.eventId), i.issue.label, '', 'reported people', String(b.reportedPeople)]);
    }
  }
  for (const q of r.questions) {
    for (const row of resultRows(q)) rows.push(['poll', all, '', ...row]);
    for (const b of q.byMeeting) for (const row of resultRows(b.result)) rows.push(['poll', ...named(b.eventId), ...row]);
  }
  return csvLines(rows);
}
