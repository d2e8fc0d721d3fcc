import { campaignPhases, type CampaignPhase } from './schema.ts';

/** Where a phase stands in the organising cycle (0 = build relationships). */
export const phaseIndex = (phase: CampaignPhase): number => campaignPhases.indexOf(phase);

export type PhaseMoveCheck =
  | { ok: true; direction: 'forward' | 'backward' }
  | { ok: false; problem: 'same_phase' | 'reason_required' };

/**
 * The rule for moving a campaign between phases. Forward moves (skipping phases included) need
 * nothing; going back — a chosen issue that did not hold, an action that has to be rethought —
 * needs a reason, so the history explains itself. Staying put is not a move.
 */
export function checkPhaseMove(from: CampaignPhase, to: CampaignPhase, reason: string | null | undefined): PhaseMoveCheck {
  if (from === to) return { ok: false, problem: 'same_phase' };
  if (phaseIndex(to) > phaseIndex(from)) return { ok: true, direction: 'forward' };
  if (!reason || reason.trim() === '') return { ok: false, problem: 'reason_required' };
  return { ok: true, direction: 'backward' };
}
