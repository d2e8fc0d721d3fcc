import { z } from 'zod';

const attendee = z.object({ rsvpId: z.string().uuid(), name: z.string() });
const issueRef = z.object({ id: z.string().uuid(), label: z.string(), status: z.enum(['proposed', 'approved', 'rejected']) });
const count = z.object({ value: z.number().int().nullable(), suppressed: z.boolean() });

/** One group's records (or the whole room's, `id` null). */
const groupNotes = z.object({
  id: z.string().uuid().nullable(),
  name: z.string().nullable().describe('the group’s published name when recorded; null for the whole meeting'),
  canRecord: z.boolean(),
  issues: z.array(z.object({ id: z.string().uuid(), issue: issueRef, rawText: z.string().nullable(), peopleCount: z.number().int().nullable(), raisedBy: z.array(attendee) })),
  themes: z.array(z.object({ id: z.string().uuid(), text: z.string() })),
  quotes: z.array(z.object({ id: z.string().uuid(), text: z.string(), consentWording: z.string(), speaker: attendee.nullable() })),
});

/**
 * What a meeting heard: records per group for those who run the meeting (every group) and for
 * facilitators (their own), and per issue the aggregates salience readers may see too.
 */
export const meetingNotesView = z.object({
  eventId: z.string().uuid(),
  eventTitle: z.string(),
  canRecordMeeting: z.boolean(),
  groups: z.array(groupNotes).describe('empty for someone who reads the aggregates only'),
  members: z.array(z.object({ groupId: z.string().uuid().nullable(), rsvpId: z.string().uuid(), name: z.string() })).describe('attendees the caller may name when recording'),
  summary: z.array(z.object({
    issue: issueRef,
    records: z.number().int().describe('times it was recorded'),
    namedPeople: count.describe('distinct attendees named as raising it (these count in salience)'),
    reportedPeople: count.describe('sum of the counts given (people not named are counted here only)'),
  })),
  threshold: z.number().int(),
});
export type MeetingNotesView = z.infer<typeof meetingNotesView>;
