import { eq } from 'drizzle-orm';
import type { Db } from '../../db/connection.ts';
import { conflict, validationFailed } from '../../server/errors.ts';
import type { Actor } from '../accounts/actor.ts';
import { recordAudit } from '../audit/recordAudit.ts';
import { recomputeTouched } from './activity.ts';
import { liveLevels } from './levels.ts';
import { ladderHistory, personLadder } from './schema.ts';
import { auditActorId } from '../accounts/systemActor.ts';

interface PersonRef {
  id: string;
  orgId: string;
  unitId: string;
}


/**
 * Puts a person on a level by hand (null: off the ladder), with a reason. The override holds
 * until their computed level next changes, or until it is cleared; their standing is brought up
 * to date first, so "the next change" is measured from now. Audited, and in the history.
 */
export async function setManualLevel(tx: Db, actor: Actor, person: PersonRef, levelId: string | null, reason: string, requestId?: string): Promise<void> {
  const levels = await liveLevels(tx, person.orgId);
  const target = levelId === null ? null : levels.find((l) => l.id === levelId);
  if (target === undefined) throw validationFailed('Unknown level.', [{ path: 'levelId', message: 'No live level with this id on this organisation’s ladder.' }]);
  await recomputeTouched(tx, person.orgId, [person.id]);
  const [cur] = await tx.select().from(personLadder).where(eq(personLadder.personId, person.id)).for('update');
  const from = cur?.levelId ?? null;
  if (from === levelId) throw conflict('They are already on that level.');
  const now = new Date();
  const manual = { manualSet: true, manualLevelId: levelId, manualBaseLevelId: cur?.computedLevelId ?? null, manualReason: reason, manualBy: auditActorId(actor), manualAt: now, levelId, updatedAt: now };
  await tx.insert(personLadder).values({ personId: person.id, orgId: person.orgId, computedLevelId: null, ...manual })
    .onConflictDoUpdate({ target: personLadder.personId, set: manual });
  const position = (id: string | null) => (id === null ? null : levels.find((l) => l.id === id)?.position ?? null);
  await tx.insert(ladderHistory).values({ orgId: person.orgId, personId: person.id, fromLevelId: from, toLevelId: levelId, fromPosition: position(from), toPosition: position(levelId), reason: 'manual', note: reason, changedBy: auditActorId(actor), changedAt: now });
  await recordAudit(tx, { actorAccountId: auditActorId(actor), action: 'ladder.level.set', entityType: 'person', entityId: person.id, orgId: person.orgId, unitId: person.unitId, changes: { level: [from, levelId], reason }, requestId });
}

/** Ends a manual level: the person goes back to the level their activity earns. Audited. */
export async function clearManualLevel(tx: Db, actor: Actor, person: PersonRef, requestId?: string): Promise<void> {
  await recomputeTouched(tx, person.orgId, [person.id]);
  const [cur] = await tx.select().from(personLadder).where(eq(personLadder.personId, person.id)).for('update');
  if (!cur?.manualSet) throw conflict('There is no manual level to clear.');
  const levels = await liveLevels(tx, person.orgId);
  const now = new Date();
  const to = cur.computedLevelId;
  await tx.update(personLadder).set({ levelId: to, manualSet: false, manualLevelId: null, manualBaseLevelId: null, manualReason: null, manualBy: null, manualAt: null, updatedAt: now })
    .where(eq(personLadder.personId, person.id));
  if (cur.levelId !== to) {
    const position = (id: string | null) => (id === null ? null : levels.find((l) => l.id === id)?.position ?? null);
    await tx.insert(ladderHistory).values({ orgId: person.orgId, personId: person.id, fromLevelId: cur.levelId, toLevelId: to, fromPosition: position(cur.levelId), toPosition: position(to), reason: 'manual', note: 'Manual level cleared.', changedBy: auditActorId(actor), changedAt: now });
  }
  await recordAudit(tx, { actorAccountId: auditActorId(actor), action: 'ladder.level.clear', entityType: 'person', entityId: person.id, orgId: person.orgId, unitId: person.unitId, changes: { level: [cur.levelId, to] }, requestId });
}
