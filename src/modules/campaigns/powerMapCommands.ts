import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/connection.ts';
import { notFound, validationFailed } from '../../server/errors.ts';
import type { Actor } from '../accounts/actor.ts';
import { auditActorId } from '../accounts/systemActor.ts';
import { diffFields, recordAudit } from '../audit/recordAudit.ts';
import type { CreateActorInput, UpdateActorInput } from './inputs.ts';
import { checkCampaignPeople, type LoadedCampaign } from './policy.ts';
import { powerMapActors, powerMapContacts, powerMapLinks } from './schema.ts';

type ActorRow = typeof powerMapActors.$inferSelect;

const audit = (tx: Db, actor: Actor, loaded: LoadedCampaign, action: string, changes: Record<string, unknown>, requestId?: string) =>
  recordAudit(tx, { actorAccountId: auditActorId(actor), action, entityType: 'campaign', entityId: loaded.campaign.id, orgId: loaded.campaign.orgId, unitId: loaded.campaign.unitId, changes, requestId });

/** An actor of this campaign's power map, or a 404. */
export async function loadActor(tx: Db, loaded: LoadedCampaign, actorId: string): Promise<ActorRow> {
  const [row] = await tx.select().from(powerMapActors).where(and(eq(powerMapActors.id, actorId), eq(powerMapActors.campaignId, loaded.campaign.id)));
  if (!row) throw notFound('Actor');
  return row;
}

/**
 * Adds an actor to a campaign's power map. A person in our records is named by their record
 * (no copy of their name is kept); anyone else needs a name.
 */
export async function addActor(tx: Db, actor: Actor, loaded: LoadedCampaign, input: CreateActorInput, requestId?: string): Promise<string> {
  if (input.personId) {
    if (input.kind !== 'person') throw validationFailed('An institution cannot be a person in our records.', [{ path: 'personId', message: 'Only for kind "person".' }]);
    await checkCampaignPeople(tx, actor, loaded, [input.personId], 'personId');
  } else if (input.name === '') {
    throw validationFailed('Name the actor.', [{ path: 'name', message: 'Needed unless the actor is a person in our records.' }]);
  }
  const c = loaded.campaign;
  const [row] = await tx.insert(powerMapActors).values({
    orgId: c.orgId, campaignId: c.id, kind: input.kind, personId: input.personId, name: input.personId ? '' : input.name, position: input.position,
    influence: input.influence, stance: input.stance, selfInterest: input.selfInterest, target: input.target, notes: input.notes, createdBy: auditActorId(actor),
  }).returning({ id: powerMapActors.id });
  await audit(tx, actor, loaded, 'campaign.actor_add', { actorId: row!.id, kind: input.kind, influence: input.influence, stance: input.stance, target: input.target }, requestId);
  return row!.id;
}

/** Edits an actor; the name of a person in our records stays theirs. */
export async function updateActor(tx: Db, actor: Actor, loaded: LoadedCampaign, actorId: string, input: UpdateActorInput, requestId?: string): Promise<void> {
  const before = await loadActor(tx, loaded, actorId);
  if (before.personId && input.name !== undefined && input.name !== '') {
    throw validationFailed('This actor is a person in our records; their name comes from the record.', [{ path: 'name', message: 'Leave it out.' }]);
  }
  if (!before.personId && input.name === '') throw validationFailed('Name the actor.', [{ path: 'name', message: 'Needed.' }]);
  const set = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
  await tx.update(powerMapActors).set({ ...set, updatedAt: sql`now()` }).where(eq(powerMapActors.id, actorId));
  await audit(tx, actor, loaded, 'campaign.actor_update', { actorId, ...diffFields(before as unknown as Record<string, unknown>, set) }, requestId);
}

/** Takes an actor off the map, with their links and contacts. */
export async function removeActor(tx: Db, actor: Actor, loaded: LoadedCampaign, actorId: string, requestId?: string): Promise<void> {
  await loadActor(tx, loaded, actorId);
  await tx.delete(powerMapActors).where(eq(powerMapActors.id, actorId));
  await audit(tx, actor, loaded, 'campaign.actor_remove', { actorId }, requestId);
}

/** Records that one actor relates to another on the same map; both must be this campaign's. The same pair twice is a 409. */
export async function addLink(tx: Db, actor: Actor, loaded: LoadedCampaign, input: { fromActorId: string; toActorId: string; description: string }, requestId?: string): Promise<string> {
  if (input.fromActorId === input.toActorId) throw validationFailed('An actor cannot be linked to themselves.', [{ path: 'toActorId', message: 'Choose another actor.' }]);
  const found = await tx.select({ id: powerMapActors.id }).from(powerMapActors)
    .where(and(eq(powerMapActors.campaignId, loaded.campaign.id), inArray(powerMapActors.id, [input.fromActorId, input.toActorId])));
  for (const key of ['fromActorId', 'toActorId'] as const) {
    if (!found.some((f) => f.id === input[key])) throw validationFailed('Unknown actor.', [{ path: key, message: 'No actor with this id on this power map.' }]);
  }
  const [row] = await tx.insert(powerMapLinks).values({ orgId: loaded.campaign.orgId, campaignId: loaded.campaign.id, ...input }).returning({ id: powerMapLinks.id });
  await audit(tx, actor, loaded, 'campaign.link_add', { linkId: row!.id, fromActorId: input.fromActorId, toActorId: input.toActorId }, requestId);
  return row!.id;
}

export async function removeLink(tx: Db, actor: Actor, loaded: LoadedCampaign, linkId: string, requestId?: string): Promise<void> {
  const gone = await tx.delete(powerMapLinks).where(and(eq(powerMapLinks.id, linkId), eq(powerMapLinks.campaignId, loaded.campaign.id))).returning({ id: powerMapLinks.id });
  if (gone.length === 0) throw notFound('Link');
  await audit(tx, actor, loaded, 'campaign.link_remove', { linkId }, requestId);
}

/** Records that one of our people has a relationship with an actor (or updates how); returns whether it was new. */
export async function setContact(tx: Db, actor: Actor, loaded: LoadedCampaign, actorId: string, input: { personId: string; relationship: string }, requestId?: string): Promise<boolean> {
  await loadActor(tx, loaded, actorId);
  await checkCampaignPeople(tx, actor, loaded, [input.personId], 'personId');
  const [row] = await tx.insert(powerMapContacts).values({ actorId, personId: input.personId, orgId: loaded.campaign.orgId, campaignId: loaded.campaign.id, relationship: input.relationship })
    .onConflictDoUpdate({ target: [powerMapContacts.actorId, powerMapContacts.personId], set: { relationship: input.relationship } })
    .returning({ inserted: sql<boolean>`(xmax = 0)` });
  await audit(tx, actor, loaded, 'campaign.contact_set', { actorId, personId: input.personId }, requestId);
  return !!row?.inserted;
}

export async function removeContact(tx: Db, actor: Actor, loaded: LoadedCampaign, actorId: string, personId: string, requestId?: string): Promise<void> {
  await loadActor(tx, loaded, actorId);
  const gone = await tx.delete(powerMapContacts).where(and(eq(powerMapContacts.actorId, actorId), eq(powerMapContacts.personId, personId))).returning({ personId: powerMapContacts.personId });
  if (gone.length === 0) throw notFound('Contact');
  await audit(tx, actor, loaded, 'campaign.contact_remove', { actorId, personId }, requestId);
}
