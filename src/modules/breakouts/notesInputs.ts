import { z } from 'zod';

const groupId = z.string().uuid().nullable().describe('the breakout group; null for the whole meeting (those who run it only)');
const attendees = z.array(z.string().uuid()).max(200).default([]);

export const issueRef = z.union([
  z.strictObject({ issueId: z.string().uuid() }),
  z.strictObject({ text: z.string().trim().min(1).max(200).describe('in the words used: filed under a matching issue or proposed as a new one') }),
]);

export const meetingIssueBody = z.strictObject({
  groupId,
  issue: issueRef,
  peopleCount: z.number().int().min(1).max(10_000).optional().describe('how many people in the group (or room) raised it, when counted'),
  raisedBy: attendees.describe('RSVP ids of the attendees who raised it; only these count in issue salience, as people'),
}).refine((b) => b.peopleCount === undefined || b.peopleCount >= b.raisedBy.length, { message: 'The count cannot be below the attendees named.', path: ['peopleCount'] });
export type MeetingIssueInput = z.infer<typeof meetingIssueBody>;

export const meetingThemeBody = z.strictObject({ groupId, text: z.string().trim().min(1).max(200) });

export const meetingQuoteBody = z.strictObject({
  groupId,
  text: z.string().trim().min(1).max(2000),
  consentWording: z.string().trim().min(10).max(1000).describe('the wording the speaker was shown or read, kept with the quote'),
  consented: z.boolean().describe('the speaker agreed to the quote being used; a quote without consent is refused'),
  speakerRsvpId: z.string().uuid().nullable().default(null).describe('the attendee who said it, when they agree to be named'),
});
export type MeetingQuoteInput = z.infer<typeof meetingQuoteBody>;
