import { sql } from 'drizzle-orm';
import type { Db } from '../../db/connection.ts';
import { arrayParam } from '../../db/arrayParam.ts';
import { execute } from '../../db/execute.ts';
import type { Actor } from '../accounts/actor.ts';
import { auditActorId } from '../accounts/systemActor.ts';
import { recordAudit } from '../audit/recordAudit.ts';
import type { NotesAccess } from './notesAccess.ts';
import type { MeetingNotesView } from './notesView.ts';

/**
 * An attendee named as raising an issue, or as the speaker of a quote, is special category data
 * (their political opinions), as in a conversation: a read of it is audited with a row per person
 * (so "who read what about this person" is one lookup), holding ids only. Themes and counts name
 * no one and are not audited.
 */
export async function auditNotesRead(db: Db, actor: Actor, access: NotesAccess, view: MeetingNotesView, requestId: string): Promise<void> {
  const fieldsByRsvp = new Map<string, Set<string>>();
  const note = (rsvpId: string, field: string) => fieldsByRsvp.set(rsvpId, (fieldsByRsvp.get(rsvpId) ?? new Set()).add(field));
  for (const group of view.groups) {
    for (const issue of group.issues) for (const a of issue.raisedBy) note(a.rsvpId, 'issues');
    for (const quote of group.quotes) if (quote.speaker) note(quote.speaker.rsvpId, 'quotes');
  }
  if (fieldsByRsvp.size === 0) return;
  const rows = await execute<{ id: string; person_id: string }>(db, sql`
    select id, person_id from event_rsvps where event_id = ${access.event.id} and id = any(${arrayParam([...fieldsByRsvp.keys()])}::uuid[])`);
  const fieldsByPerson = new Map<string, Set<string>>();
  for (const r of rows) for (const f of fieldsByRsvp.get(r.id)!) fieldsByPerson.set(r.person_id, (fieldsByPerson.get(r.person_id) ?? new Set()).add(f));
  await recordAudit(db, [...fieldsByPerson].map(([personId, fields]) => ({
    actorAccountId: auditActorId(actor),
    action: 'meeting.read_sensitive',
    entityType: 'person',
    entityId: personId,
    orgId: access.event.orgId,
    unitId: access.event.unitId,
    changes: { events: [access.event.id], fields: [...fields].sort() },
    requestId,
  })));
}
