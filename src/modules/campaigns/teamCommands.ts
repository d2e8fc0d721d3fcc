import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/connection.ts';
import { notFound } from '../../server/errors.ts';
import type { Actor } from '../accounts/actor.ts';
import { auditActorId } from '../accounts/systemActor.ts';
import { recordAudit } from '../audit/recordAudit.ts';
import { checkCampaignPeople, type LoadedCampaign } from './policy.ts';
import { campaignTeam } from './schema.ts';

/** Puts a person on a campaign's team with a role, or changes their role; returns whether they were new. In the caller's transaction. */
export async function setTeamMember(tx: Db, actor: Actor, loaded: LoadedCampaign, personId: string, input: { role: string; isLeader: boolean }, requestId?: string): Promise<boolean> {
  const c = loaded.campaign;
  await checkCampaignPeople(tx, actor, loaded, [personId], 'personId');
  const [row] = await tx.insert(campaignTeam).values({ campaignId: c.id, personId, orgId: c.orgId, role: input.role, isLeader: input.isLeader, addedBy: auditActorId(actor) })
    .onConflictDoUpdate({ target: [campaignTeam.campaignId, campaignTeam.personId], set: { role: input.role, isLeader: input.isLeader } })
    .returning({ inserted: sql<boolean>`(xmax = 0)` });
  await recordAudit(tx, {
    actorAccountId: auditActorId(actor), action: 'campaign.team_set', entityType: 'campaign', entityId: c.id, orgId: c.orgId, unitId: c.unitId,
    changes: { personId, role: input.role, isLeader: input.isLeader }, requestId,
  });
  return !!row?.inserted;
}

/** Takes a person off a campaign's team; 404 when they were not on it. */
export async function removeTeamMember(tx: Db, actor: Actor, loaded: LoadedCampaign, personId: string, requestId?: string): Promise<void> {
  const c = loaded.campaign;
  const gone = await tx.delete(campaignTeam).where(and(eq(campaignTeam.campaignId, c.id), eq(campaignTeam.personId, personId))).returning({ personId: campaignTeam.personId });
  if (gone.length === 0) throw notFound('Team member');
  await recordAudit(tx, { actorAccountId: auditActorId(actor), action: 'campaign.team_remove', entityType: 'campaign', entityId: c.id, orgId: c.orgId, unitId: c.unitId, changes: { personId }, requestId });
}
