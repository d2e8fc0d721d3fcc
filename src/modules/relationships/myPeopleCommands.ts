import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/connection.ts';
import { notFound } from '../../server/errors.ts';
import type { Actor } from '../accounts/actor.ts';
import { recordAudit } from '../audit/recordAudit.ts';
import { myPeople } from './schema.ts';

/** Puts a person on the caller's own list (the caller checked they may); true when newly added. */
export async function addMyPerson(tx: Db, actor: Actor, person: { id: string; orgId: string; unitId: string }, requestId?: string): Promise<boolean> {
  const added = await tx.insert(myPeople).values({ accountId: actor.accountId, personId: person.id, orgId: person.orgId }).onConflictDoNothing().returning({ id: myPeople.personId });
  if (added.length > 0) {
    await recordAudit(tx, { actorAccountId: actor.accountId, action: 'my_people.add', entityType: 'person', entityId: person.id, orgId: person.orgId, unitId: person.unitId, requestId });
  }
  return added.length > 0;
}

/** Takes a person the caller added off their list (404 when they did not add them). */
export async function removeMyPerson(tx: Db, actor: Actor, personId: string, requestId?: string): Promise<void> {
  const [gone] = await tx.delete(myPeople).where(and(eq(myPeople.accountId, actor.accountId), eq(myPeople.personId, personId))).returning();
  if (!gone) throw notFound('Person on your list');
  await recordAudit(tx, { actorAccountId: actor.accountId, action: 'my_people.remove', entityType: 'person', entityId: personId, orgId: gone.orgId, requestId });
}
