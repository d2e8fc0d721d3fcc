import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/connection.ts';
import { validationFailed } from '../../server/errors.ts';
import type { Actor } from '../accounts/actor.ts';
import { recordAudit } from '../audit/recordAudit.ts';
import type { LevelInput } from './inputs.ts';
import { liveLevels, type LadderLevel } from './levels.ts';
import { ladderLevels, personLadder } from './schema.ts';
import { auditActorId } from '../accounts/systemActor.ts';

/**
 * Replaces an organisation's ladder in one transaction: levels given with an id (or with the
 * key of a live level) are kept and changed, new ones are added, the rest are retired. Manual
 * levels on a retired level end. The caller recomputes everyone afterwards.
 */
export async function configureLevels(tx: Db, actor: Actor, orgId: string, input: LevelInput[], requestId?: string): Promise<{ levels: LadderLevel[]; retired: string[] }> {
  await tx.execute(sql`select 1 from organisations where id = ${orgId} for update`);
  const before = await liveLevels(tx, orgId);
  const byId = new Map(before.map((l) => [l.id, l]));
  const byKey = new Map(before.map((l) => [l.key, l]));
  const errors = input.flatMap((l, i) => (l.id && !byId.has(l.id) ? [{ path: `levels.${i}.id`, message: 'No live level with this id in this organisation.' }] : []));
  if (errors.length > 0) throw validationFailed('Some levels are not valid.', errors);
  const matched = input.map((l) => (l.id ? byId.get(l.id)! : byKey.get(l.key) ?? null));
  const keptIds = new Set(matched.filter((m): m is LadderLevel => m !== null).map((m) => m.id));
  const retired = before.filter((l) => !keptIds.has(l.id)).map((l) => l.id);
  const now = new Date();
  const by = auditActorId(actor);
  if (retired.length > 0) {
    await tx.update(ladderLevels).set({ archivedAt: now, updatedAt: now, updatedBy: by }).where(inArray(ladderLevels.id, retired));
    await tx.update(personLadder).set({ manualSet: false, manualLevelId: null, manualBaseLevelId: null, manualReason: null, manualBy: null, manualAt: null, updatedAt: now })
      .where(and(eq(personLadder.orgId, orgId), inArray(personLadder.manualLevelId, retired)));
  }
  // Keys may swap between kept levels: move them out of the way first, so no two live levels share one mid-way.
  if (keptIds.size > 0) await tx.update(ladderLevels).set({ key: sql`${ladderLevels.key} || ':' || ${ladderLevels.id}` }).where(inArray(ladderLevels.id, [...keptIds]));
  for (const [i, l] of input.entries()) {
    const values = { position: i + 1, key: l.key, label: l.label, description: l.description ?? null, nextStep: l.nextStep, rule: l.rule, updatedAt: now, updatedBy: by };
    const existing = matched[i];
    if (existing) await tx.update(ladderLevels).set(values).where(eq(ladderLevels.id, existing.id));
    else await tx.insert(ladderLevels).values({ ...values, orgId });
  }
  const after = await liveLevels(tx, orgId);
  await recordAudit(tx, {
    actorAccountId: by,
    action: 'ladder.levels.update',
    entityType: 'organisation',
    entityId: orgId,
    orgId,
    changes: { before: before.map((l) => ({ key: l.key, rule: l.rule })), after: after.map((l) => ({ key: l.key, rule: l.rule })), retired: retired.length },
    requestId,
  });
  return { levels: after, retired };
}

