import { z } from 'zod';
import { questionResultView } from '../polls/present.ts';
import { eventKinds, eventStatuses } from './schema.ts';

const issueRef = z.object({ id: z.string().uuid(), label: z.string(), status: z.enum(['proposed', 'approved', 'rejected']) });

export const minutesView = z.object({
  text: z.string(),
  updatedAt: z.string(),
  updatedBy: z.string().nullable().describe('display name of the account that last saved them'),
});

export const minutesBody = z.strictObject({
  text: z.string().max(20_000).describe('the whole minutes, replacing what was saved; empty clears them'),
});

/**
 * A meeting's close report: what those who run it need to write it up. It names no attendee:
 * issues are counts, quotes carry no speaker.
 */
export const meetingReportView = z.object({
  event: z.object({
    id: z.string().uuid(), title: z.string(), kind: z.enum(eventKinds), status: z.enum(eventStatuses),
    startsAt: z.string(), timeZone: z.string(), localStart: z.string(), unit: z.object({ id: z.string().uuid(), name: z.string() }),
    capacity: z.number().int().nullable(),
  }),
  attendance: z.object({
    going: z.number().int().describe('places taken'),
    waitlisted: z.number().int(),
    cancelled: z.number().int(),
    checkedIn: z.number().int().describe('people checked in at the door (walk-ins included)'),
    walkIns: z.number().int(),
  }),
  organisations: z.object({
    recorded: z.literal(false).describe('partner organisations are not linked to meetings yet, so none are reported'),
    items: z.array(z.object({ name: z.string() })),
  }),
  minutes: minutesView.nullable(),
  issues: z.array(z.object({
    issue: issueRef,
    records: z.number().int().describe('times it was recorded (by groups and the whole room)'),
    namedPeople: z.number().int().describe('distinct attendees named as raising it'),
    reportedPeople: z.number().int().describe('sum of the counts given'),
    groups: z.array(z.string().nullable()).describe('the groups that recorded it (null: the whole meeting)'),
  })).describe('most recorded first'),
  themes: z.array(z.object({ group: z.string().nullable(), text: z.string() })),
  quotes: z.array(z.object({ group: z.string().nullable(), text: z.string() })).describe('consented quotes, without the speaker'),
  polls: z.object({
    programme: z.object({ id: z.string().uuid(), title: z.string() }).nullable(),
    questions: z.array(questionResultView).describe('the questions put to the room, whole meeting'),
    breakouts: z.array(z.object({
      id: z.string().uuid().nullable().describe('null: answers from people in no published group'),
      name: z.string().nullable(),
      questions: z.array(questionResultView),
    })).describe('the same questions per breakout group; empty when no answer names a group'),
  }),
  generatedAt: z.string(),
});
export type MeetingReport = z.infer<typeof meetingReportView>;
