import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../db/connection.ts';
import type { Actor } from '../accounts/actor.ts';
import { personCommitments } from '../commitments/queries.ts';
import { presentCommitment } from '../commitments/views.ts';
import { personFollowUps } from '../follow-ups/queries.ts';
import { presentFollowUp } from '../follow-ups/views.ts';
import type { PersonRow } from '../people/present.ts';
import { scales } from '../scales/schema.ts';
import { conversationSensitiveSql, conversationVisibleSql } from './policy.ts';
import { accountNames, presentConversations } from './present.ts';
import { listConversations } from './queries.ts';
import { assessments, conversations } from './schema.ts';
import type { SensitiveReads } from './sensitiveReads.ts';
import type { AssessmentView } from './views.ts';

const CAP = 500;

/** A person's assessments over time, from the conversations whose special category data the actor may read. */
async function assessmentsOverTime(db: Db, actor: Actor, personId: string, reads: SensitiveReads): Promise<AssessmentView[]> {
  const rows = await db
    .select({ a: assessments, scale: scales, orgId: conversations.orgId, unitId: conversations.unitId })
    .from(assessments)
    .innerJoin(conversations, eq(conversations.id, assessments.conversationId))
    .innerJoin(scales, eq(scales.id, assessments.scaleId))
    .where(and(eq(assessments.personId, personId), isNull(assessments.deletedAt), conversationVisibleSql(actor), conversationSensitiveSql(actor)))
    .orderBy(desc(assessments.assessedAt), desc(assessments.id))
    .limit(CAP);
  for (const r of rows) reads.add([personId], r.a.conversationId, r.orgId, r.unitId, ['assessments']);
  return rows.map(({ a, scale }) => ({
    id: a.id, personId: a.personId, conversationId: a.conversationId,
    scale: { id: scale.id, key: scale.key, label: scale.label, minValue: scale.minValue, maxValue: scale.maxValue, higherIsBetter: scale.higherIsBetter },
    value: a.value, valueLabel: scale.pointLabels[String(a.value)] ?? null, phase: a.phase, assessedAt: new Date(a.assessedAt).toISOString(),
  }));
}

/**
 * Everything the actor may see about one person's organising, for the person page: a page of
 * conversations (newest first), assessments over time, commitments and follow-ups. Later parts
 * (relationships, ladder) add their own sections here.
 */
export async function loadTimeline(db: Db, actor: Actor, person: PersonRow, page: { limit: number; cursor?: string }, reads: SensitiveReads) {
  const [convs, assessed, commitmentRows, followUpRows] = await Promise.all([
    listConversations(db, actor, { person: person.id }, page.limit, page.cursor),
    assessmentsOverTime(db, actor, person.id, reads),
    personCommitments(db, actor, person.id, CAP),
    personFollowUps(db, actor, person.id, CAP),
  ]);
  const [items, names] = await Promise.all([
    presentConversations(db, actor, convs.items, reads),
    accountNames(db, followUpRows.map((f) => f.assigneeAccountId)),
  ]);
  return {
    person: { id: person.id, firstName: person.firstName, lastName: person.lastName },
    conversations: { items, nextCursor: convs.nextCursor },
    assessments: assessed,
    commitments: commitmentRows.map(presentCommitment),
    followUps: followUpRows.map((f) => presentFollowUp(f, names)),
  };
}
