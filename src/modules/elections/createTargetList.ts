import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/connection.ts';
import { conflict, validationFailed } from '../../server/errors.ts';
import { recordAudit } from '../audit/recordAudit.ts';
import { electionResults, targetListSeats, targetLists } from './schema.ts';

export interface NewTargetList {
  unit: { id: string; orgId: string };
  electionId: string;
  electionName: string;
  name: string;
  notes?: string;
  /** ONS codes in priority order. */
  seats: string[];
  basis?: Record<string, unknown>;
  actorAccountId: string | null;
  requestId?: string;
}

/** Saves a unit's list of target seats (each must be a seat of the election), with its audit row. */
export async function createTargetList(db: Db, input: NewTargetList) {
  const codes = [...new Set(input.seats)];
  if (codes.length === 0) throw validationFailed('A target list needs at least one seat.', [{ path: 'seats', message: 'Empty' }]);
  return db.transaction(async (tx) => {
    const found = new Set(
      (await tx.select({ code: electionResults.constituencyCode }).from(electionResults)
        .where(and(eq(electionResults.electionId, input.electionId), inArray(electionResults.constituencyCode, codes)))).map((r) => r.code),
    );
    const missing = codes.filter((c) => !found.has(c));
    if (missing.length > 0) {
      throw validationFailed(`Not seats of election "${input.electionName}": ${missing.slice(0, 10).join(', ')}${missing.length > 10 ? '…' : ''}.`, missing.map((c) => ({ path: 'seats', message: `Unknown seat ${c}` })));
    }
    const [clash] = await tx.select({ id: targetLists.id }).from(targetLists).where(and(eq(targetLists.unitId, input.unit.id), eq(targetLists.name, input.name)));
    if (clash) throw conflict(`This unit already has a target list called "${input.name}".`);
    const [list] = await tx
      .insert(targetLists)
      .values({ orgId: input.unit.orgId, unitId: input.unit.id, electionId: input.electionId, name: input.name, notes: input.notes ?? '', basis: input.basis ?? {}, createdBy: input.actorAccountId })
      .returning();
    await tx.insert(targetListSeats).values(codes.map((constituencyCode, position) => ({ targetListId: list!.id, constituencyCode, position })));
    await recordAudit(tx, {
      actorAccountId: input.actorAccountId, action: 'target_list.create', entityType: 'target_list', entityId: list!.id, orgId: input.unit.orgId,
      unitId: input.unit.id, changes: { name: input.name, election: input.electionName, seats: codes.length }, requestId: input.requestId ?? null,
    });
    return { ...list!, seats: codes };
  });
}
