import type { Db } from '../../db/connection.ts';

/** Organising activity that may change someone's standing (ladder level, leader signals). */
export interface ActivityEvent {
  orgId: string;
  /** People the activity was with or about. */
  personIds: string[];
  /** Accounts that did it (organisers, the person marking a commitment). */
  accountIds: string[];
  kind: 'conversation' | 'commitment' | 'follow_up' | 'attendance' | 'leadership';
}

export type ActivityHook = (tx: Db, events: ActivityEvent[]) => Promise<void>;

const hooks: ActivityHook[] = [];

/**
 * Registers work to run inside the transaction of every write that records activity, so
 * derived state (such as a ladder level) never disagrees with what was recorded.
 */
export function onActivity(hook: ActivityHook): void {
  if (!hooks.includes(hook)) hooks.push(hook);
}

/** Runs the registered hooks for `events` in the caller's transaction. */
export async function runActivityHooks(tx: Db, events: ActivityEvent[]): Promise<void> {
  if (events.length === 0) return;
  for (const hook of hooks) await hook(tx, events);
}
