import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/connection.ts';
import { forbidden, notFound } from '../../server/errors.ts';
import type { Actor } from '../accounts/actor.ts';
import { mayChangePersonalRow, personalRowVisibleSql } from '../conversations/policy.ts';
import { units } from '../units/schema.ts';
import { followUps } from './schema.ts';

/** SQL condition: the actor may see this follow-up (its assignee and creator always may). */
export const followUpVisibleSql = (actor: Actor) =>
  and(isNull(followUps.deletedAt), personalRowVisibleSql(actor, {
    unitId: followUps.unitId, personId: followUps.personId, conversationId: followUps.conversationId,
    mine: sql`(${followUps.assigneeAccountId} = ${actor.accountId} or ${followUps.createdBy} = ${actor.accountId})`,
  }))!;

/** A live follow-up the actor may change: 404 when they cannot see it, 403 when they only see it. */
export async function loadFollowUpToChange(tx: Db, actor: Actor, id: string) {
  await tx.execute(sql`select 1 from follow_ups where id = ${id} for update`);
  const [found] = await tx.select({ row: followUps, unitPath: units.path }).from(followUps).innerJoin(units, eq(units.id, followUps.unitId))
    .where(and(eq(followUps.id, id), followUpVisibleSql(actor))).limit(1);
  if (!found) throw notFound('Follow-up');
  const mine = found.row.assigneeAccountId === actor.accountId || found.row.createdBy === actor.accountId;
  if (!mayChangePersonalRow(actor, found.unitPath, mine)) throw forbidden();
  return found.row;
}
