import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/connection.ts';
import { notFound } from '../../server/errors.ts';
import type { Actor } from '../accounts/actor.ts';
import { auditActorId } from '../accounts/systemActor.ts';
import { diffFields, recordAudit } from '../audit/recordAudit.ts';
import type { CreateWinInput, UpdateWinInput } from './inputs.ts';
import type { LoadedCampaign } from './policy.ts';
import { wins, winsPages } from './schema.ts';

/** Logs a win of a campaign; it belongs to the campaign's unit (and its wins page). */
export async function logWin(tx: Db, actor: Actor, loaded: LoadedCampaign, input: CreateWinInput, requestId?: string): Promise<string> {
  const c = loaded.campaign;
  const [row] = await tx.insert(wins).values({ orgId: c.orgId, unitId: c.unitId, campaignId: c.id, ...input, createdBy: auditActorId(actor) }).returning({ id: wins.id });
  await recordAudit(tx, { actorAccountId: auditActorId(actor), action: 'win.create', entityType: 'win', entityId: row!.id, orgId: c.orgId, unitId: c.unitId, changes: { campaignId: c.id, wonOn: input.wonOn }, requestId });
  return row!.id;
}

export async function updateWin(tx: Db, actor: Actor, loaded: LoadedCampaign, winId: string, input: UpdateWinInput, requestId?: string): Promise<void> {
  const [before] = await tx.select().from(wins).where(and(eq(wins.id, winId), eq(wins.campaignId, loaded.campaign.id)));
  if (!before) throw notFound('Win');
  const set = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
  await tx.update(wins).set({ ...set, updatedAt: sql`now()` }).where(eq(wins.id, winId));
  await recordAudit(tx, { actorAccountId: auditActorId(actor), action: 'win.update', entityType: 'win', entityId: winId, orgId: before.orgId, unitId: before.unitId, changes: diffFields(before as unknown as Record<string, unknown>, set), requestId });
}

export async function removeWin(tx: Db, actor: Actor, loaded: LoadedCampaign, winId: string, requestId?: string): Promise<void> {
  const gone = await tx.delete(wins).where(and(eq(wins.id, winId), eq(wins.campaignId, loaded.campaign.id))).returning({ id: wins.id, unitId: wins.unitId });
  if (gone.length === 0) throw notFound('Win');
  await recordAudit(tx, { actorAccountId: auditActorId(actor), action: 'win.remove', entityType: 'win', entityId: winId, orgId: loaded.campaign.orgId, unitId: gone[0]!.unitId, requestId });
}

/** Makes a unit's wins page public or private again. */
export async function setWinsPagePublic(tx: Db, actor: Actor, unit: { id: string; orgId: string }, isPublic: boolean, requestId?: string): Promise<void> {
  await tx.insert(winsPages).values({ unitId: unit.id, orgId: unit.orgId, isPublic, changedBy: auditActorId(actor) })
    .onConflictDoUpdate({ target: winsPages.unitId, set: { isPublic, changedBy: auditActorId(actor), changedAt: sql`now()` } });
  await recordAudit(tx, { actorAccountId: auditActorId(actor), action: isPublic ? 'wins_page.publish' : 'wins_page.unpublish', entityType: 'unit', entityId: unit.id, orgId: unit.orgId, unitId: unit.id, requestId });
}
