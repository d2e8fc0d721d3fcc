import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/connection.ts';
import { execute } from '../../db/execute.ts';
import { conflict, notFound, validationFailed } from '../../server/errors.ts';
import type { Actor } from '../accounts/actor.ts';
import { auditActorId } from '../accounts/systemActor.ts';
import { recordAudit, type AuditEntry } from '../audit/recordAudit.ts';
import { runActivityHooks } from '../conversations/activityHooks.ts';
import { eventVisible } from '../events/policy.ts';
import type { CreateActionInput, EvaluationInput, UpdateActionInput } from './actionInputs.ts';
import { checkCampaignPeople, type LoadedCampaign } from './policy.ts';
import { campaignActionLeaders, campaignActions, powerMapActors } from './schema.ts';

type ActionRow = typeof campaignActions.$inferSelect;
type Problem = { path: string; message: string };

/** Today in London, YYYY-MM-DD: an action's day is a calendar day there. */
export function londonToday(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** An action of this campaign, locked for the rest of the transaction, or a 404. */
async function loadAction(tx: Db, loaded: LoadedCampaign, actionId: string): Promise<ActionRow> {
  const [row] = await tx.select().from(campaignActions).where(and(eq(campaignActions.id, actionId), eq(campaignActions.campaignId, loaded.campaign.id))).for('update');
  if (!row) throw notFound('Action');
  return row;
}

/**
 * Everything about an action's links and state that the schema cannot say, checked together so
 * one 422 lists every problem and nothing is written: the event is an "action" event the caller
 * can see, in the campaign's unit or below; the target is on this campaign's power map; it is
 * not done, nor its turnout counted, before its day.
 */
async function checkAction(tx: Db, actor: Actor, loaded: LoadedCampaign, next: Pick<ActionRow, 'eventId' | 'targetActorId' | 'actionOn' | 'status' | 'turnout'>, changed: { eventId: boolean; targetActorId: boolean }): Promise<void> {
  const problems: Problem[] = [];
  if (next.eventId && changed.eventId) {
    const [event] = await execute<{ id: string }>(tx, sql`
      select e.id from events e join units u on u.id = e.unit_id
      where e.id = ${next.eventId} and e.org_id = ${loaded.campaign.orgId} and e.kind = 'action'
        and u.path like ${`${loaded.unitPath}%`} and ${eventVisible(actor, 'e')}`);
    if (!event) problems.push({ path: 'eventId', message: 'No event of kind “action” in the campaign’s unit or below that you can see.' });
  }
  if (next.targetActorId && changed.targetActorId) {
    const [target] = await tx.select({ id: powerMapActors.id }).from(powerMapActors)
      .where(and(eq(powerMapActors.id, next.targetActorId), eq(powerMapActors.campaignId, loaded.campaign.id)));
    if (!target) problems.push({ path: 'targetActorId', message: 'No actor with this id on this campaign’s power map.' });
  }
  const future = next.actionOn > londonToday();
  if (future && next.status === 'done') problems.push({ path: 'status', message: 'An action can be marked done only from its day.' });
  if (future && next.turnout !== null) problems.push({ path: 'turnout', message: 'Turnout can be recorded only from the day of the action.' });
  if (problems.length > 0) throw validationFailed(problems.length === 1 ? problems[0]!.message : 'The action is not valid.', problems);
}

const audit = (actor: Actor, loaded: LoadedCampaign, action: string, entityType: string, entityId: string, changes: Record<string, unknown>, requestId?: string): AuditEntry => ({
  actorAccountId: auditActorId(actor), action, entityType, entityId, orgId: loaded.campaign.orgId, unitId: loaded.campaign.unitId, changes, requestId,
});

/** Plans (or records) an action of a campaign; in the caller's transaction, audited with ids and counts. */
export async function createAction(tx: Db, actor: Actor, loaded: LoadedCampaign, input: CreateActionInput, requestId?: string): Promise<string> {
  await checkAction(tx, actor, loaded, input, { eventId: true, targetActorId: true });
  const c = loaded.campaign;
  const [row] = await tx.insert(campaignActions).values({
    orgId: c.orgId, unitId: c.unitId, campaignId: c.id, ...input, createdBy: auditActorId(actor), updatedBy: auditActorId(actor),
  }).returning({ id: campaignActions.id });
  await recordAudit(tx, audit(actor, loaded, 'campaign_action.create', 'campaign_action', row!.id, {
    campaignId: c.id, eventId: input.eventId, targetActorId: input.targetActorId, asks: input.asks.length, turnoutGoal: input.turnoutGoal, turnout: input.turnout, status: input.status,
  }, requestId));
  return row!.id;
}

/**
 * Edits an action. An evaluated action stays done (409 otherwise): its evaluation belongs to
 * what happened. Moving an evaluated action's day moves its leaders' ladder facts, so the
 * ladder is recomputed for them in this transaction.
 */
export async function updateAction(tx: Db, actor: Actor, loaded: LoadedCampaign, actionId: string, input: UpdateActionInput, requestId?: string): Promise<void> {
  const before = await loadAction(tx, loaded, actionId);
  const set = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) as Partial<ActionRow>;
  const next = { ...before, ...set };
  if (before.evaluatedAt && next.status !== 'done') throw conflict('This action has been evaluated, so it stays done.');
  await checkAction(tx, actor, loaded, next, { eventId: next.eventId !== before.eventId, targetActorId: next.targetActorId !== before.targetActorId });
  const changed = Object.keys(set).filter((k) => JSON.stringify(set[k as keyof ActionRow]) !== JSON.stringify(before[k as keyof ActionRow]));
  if (changed.length === 0) return;
  await tx.update(campaignActions).set({ ...set, updatedBy: auditActorId(actor), updatedAt: sql`now()` }).where(eq(campaignActions.id, actionId));
  const ids: Record<string, unknown> = {};
  if (changed.includes('eventId')) ids.eventId = next.eventId;
  if (changed.includes('targetActorId')) ids.targetActorId = next.targetActorId;
  if (changed.includes('status')) ids.status = [before.status, next.status];
  if (changed.includes('turnout')) ids.turnout = next.turnout;
  if (changed.includes('turnoutGoal')) ids.turnoutGoal = next.turnoutGoal;
  if (changed.includes('asks')) ids.asks = next.asks.length;
  await recordAudit(tx, audit(actor, loaded, 'campaign_action.update', 'campaign_action', actionId, { campaignId: loaded.campaign.id, fields: changed.sort(), ...ids }, requestId));
  if (changed.includes('actionOn') && before.evaluatedAt) {
    const leaders = await tx.select({ personId: campaignActionLeaders.personId }).from(campaignActionLeaders).where(eq(campaignActionLeaders.actionId, actionId));
    await runActivityHooks(tx, [{ orgId: loaded.campaign.orgId, personIds: leaders.map((l) => l.personId), accountIds: [], kind: 'leadership' }]);
  }
}

/**
 * Writes (or rewrites) the evaluation of a done action: what went well, what to improve, and the
 * leaders who stepped up — people of the campaign's unit or below whom the caller may read. The
 * leaders are links to their records; adding or removing one is audited against that person
 * (ids only), and their ladder standing is recomputed in this transaction.
 */
export async function evaluateAction(tx: Db, actor: Actor, loaded: LoadedCampaign, actionId: string, input: EvaluationInput, requestId?: string): Promise<void> {
  const before = await loadAction(tx, loaded, actionId);
  if (before.status !== 'done') throw conflict('An action is evaluated once it is done: mark it done first.');
  const wanted = [...new Set(input.leaderIds)];
  await checkCampaignPeople(tx, actor, loaded, wanted, 'leaderIds');
  const existing = (await tx.select({ personId: campaignActionLeaders.personId }).from(campaignActionLeaders).where(eq(campaignActionLeaders.actionId, actionId))).map((r) => r.personId);
  const added = wanted.filter((id) => !existing.includes(id));
  const removed = existing.filter((id) => !wanted.includes(id));
  const c = loaded.campaign;
  await tx.update(campaignActions).set({
    wentWell: input.wentWell, toImprove: input.toImprove, evaluatedAt: sql`now()`, evaluatedBy: auditActorId(actor), updatedBy: auditActorId(actor), updatedAt: sql`now()`,
  }).where(eq(campaignActions.id, actionId));
  if (removed.length > 0) await tx.delete(campaignActionLeaders).where(and(eq(campaignActionLeaders.actionId, actionId), inArray(campaignActionLeaders.personId, removed)));
  if (added.length > 0) {
    await tx.insert(campaignActionLeaders).values(added.map((personId) => ({ actionId, personId, orgId: c.orgId, campaignId: c.id, addedBy: auditActorId(actor) })));
  }
  await recordAudit(tx, [
    audit(actor, loaded, before.evaluatedAt ? 'campaign_action.evaluation_update' : 'campaign_action.evaluate', 'campaign_action', actionId, {
      campaignId: c.id, leaders: wanted.length, added: added.length, removed: removed.length,
    }, requestId),
    ...added.map((personId) => audit(actor, loaded, 'campaign_action.leader_add', 'person', personId, { campaignId: c.id, actionId }, requestId)),
    ...removed.map((personId) => audit(actor, loaded, 'campaign_action.leader_remove', 'person', personId, { campaignId: c.id, actionId }, requestId)),
  ]);
  await runActivityHooks(tx, [{ orgId: c.orgId, personIds: [...added, ...removed], accountIds: [], kind: 'leadership' }]);
}
