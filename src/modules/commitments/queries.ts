import { and, asc, desc, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/connection.ts';
import { badRequest } from '../../server/errors.ts';
import { decodeCursor, pageOf } from '../../server/pagination.ts';
import type { Actor } from '../accounts/actor.ts';
import { commitmentVisibleSql } from './policy.ts';
import { commitmentAnswers, commitmentStatuses, commitments } from './schema.ts';

export const commitmentFilterSchema = z.strictObject({
  person: z.string().uuid().optional(),
  unit: z.string().uuid().optional().describe('this unit and every unit below it'),
  askedBy: z.union([z.literal('me'), z.string().uuid()]).optional().describe('"me", or an account id'),
  answer: z.union([z.enum(commitmentAnswers), z.array(z.enum(commitmentAnswers)).max(4)]).optional(),
  status: z.union([z.enum(commitmentStatuses), z.array(z.enum(commitmentStatuses)).max(3)]).optional(),
});
export type CommitmentFilter = z.infer<typeof commitmentFilterSchema>;

const asList = <T,>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const inList = (col: SQL | unknown, values: string[]) => sql`${col} in (${sql.join(values.map((v) => sql`${v}`), sql`, `)})`;

/** A page of the commitments the actor may see, newest asked first. */
export async function listCommitments(db: Db, actor: Actor, f: CommitmentFilter, limit: number, cursor?: string) {
  const after = decodeCursor(cursor, 2) as [string, string] | null;
  if (after && (typeof after[0] !== 'string' || Number.isNaN(Date.parse(after[0])) || typeof after[1] !== 'string' || !UUID.test(after[1]))) throw badRequest('The cursor is not valid; start again from the first page.');
  const answers = asList(f.answer);
  const statuses = asList(f.status);
  const rows = await db.select().from(commitments).where(and(
    commitmentVisibleSql(actor),
    f.person ? sql`${commitments.personId} = ${f.person}` : undefined,
    f.unit ? sql`${commitments.unitId} in (select u.id from units u where u.path like (select p.path from units p where p.id = ${f.unit}) || '%')` : undefined,
    f.askedBy ? sql`${commitments.askedBy} = ${f.askedBy === 'me' ? actor.accountId : f.askedBy}` : undefined,
    answers.length > 0 ? inList(commitments.answer, answers) : undefined,
    statuses.length > 0 ? inList(commitments.status, statuses) : undefined,
    after ? sql`(${commitments.askedAt}, ${commitments.id}) < (${after[0]}::timestamptz, ${after[1]}::uuid)` : undefined,
  )).orderBy(desc(commitments.askedAt), desc(commitments.id)).limit(limit + 1);
  return pageOf(rows, limit, (r) => [new Date(r.askedAt).toISOString(), r.id]);
}

/** A person's commitments the actor may see, newest first (capped). */
export async function personCommitments(db: Db, actor: Actor, personId: string, cap = 500) {
  return db.select().from(commitments).where(and(commitmentVisibleSql(actor), sql`${commitments.personId} = ${personId}`))
    .orderBy(desc(commitments.askedAt), asc(commitments.id)).limit(cap);
}
