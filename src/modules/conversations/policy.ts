import { and, eq, isNull, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/connection.ts';
import { arrayParam } from '../../db/arrayParam.ts';
import { forbidden, notFound } from '../../server/errors.ts';
import { can, canAnywhere, inScope, type Actor } from '../accounts/actor.ts';
import { orgsWith } from '../people/orgScope.ts';
import { units } from '../units/schema.ts';
import { conversations } from './schema.ts';

/**
 * Who sees which conversation (issue 3, point 8):
 * - `conversations.read` on the unit: every conversation there (who, when, how; not the notes);
 * - anyone who logs conversations: the ones they logged or took part in ("my conversations"),
 *   and, within the units where they log, those with the people they have spoken with ("my people");
 * - the notes, issues raised and assessments (special category data) go only to holders of
 *   `conversations.read_sensitive` on the unit and to the people who took part. Every such read is audited.
 */

/** The people an account has held conversations with: "my people". */
export function myPeopleSql(accountId: string): SQL {
  return sql`select mcp.person_id from conversation_organisers mco
    join conversation_people mcp on mcp.conversation_id = mco.conversation_id and mcp.deleted_at is null
    where mco.account_id = ${accountId} and mco.deleted_at is null`;
}

/** True (in SQL) when the conversation in `conversations` was logged or held by the actor, in an organisation where they still log. */
export function ownConversationSql(actor: Actor): SQL {
  const orgs = orgsWith(actor, ['conversations.log']);
  if (orgs.length === 0) return sql`false`;
  return sql`(${conversations.orgId} = any(${arrayParam(orgs)}::uuid[]) and (${conversations.createdBy} = ${actor.accountId}
    or exists (select 1 from conversation_organisers oco where oco.conversation_id = ${conversations.id} and oco.account_id = ${actor.accountId})))`;
}

/** SQL condition: the actor may see this live conversation (the row of `conversations`). */
export function conversationVisibleSql(actor: Actor): SQL {
  const mine = sql`(${inScope(actor, 'conversations.log', conversations.unitId)} and exists (
    select 1 from conversation_people vcp where vcp.conversation_id = ${conversations.id} and vcp.deleted_at is null
      and vcp.person_id in (${myPeopleSql(actor.accountId)})))`;
  return sql`(${conversations.deletedAt} is null and (${inScope(actor, 'conversations.read', conversations.unitId)} or ${ownConversationSql(actor)} or ${mine}))`;
}

/** SQL boolean: the actor may read this conversation's notes, issues raised and assessments. */
export function conversationSensitiveSql(actor: Actor): SQL {
  return sql`(${inScope(actor, 'conversations.read_sensitive', conversations.unitId)} or ${ownConversationSql(actor)})`;
}

/**
 * SQL condition for a commitment or follow-up row (`table` names its columns): visible to
 * readers of its unit, to whoever asked or is assigned it, to those who held its conversation,
 * and to those who log in its unit when the person is one of theirs.
 */
export function personalRowVisibleSql(actor: Actor, t: { unitId: unknown; personId: unknown; conversationId: unknown; mine: SQL }): SQL {
  return sql`(${inScope(actor, 'conversations.read', t.unitId)} or ${t.mine}
    or ${t.conversationId} in (select pco.conversation_id from conversation_organisers pco where pco.account_id = ${actor.accountId} and pco.deleted_at is null)
    or (${inScope(actor, 'conversations.log', t.unitId)} and ${t.personId} in (${myPeopleSql(actor.accountId)})))`;
}

export type ConversationRow = typeof conversations.$inferSelect;
export interface LoadedConversation {
  row: ConversationRow;
  unitPath: string;
  own: boolean;
  sensitive: boolean;
}

/**
 * Loads a live conversation for an action. One the actor cannot see is a 404 (so a guessed id
 * confirms nothing); changing or deleting needs to have held it (and still log in its
 * organisation) or `conversations.manage` on its unit, else 403.
 */
export async function loadConversationFor(db: Db, actor: Actor, id: string, action: 'read' | 'change', lock = false): Promise<LoadedConversation> {
  if (lock) await db.execute(sql`select 1 from conversations where id = ${id} for update`);
  const [found] = await db
    .select({ row: conversations, unitPath: units.path, own: sql<boolean>`${ownConversationSql(actor)}`, sensitive: sql<boolean>`${conversationSensitiveSql(actor)}` })
    .from(conversations)
    .innerJoin(units, eq(units.id, conversations.unitId))
    .where(and(eq(conversations.id, id), isNull(conversations.deletedAt), conversationVisibleSql(actor)))
    .limit(1);
  if (!found) throw notFound('Conversation');
  if (action === 'change' && !found.own && !can(actor, 'conversations.manage', found.unitPath)) throw forbidden();
  return found;
}

/** True when the actor may change a commitment or follow-up in the unit at `unitPath` that they can see. */
export function mayChangePersonalRow(actor: Actor, unitPath: string, mine: boolean): boolean {
  return mine || can(actor, 'conversations.log', unitPath);
}

/** Refuses (403) callers who neither log nor read conversations anywhere. */
export function assertWorksWithConversations(actor: Actor): void {
  if (!canAnywhere(actor, 'conversations.log') && !canAnywhere(actor, 'conversations.read')) throw forbidden();
}
