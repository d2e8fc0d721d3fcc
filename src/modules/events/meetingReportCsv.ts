import { csvLines } from '../people/exportPeople.ts';
import { resultRows } from '../polls/resultRows.ts';
import type { MeetingReport } from './meetingReportView.ts';

export const MEETING_REPORT_COLUMNS = ['section', 'breakout', 'subject', 'detail', 'measure', 'value'];

/**
 * A meeting's close report as one long CSV table (a row per figure), every cell escaped against
 * formula injection by the export's own writer.
 */
export function meetingReportCsv(r: MeetingReport): string {
  const rows: (string | null)[][] = [MEETING_REPORT_COLUMNS];
  const meeting = (section: string, subject: string, detail: string, measure: string, value: string | number | null) => rows.push([section, '', subject, detail, measure, value === null ? '' : String(value)]);
  meeting('meeting', r.event.title, r.event.localStart, 'starts (local time)', r.event.timeZone);
  meeting('meeting', r.event.unit.name, '', 'unit', '');
  meeting('attendance', 'places taken', '', 'people', r.attendance.going);
  meeting('attendance', 'waiting list', '', 'people', r.attendance.waitlisted);
  meeting('attendance', 'checked in', '', 'people', r.attendance.checkedIn);
  meeting('attendance', 'walk-ins', '', 'people', r.attendance.walkIns);
  meeting('attendance', 'cancelled', '', 'people', r.attendance.cancelled);
  meeting('organisations', 'not recorded', 'partner organisations are not linked to meetings', '', '');
  meeting('minutes', 'minutes', r.minutes?.updatedAt ?? '', 'text', r.minutes?.text ?? '');
  for (const i of r.issues) {
    meeting('issue', i.issue.label, '', 'records', i.records);
    meeting('issue', i.issue.label, '', 'named people', i.namedPeople);
    meeting('issue', i.issue.label, '', 'reported people', i.reportedPeople);
  }
  for (const t of r.themes) rows.push(['theme', t.group ?? '', t.text, '', '', '']);
  for (const q of r.quotes) rows.push(['quote', q.group ?? '', q.text, '', '', '']);
  for (const q of r.polls.questions) for (const row of resultRows(q)) rows.push(['poll', '', ...row]);
  for (const b of r.polls.breakouts) {
    const name = b.id === null ? '(in no group)' : (b.name ?? '(removed group)');
    for (const q of b.questions) for (const row of resultRows(q)) rows.push(['poll', name, ...row]);
  }
  return csvLines(rows);
}
