import { sql } from 'drizzle-orm';
import type { Db } from '../../db/connection.ts';
import { execute } from '../../db/execute.ts';
import { conflict } from '../../server/errors.ts';
import type { Actor } from '../accounts/actor.ts';
import { recordAudit } from '../audit/recordAudit.ts';
import { recomputeTouched } from '../ladder/activity.ts';
import type { CreateRelationshipInput } from './inputs.ts';
import type { PairPerson } from './policy.ts';
import { relationships } from './schema.ts';
import { auditActorId } from '../accounts/systemActor.ts';

const today = () => new Date().toISOString().slice(0, 10);

/** The id of the link that `input` would duplicate, if there is one. */
async function existingLink(tx: Db, orgId: string, input: CreateRelationshipInput): Promise<string | null> {
  const where = input.type === 'tie'
    ? sql`type = 'tie' and least(person_id, other_person_id) = least(${input.personId}::uuid, ${input.otherPersonId}::uuid) and greatest(person_id, other_person_id) = greatest(${input.personId}::uuid, ${input.otherPersonId}::uuid)`
    : input.type === 'recruited'
      ? sql`type = 'recruited' and other_person_id = ${input.otherPersonId}`
      : sql`type = 'brought' and person_id = ${input.personId} and other_person_id = ${input.otherPersonId} and event_name = ${input.eventName} and occurred_on = ${input.occurredOn}`;
  const [row] = await execute<{ id: string }>(tx, sql`select id from relationships where org_id = ${orgId} and ${where} limit 1`);
  return row?.id ?? null;
}

/**
 * Records a link between two people the caller may change (checked by the caller), once: a
 * second tie between the same two people, a second recruiter for someone, or the same person
 * brought to the same event twice is a 409 naming the existing link. A recruitment or a person
 * brought counts for the ladder, so the recruiter's standing is recomputed in the same transaction.
 */
export async function createRelationship(tx: Db, actor: Actor, pair: [PairPerson, PairPerson], input: CreateRelationshipInput, requestId?: string): Promise<string> {
  const orgId = pair[0].orgId;
  // Serialise links between these two people, so two concurrent duplicates cannot both pass the check.
  await tx.execute(sql`select 1 from people where id in (${input.personId}, ${input.otherPersonId}) order by id for no key update`);
  const existing = await existingLink(tx, orgId, input);
  if (existing) {
    const what = input.type === 'tie' ? 'These two people already have a relationship.' : input.type === 'recruited' ? 'This person already has a recruiter.' : 'This is already recorded.';
    throw conflict(what, { existingId: existing });
  }
  const [row] = await tx.insert(relationships).values({
    orgId,
    type: input.type,
    personId: input.personId,
    otherPersonId: input.otherPersonId,
    kind: input.type === 'tie' ? input.kind : null,
    strength: input.type === 'tie' ? input.strength : null,
    eventName: input.type === 'brought' ? input.eventName : null,
    occurredOn: input.type === 'tie' ? null : input.occurredOn ?? today(),
    createdBy: auditActorId(actor),
  }).returning({ id: relationships.id });
  const { type, personId, otherPersonId } = input;
  await recordAudit(tx, {
    actorAccountId: auditActorId(actor),
    action: 'relationship.create',
    entityType: 'relationship',
    entityId: row!.id,
    orgId,
    unitId: pair[0].unitId,
    changes: { type, personId, otherPersonId, ...(input.type === 'tie' ? { kind: input.kind, strength: input.strength } : {}), ...(input.type === 'brought' ? { eventName: input.eventName, occurredOn: input.occurredOn } : {}) },
    requestId,
  });
  if (input.type !== 'tie') await recomputeTouched(tx, orgId, [input.personId]);
  return row!.id;
}
