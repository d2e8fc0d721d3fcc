import { and, asc, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/connection.ts';
import { badRequest } from '../../server/errors.ts';
import { decodeCursor, pageOf } from '../../server/pagination.ts';
import type { Actor } from '../accounts/actor.ts';
import { isRealDate } from '../custom-fields/validateCustomFields.ts';
import { followUpVisibleSql } from './policy.ts';
import { followUps } from './schema.ts';

export const followUpFilterSchema = z.strictObject({
  assignee: z.union([z.literal('me'), z.string().uuid()]).optional().describe('"me", or an account id'),
  due: z.enum(['overdue', 'today', 'week', 'all']).default('all').describe('overdue: before today; week: up to 7 days ahead, overdue included (days in UK time)'),
  status: z.enum(['open', 'done', 'all']).default('open'),
  person: z.string().uuid().optional(),
  unit: z.string().uuid().optional().describe('this unit and every unit below it'),
});
export type FollowUpFilter = z.infer<typeof followUpFilterSchema>;

// Organisers work in UK days: "due today" should not flip at midnight UTC in summer.
const TODAY = sql`(now() at time zone 'Europe/London')::date`;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function dueSql(due: FollowUpFilter['due']): SQL | undefined {
  if (due === 'overdue') return sql`${followUps.dueOn} < ${TODAY}`;
  if (due === 'today') return sql`${followUps.dueOn} = ${TODAY}`;
  if (due === 'week') return sql`${followUps.dueOn} <= ${TODAY} + 7`;
  return undefined;
}

/** A page of the follow-ups the actor may see, soonest due first. */
export async function listFollowUps(db: Db, actor: Actor, f: FollowUpFilter, limit: number, cursor?: string) {
  const after = decodeCursor(cursor, 2) as [string, string] | null;
  if (after && (typeof after[0] !== 'string' || !isRealDate(after[0]) || typeof after[1] !== 'string' || !UUID.test(after[1]))) throw badRequest('The cursor is not valid; start again from the first page.');
  const rows = await db.select().from(followUps).where(and(
    followUpVisibleSql(actor),
    f.assignee ? sql`${followUps.assigneeAccountId} = ${f.assignee === 'me' ? actor.accountId : f.assignee}` : undefined,
    f.status === 'open' ? sql`${followUps.doneAt} is null` : f.status === 'done' ? sql`${followUps.doneAt} is not null` : undefined,
    dueSql(f.due),
    f.person ? sql`${followUps.personId} = ${f.person}` : undefined,
    f.unit ? sql`${followUps.unitId} in (select u.id from units u where u.path like (select p.path from units p where p.id = ${f.unit}) || '%')` : undefined,
    after ? sql`(${followUps.dueOn}, ${followUps.id}) > (${after[0]}::date, ${after[1]}::uuid)` : undefined,
  )).orderBy(asc(followUps.dueOn), asc(followUps.id)).limit(limit + 1);
  return pageOf(rows, limit, (r) => [r.dueOn, r.id]);
}

/** A person's follow-ups the actor may see, soonest first (capped). */
export async function personFollowUps(db: Db, actor: Actor, personId: string, cap = 500) {
  return db.select().from(followUps).where(and(followUpVisibleSql(actor), sql`${followUps.personId} = ${personId}`))
    .orderBy(asc(followUps.dueOn), asc(followUps.id)).limit(cap);
}
