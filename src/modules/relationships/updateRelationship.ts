import { eq } from 'drizzle-orm';
import type { Db } from '../../db/connection.ts';
import { validationFailed } from '../../server/errors.ts';
import type { Actor } from '../accounts/actor.ts';
import { diffFields, recordAudit } from '../audit/recordAudit.ts';
import { recomputeTouched } from '../ladder/activity.ts';
import type { UpdateRelationshipInput } from './inputs.ts';
import type { LoadedRelationship } from './policy.ts';
import { relationships } from './schema.ts';
import { auditActorId } from '../accounts/systemActor.ts';

// Which fields each type of link has.
const allowed: Record<LoadedRelationship['type'], (keyof UpdateRelationshipInput)[]> = {
  tie: ['kind', 'strength'],
  recruited: ['occurredOn'],
  brought: ['eventName', 'occurredOn'],
};

/** Changes a link's kind and strength (a tie) or its date and event (a recruitment or a person brought). Audited. */
export async function updateRelationship(tx: Db, actor: Actor, r: LoadedRelationship, patch: UpdateRelationshipInput, requestId?: string): Promise<void> {
  const wrong = (Object.keys(patch) as (keyof UpdateRelationshipInput)[]).filter((k) => !allowed[r.type].includes(k));
  if (wrong.length > 0) throw validationFailed(`A "${r.type}" link has no such field.`, wrong.map((path) => ({ path, message: `Not a field of a "${r.type}" link.` })));
  const before = { kind: r.kind, strength: r.strength, eventName: r.eventName, occurredOn: r.occurredOn };
  const after = { ...before, ...patch };
  await tx.update(relationships).set({ ...patch, updatedAt: new Date() }).where(eq(relationships.id, r.id));
  await recordAudit(tx, {
    actorAccountId: auditActorId(actor), action: 'relationship.update', entityType: 'relationship', entityId: r.id, orgId: r.orgId, unitId: r.unitId,
    changes: diffFields(before, after), requestId,
  });
  if (r.type !== 'tie' && patch.occurredOn !== undefined) await recomputeTouched(tx, r.orgId, [r.personId]);
}
