import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/connection.ts';
import { forbidden, notFound } from '../../server/errors.ts';
import type { Actor } from '../accounts/actor.ts';
import { mayChangePersonalRow, personalRowVisibleSql } from '../conversations/policy.ts';
import { units } from '../units/schema.ts';
import { commitments } from './schema.ts';

/** SQL condition: the actor may see this commitment (see conversations/policy.ts for who sees what). */
export const commitmentVisibleSql = (actor: Actor) =>
  and(isNull(commitments.deletedAt), personalRowVisibleSql(actor, { unitId: commitments.unitId, personId: commitments.personId, conversationId: commitments.conversationId, mine: sql`${commitments.askedBy} = ${actor.accountId}` }))!;

/** A live commitment the actor may change: 404 when they cannot see it, 403 when they only see it. */
export async function loadCommitmentToChange(tx: Db, actor: Actor, id: string) {
  await tx.execute(sql`select 1 from commitments where id = ${id} for update`);
  const [found] = await tx.select({ row: commitments, unitPath: units.path }).from(commitments).innerJoin(units, eq(units.id, commitments.unitId))
    .where(and(eq(commitments.id, id), commitmentVisibleSql(actor))).limit(1);
  if (!found) throw notFound('Commitment');
  if (!mayChangePersonalRow(actor, found.unitPath, found.row.askedBy === actor.accountId)) throw forbidden();
  return found.row;
}
