import type { Db } from '../../db/connection.ts';
import { validationFailed } from '../../server/errors.ts';
import type { Actor } from '../accounts/actor.ts';
import { checkIssueRefs, fileIssueRefs } from '../issues/resolveIssueRefs.ts';
import { checkAttendees, checkRecordFor, type NotesAccess } from './notesAccess.ts';
import type { MeetingIssueInput, MeetingQuoteInput } from './notesInputs.ts';
import { meetingIssuePeople, meetingIssues, meetingQuotes, meetingThemes } from './notesSchema.ts';

const base = (access: NotesAccess, actor: Actor, groupId: string | null, groupName: string | null) =>
  ({ orgId: access.event.orgId, unitId: access.event.unitId, eventId: access.event.id, groupId, groupName, recordedBy: actor.accountId });

/**
 * Records an issue raised, and the attendees who raised it as people (the salience rows, dated
 * at the meeting's start, or now if recorded before it began). Runs inside the caller's transaction with the event row locked.
 */
export async function recordMeetingIssue(tx: Db, actor: Actor, access: NotesAccess, input: MeetingIssueInput): Promise<string> {
  const groupName = await checkRecordFor(tx, access, input.groupId);
  const { checked, errors } = await checkIssueRefs(tx, access.event.orgId, [input.issue], 'issue');
  if (errors.length > 0) throw validationFailed('Choose an issue from the list or describe it.', errors.map((e) => ({ ...e, path: e.path.replace(/^issue\.0/, 'issue') })));
  const named = await checkAttendees(tx, access.event.id, input.groupId, [...new Set(input.raisedBy)], 'raisedBy');
  const [issueId] = await fileIssueRefs(tx, access.event.orgId, actor.accountId, checked);
  const [row] = await tx.insert(meetingIssues).values({
    ...base(access, actor, input.groupId, groupName), issueId: issueId!, rawText: checked[0]!.rawText, peopleCount: input.peopleCount ?? null,
  }).returning({ id: meetingIssues.id });
  const occurredAt = new Date(Math.min(access.event.startsAt.getTime(), Date.now()));
  if (named.length > 0) {
    await tx.insert(meetingIssuePeople).values(named.map((p) => ({
      meetingIssueId: row!.id, rsvpId: p.rsvp_id, personId: p.person_id, orgId: access.event.orgId, unitId: access.event.unitId,
      eventId: access.event.id, issueId: issueId!, wardCode: p.ward_code, occurredAt,
    })));
  }
  return row!.id;
}

export async function recordMeetingTheme(tx: Db, actor: Actor, access: NotesAccess, input: { groupId: string | null; text: string }) {
  const groupName = await checkRecordFor(tx, access, input.groupId);
  await tx.insert(meetingThemes).values({ ...base(access, actor, input.groupId, groupName), text: input.text });
}

/** A quote is kept only with consent to the wording shown: without it nothing is stored (422). */
export async function recordMeetingQuote(tx: Db, actor: Actor, access: NotesAccess, input: MeetingQuoteInput) {
  const groupName = await checkRecordFor(tx, access, input.groupId);
  if (!input.consented) throw validationFailed('A quote is kept only when the speaker agrees to it being used.', [{ path: 'consented', message: 'The speaker did not consent: leave the quote out.' }]);
  if (input.speakerRsvpId) await checkAttendees(tx, access.event.id, input.groupId, [input.speakerRsvpId], 'speakerRsvpId');
  await tx.insert(meetingQuotes).values({
    ...base(access, actor, input.groupId, groupName), text: input.text, consentWording: input.consentWording, consented: true, speakerRsvpId: input.speakerRsvpId,
  });
}
