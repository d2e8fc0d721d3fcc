import type { Db } from '../../db/connection.ts';
import type { Actor } from '../accounts/actor.ts';
import { recordAudit } from '../audit/recordAudit.ts';
import { loadUnitForEvents } from '../events/createEvent.ts';
import type { z } from 'zod';
import type { createProgrammeBody } from './inputs.ts';
import { programmes } from './schema.ts';

/** A new programme in a unit the caller manages events for (unknown unit 422, unmanaged 403), audited. */
export async function createProgramme(db: Db, actor: Actor, input: z.infer<typeof createProgrammeBody>, requestId?: string): Promise<string> {
  const unit = await loadUnitForEvents(db, actor, input.unitId);
  return db.transaction(async (tx) => {
    const [p] = await tx.insert(programmes).values({ orgId: unit.orgId, unitId: unit.id, title: input.title, description: input.description, createdBy: actor.accountId }).returning({ id: programmes.id });
    await recordAudit(tx, { actorAccountId: actor.accountId, action: 'programme.create', entityType: 'programme', entityId: p!.id, orgId: unit.orgId, unitId: unit.id, requestId });
    return p!.id;
  });
}
