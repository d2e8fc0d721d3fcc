import { eq } from 'drizzle-orm';
import type { Db } from '../../db/connection.ts';
import type { Actor } from '../accounts/actor.ts';
import { recordAudit } from '../audit/recordAudit.ts';
import { recomputeTouched } from '../ladder/activity.ts';
import type { LoadedRelationship } from './policy.ts';
import { relationships } from './schema.ts';
import { auditActorId } from '../accounts/systemActor.ts';

/** Removes a link (the audit keeps what it was); a recruiter's or bringer's standing is recomputed. */
export async function deleteRelationship(tx: Db, actor: Actor, r: LoadedRelationship, requestId?: string): Promise<void> {
  await tx.delete(relationships).where(eq(relationships.id, r.id));
  await recordAudit(tx, {
    actorAccountId: auditActorId(actor), action: 'relationship.delete', entityType: 'relationship', entityId: r.id, orgId: r.orgId, unitId: r.unitId,
    changes: { type: r.type, personId: r.personId, otherPersonId: r.otherPersonId, kind: r.kind, strength: r.strength, eventName: r.eventName, occurredOn: r.occurredOn },
    requestId,
  });
  if (r.type !== 'tie') await recomputeTouched(tx, r.orgId, [r.personId]);
}
