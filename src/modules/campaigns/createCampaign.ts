import type { Db } from '../../db/connection.ts';
import type { Actor } from '../accounts/actor.ts';
import { auditActorId } from '../accounts/systemActor.ts';
import { recordAudit } from '../audit/recordAudit.ts';
import { checkAreas, checkIssue } from './checkCampaignDetails.ts';
import type { CreateCampaignInput } from './inputs.ts';
import { loadUnitForCampaigns } from './policy.ts';
import { campaignAreas, campaignPhaseChanges, campaigns } from './schema.ts';

/** Starts a campaign in a unit, with its areas and the first entry of its phase history, audited, in one transaction. */
export async function createCampaign(db: Db, actor: Actor, input: CreateCampaignInput, requestId?: string): Promise<string> {
  const unit = await loadUnitForCampaigns(db, actor, input.unitId, 'manage');
  await checkIssue(db, unit.orgId, input.issueId);
  const areaCodes = await checkAreas(db, input.areaCodes);
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(campaigns).values({
      orgId: unit.orgId, unitId: unit.id, title: input.title, description: input.description, issueId: input.issueId,
      demand: input.demand, goal: input.goal, deadline: input.deadline, phase: input.phase, createdBy: auditActorId(actor), updatedBy: auditActorId(actor),
    }).returning({ id: campaigns.id, phaseChangedAt: campaigns.phaseChangedAt });
    const id = row!.id;
    if (areaCodes.length > 0) await tx.insert(campaignAreas).values(areaCodes.map((areaCode) => ({ campaignId: id, areaCode })));
    await tx.insert(campaignPhaseChanges).values({ orgId: unit.orgId, campaignId: id, fromPhase: null, toPhase: input.phase, changedBy: auditActorId(actor), changedAt: row!.phaseChangedAt });
    await recordAudit(tx, {
      actorAccountId: auditActorId(actor), action: 'campaign.create', entityType: 'campaign', entityId: id, orgId: unit.orgId, unitId: unit.id,
      changes: { phase: input.phase, issueId: input.issueId, areaCodes }, requestId,
    });
    return id;
  });
}
