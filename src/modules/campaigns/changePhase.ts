import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/connection.ts';
import { validationFailed } from '../../server/errors.ts';
import type { Actor } from '../accounts/actor.ts';
import { auditActorId } from '../accounts/systemActor.ts';
import { recordAudit } from '../audit/recordAudit.ts';
import type { PhaseMoveInput } from './inputs.ts';
import { checkPhaseMove } from './phaseRules.ts';
import type { LoadedCampaign } from './policy.ts';
import { campaignPhaseChanges, campaigns } from './schema.ts';

/**
 * Moves a campaign to another phase and appends the change to its history, in the caller's
 * transaction (the campaign row locked by loading it with `lock`). Backwards without a reason,
 * or to the phase it is already in, is a 422 and writes nothing. Each change is stamped strictly
 * after the one before, so the history reads in order even when two moves land in one instant.
 */
export async function changePhase(tx: Db, actor: Actor, loaded: LoadedCampaign, input: PhaseMoveInput, requestId?: string): Promise<void> {
  const c = loaded.campaign;
  const reason = input.reason?.trim() || null;
  const check = checkPhaseMove(c.phase, input.phase, reason);
  if (!check.ok) {
    throw check.problem === 'same_phase'
      ? validationFailed('The campaign is already in that phase.', [{ path: 'phase', message: 'Choose another phase.' }])
      : validationFailed('Moving back to an earlier phase needs a reason.', [{ path: 'reason', message: 'Say why the campaign is going back.' }]);
  }
  const [row] = await tx.update(campaigns).set({ phase: input.phase, phaseChangedAt: sql`greatest(clock_timestamp(), ${campaigns.phaseChangedAt} + interval '1 microsecond')`, updatedBy: auditActorId(actor), updatedAt: sql`now()` })
    .where(eq(campaigns.id, c.id)).returning({ at: campaigns.phaseChangedAt });
  await tx.insert(campaignPhaseChanges).values({
    orgId: c.orgId, campaignId: c.id, fromPhase: c.phase, toPhase: input.phase, reason, changedBy: auditActorId(actor), changedAt: row!.at,
  });
  await recordAudit(tx, {
    actorAccountId: auditActorId(actor), action: 'campaign.phase', entityType: 'campaign', entityId: c.id, orgId: c.orgId, unitId: c.unitId,
    changes: { phase: [c.phase, input.phase], reason }, requestId,
  });
}
