import { and, desc, eq, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/connection.ts';
import { arrayParam } from '../../db/arrayParam.ts';
import { badRequest } from '../../server/errors.ts';
import { decodeCursor, pageOf } from '../../server/pagination.ts';
import type { Actor } from '../accounts/actor.ts';
import { units } from '../units/schema.ts';
import { conversationSensitiveSql, conversationVisibleSql, ownConversationSql } from './policy.ts';
import type { ReadConversation } from './present.ts';
import { conversationKinds, conversationOutcomes, conversations } from './schema.ts';

const dateOrTime = z.union([z.iso.date(), z.iso.datetime({ offset: true })]);

/** What a list of conversations can be narrowed by. */
export const conversationFilterSchema = z.strictObject({
  person: z.string().uuid().optional().describe('conversations with this person'),
  unit: z.string().uuid().optional().describe('conversations of this unit and every unit below it'),
  organiser: z.union([z.literal('me'), z.string().uuid()]).optional().describe('"me", or an account id: conversations they held'),
  kind: z.union([z.enum(conversationKinds), z.array(z.enum(conversationKinds)).max(5)]).optional(),
  outcome: z.union([z.enum(conversationOutcomes), z.array(z.enum(conversationOutcomes)).max(6)]).optional(),
  from: dateOrTime.optional().describe('on or after (a date means its start, UTC)'),
  to: dateOrTime.optional().describe('before (a date means the start of that day, UTC)'),
});
export type ConversationFilter = z.infer<typeof conversationFilterSchema>;

const asList = <T,>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function filterSql(actor: Actor, f: ConversationFilter): SQL[] {
  const parts: SQL[] = [];
  if (f.person) parts.push(sql`${conversations.id} in (select fcp.conversation_id from conversation_people fcp where fcp.person_id = ${f.person} and fcp.deleted_at is null)`);
  if (f.unit) parts.push(sql`${conversations.unitId} in (select u.id from units u where u.path like (select p.path from units p where p.id = ${f.unit}) || '%')`);
  if (f.organiser) {
    const account = f.organiser === 'me' ? actor.accountId : f.organiser;
    parts.push(sql`${conversations.id} in (select fco.conversation_id from conversation_organisers fco where fco.account_id = ${account} and fco.deleted_at is null)`);
  }
  const kinds = asList(f.kind);
  if (kinds.length > 0) parts.push(sql`${conversations.kind} in (${sql.join(kinds.map((k) => sql`${k}`), sql`, `)})`);
  const outcomes = asList(f.outcome);
  if (outcomes.length > 0) parts.push(sql`${conversations.outcome} in (${sql.join(outcomes.map((k) => sql`${k}`), sql`, `)})`);
  if (f.from) parts.push(sql`${conversations.occurredAt} >= ${new Date(f.from).toISOString()}::timestamptz`);
  if (f.to) parts.push(sql`${conversations.occurredAt} < ${new Date(f.to).toISOString()}::timestamptz`);
  return parts;
}

function readColumns(actor: Actor) {
  return {
    row: conversations,
    unitName: units.name,
    unitPath: units.path,
    own: sql<boolean>`${ownConversationSql(actor)}`.as('own'),
    sensitive: sql<boolean>`${conversationSensitiveSql(actor)}`.as('sensitive'),
  };
}

/** A page of the conversations the actor may see, newest first; the scope is applied in SQL. */
export async function listConversations(db: Db, actor: Actor, f: ConversationFilter, limit: number, cursor?: string) {
  const after = decodeCursor(cursor, 2) as [string, string] | null;
  if (after && (typeof after[0] !== 'string' || Number.isNaN(Date.parse(after[0])) || typeof after[1] !== 'string' || !UUID.test(after[1]))) {
    throw badRequest('The cursor is not valid; start again from the first page.');
  }
  const rows: ReadConversation[] = await db
    .select(readColumns(actor))
    .from(conversations)
    .innerJoin(units, eq(units.id, conversations.unitId))
    .where(and(
      conversationVisibleSql(actor),
      ...filterSql(actor, f),
      after ? sql`(${conversations.occurredAt}, ${conversations.id}) < (${after[0]}::timestamptz, ${after[1]}::uuid)` : undefined,
    ))
    .orderBy(desc(conversations.occurredAt), desc(conversations.id))
    .limit(limit + 1);
  return pageOf(rows, limit, (r) => [new Date(r.row.occurredAt).toISOString(), r.row.id]);
}

/** Conversations by id that the actor may see (for presenting what a command just wrote or read). */
export async function readConversations(db: Db, actor: Actor, ids: string[]): Promise<ReadConversation[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .select(readColumns(actor))
    .from(conversations)
    .innerJoin(units, eq(units.id, conversations.unitId))
    .where(and(conversationVisibleSql(actor), sql`${conversations.id} = any(${arrayParam(ids)}::uuid[])`))
    .orderBy(desc(conversations.occurredAt), desc(conversations.id));
  return rows;
}
