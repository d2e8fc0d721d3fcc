import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/connection.ts';
import type { Actor } from '../accounts/actor.ts';
import { auditActorId } from '../accounts/systemActor.ts';
import { diffFields, recordAudit } from '../audit/recordAudit.ts';
import { checkAreas, checkIssue } from './checkCampaignDetails.ts';
import type { UpdateCampaignInput } from './inputs.ts';
import type { LoadedCampaign } from './policy.ts';
import { campaignAreas, campaigns } from './schema.ts';

/** Edits a campaign's details (not its phase: that has its own rule). Areas given replace the old ones. Run inside the caller's transaction. */
export async function updateCampaign(tx: Db, actor: Actor, loaded: LoadedCampaign, input: UpdateCampaignInput, requestId?: string): Promise<void> {
  const c = loaded.campaign;
  const { areaCodes, ...fields } = input;
  if (fields.issueId !== undefined) await checkIssue(tx, c.orgId, fields.issueId);
  const codes = areaCodes === undefined ? undefined : await checkAreas(tx, areaCodes);
  const set = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
  const changes: Record<string, unknown> = diffFields(c as unknown as Record<string, unknown>, set);
  await tx.update(campaigns).set({ ...set, updatedBy: auditActorId(actor), updatedAt: sql`now()` }).where(eq(campaigns.id, c.id));
  if (codes !== undefined) {
    await tx.delete(campaignAreas).where(eq(campaignAreas.campaignId, c.id));
    if (codes.length > 0) await tx.insert(campaignAreas).values(codes.map((areaCode) => ({ campaignId: c.id, areaCode })));
    changes.areaCodes = codes;
  }
  await recordAudit(tx, { actorAccountId: auditActorId(actor), action: 'campaign.update', entityType: 'campaign', entityId: c.id, orgId: c.orgId, unitId: c.unitId, changes, requestId });
}
