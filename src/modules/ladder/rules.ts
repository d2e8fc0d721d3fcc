import { z } from 'zod';

/**
 * What a ladder rule can count. Each metric is a kind of activity fact per person (see
 * ladderFacts.ts for the SQL of each):
 * - conversations: conversations they were spoken with in (outcome "spoke"), any kind;
 * - one_to_ones: one-to-ones (outcome "spoke") they took part in, spoken with or holding them;
 * - one_to_ones_held: one-to-ones they held as an organiser (through the account linked to them);
 * - people_recruited: people they recruited (recruited-by links, dated);
 * - people_brought: distinct people they brought to an event (brought-to links, dated);
 * - commitments_kept: their commitments marked kept (dated by the marking);
 * - events_attended: events of any kind they were checked in at (dated by the event's start);
 * - actions_attended: the same, counting only events of kind "action";
 * - actions_led: campaign actions whose evaluation names them as a leader who stepped up (dated by the action).
 */
export const ladderMetrics = ['conversations', 'one_to_ones', 'one_to_ones_held', 'people_recruited', 'people_brought', 'commitments_kept', 'events_attended', 'actions_attended', 'actions_led'] as const;
export type LadderMetric = (typeof ladderMetrics)[number];

export const ladderCondition = z.strictObject({
  metric: z.enum(ladderMetrics),
  atLeast: z.number().int().min(1).max(1000),
  withinDays: z.number().int().min(1).max(3650).nullable().default(null).describe('count only activity in the last this many days; null counts all time'),
});
export type LadderCondition = z.infer<typeof ladderCondition>;

/** A level's rule: every condition must hold (an empty rule is refused, so no level covers everyone). */
export const ladderRule = z.strictObject({
  all: z.array(ladderCondition).min(1).max(10),
});
export type LadderRule = z.infer<typeof ladderRule>;

/** A metric counted over a window: the unit the SQL counts and rules compare. */
export interface MetricWindow {
  metric: LadderMetric;
  withinDays: number | null;
}

export const windowKey = (w: MetricWindow) => `${w.metric}:${w.withinDays ?? 'all'}`;

/** The distinct metric windows the rules of `levels` need, in a stable order. */
export function windowsOf(levels: { rule: LadderRule }[]): MetricWindow[] {
  const seen = new Map<string, MetricWindow>();
  for (const l of levels) for (const c of l.rule.all) seen.set(windowKey(c), { metric: c.metric, withinDays: c.withinDays ?? null });
  return [...seen.values()].sort((a, b) => windowKey(a).localeCompare(windowKey(b)));
}

/**
 * The level earned from counts: the highest level such that its rule and the rules of every
 * level below it hold (a ladder is climbed rung by rung). `levels` must be lowest first.
 */
export function earnedLevel<L extends { rule: LadderRule }>(levels: L[], counts: (w: MetricWindow) => number): L | null {
  let earned: L | null = null;
  for (const level of levels) {
    if (!level.rule.all.every((c) => counts({ metric: c.metric, withinDays: c.withinDays ?? null }) >= c.atLeast)) break;
    earned = level;
  }
  return earned;
}
