import { sql } from 'drizzle-orm';
import type { Db } from '../../db/connection.ts';
import { arrayParam } from '../../db/arrayParam.ts';
import { execute } from '../../db/execute.ts';
import { onActivity, type ActivityEvent } from '../conversations/activityHooks.ts';
import { liveLevels } from './levels.ts';
import { recomputeLadderSet, type RecomputeResult } from './recomputeLadder.ts';

/**
 * Recomputes, in the caller's transaction, the standing of the people an activity touched: the
 * people it was with and the people linked to the accounts that did it (organisers holding
 * one-to-ones climb too). Locks those people first, in id order. Nothing to do where the
 * organisation has no ladder.
 */
export async function recomputeTouched(tx: Db, orgId: string, personIds: string[], accountIds: string[] = [], asOf?: Date): Promise<RecomputeResult> {
  const levels = await liveLevels(tx, orgId);
  if (levels.length === 0 || personIds.length + accountIds.length === 0) return { written: 0, moved: 0 };
  // The ids are gathered first so that people is read by primary key: an OR with the accounts
  // subquery made PostgreSQL scan every person of the organisation.
  const locked = await execute<{ id: string }>(tx, sql`
    select id from people
    where org_id = ${orgId} and deleted_at is null
      and id = any(array(
        select unnest(${arrayParam([...new Set(personIds)])}::uuid[])
        union select a.person_id from accounts a where a.id = any(${arrayParam([...new Set(accountIds)])}::uuid[]) and a.person_id is not null))
    order by id for no key update`);
  if (locked.length === 0) return { written: 0, moved: 0 };
  return recomputeLadderSet(tx, orgId, levels, { ids: locked.map((r) => r.id) }, asOf);
}

/** The activity hook: one recompute per organisation named in the events. */
export async function ladderActivityHook(tx: Db, events: ActivityEvent[]): Promise<void> {
  const byOrg = new Map<string, { people: string[]; accounts: string[] }>();
  for (const e of events) {
    const entry = byOrg.get(e.orgId) ?? { people: [], accounts: [] };
    entry.people.push(...e.personIds);
    entry.accounts.push(...e.accountIds);
    byOrg.set(e.orgId, entry);
  }
  for (const [orgId, touched] of byOrg) await recomputeTouched(tx, orgId, touched.people, touched.accounts);
}

// Registered on import: the app's routes and the command line both import this module.
onActivity(ladderActivityHook);
