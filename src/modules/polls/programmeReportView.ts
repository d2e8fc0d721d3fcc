import { z } from 'zod';
import { eventStatuses } from '../events/schema.ts';
import { questionResultView } from './present.ts';

const issueRef = z.object({ id: z.string().uuid(), label: z.string(), status: z.enum(['proposed', 'approved', 'rejected']) });

export const programmeReportQuery = z.strictObject({
  unit: z.string().uuid().optional().describe('meetings of this unit and the units below it'),
});

/** The combined close report of a programme across the meetings the caller may see. */
export const programmeReportView = z.object({
  programme: z.object({ id: z.string().uuid(), title: z.string(), unit: z.object({ id: z.string().uuid(), name: z.string() }) }),
  unit: z.string().uuid().nullable().describe('the unit filter applied, if any'),
  totals: z.object({
    meetings: z.number().int().describe('meetings of the programme I may see, matching the filter'),
    held: z.number().int().describe('not cancelled and already started'),
    cancelled: z.number().int(),
    withPoll: z.number().int().describe('meetings that ran a poll'),
    going: z.number().int(), waitlisted: z.number().int(), checkedIn: z.number().int(), walkIns: z.number().int(),
  }),
  meetings: z.array(z.object({
    eventId: z.string().uuid(), title: z.string(), startsAt: z.string(), localStart: z.string(), unitName: z.string(),
    status: z.enum(eventStatuses), held: z.boolean(), canManage: z.boolean(), polled: z.boolean(),
    attendance: z.object({ going: z.number().int(), waitlisted: z.number().int(), checkedIn: z.number().int(), walkIns: z.number().int() }),
    issuesRecorded: z.number().int().nullable().describe('null where I do not run the meeting, so its notes are not mine to count'),
  })).describe('soonest first'),
  truncated: z.boolean().describe('true when there were more meetings than one report lists'),
  issues: z.object({
    fromMeetings: z.number().int().describe('meetings whose notes are counted: those I run (or host), not cancelled'),
    items: z.array(z.object({
      issue: issueRef,
      meetings: z.number().int().describe('meetings that raised it'),
      records: z.number().int(),
      namedPeople: z.number().int().describe('distinct attendees named as raising it, across meetings'),
      reportedPeople: z.number().int().describe('sum of the counts given'),
      byMeeting: z.array(z.object({ eventId: z.string().uuid(), records: z.number().int(), reportedPeople: z.number().int() })),
    })).describe('raised at the most meetings first'),
  }),
  questions: z.array(questionResultView.extend({
    byMeeting: z.array(z.object({ eventId: z.string().uuid(), result: questionResultView })).describe('meetings with at least one answer, soonest first'),
  })),
  generatedAt: z.string(),
});
export type ProgrammeReport = z.infer<typeof programmeReportView>;
