import { sql } from 'drizzle-orm';
import type { Db } from '../../db/connection.ts';
import { arrayParam } from '../../db/arrayParam.ts';
import { execute } from '../../db/execute.ts';
import { can, inScope, type Actor } from '../accounts/actor.ts';
import { presentCommitment, type CommitmentRow } from '../commitments/views.ts';
import { presentFollowUp, type FollowUpRow } from '../follow-ups/views.ts';
import type { ConversationRow } from './policy.ts';
import type { SensitiveReads } from './sensitiveReads.ts';
import type { AssessmentView, ConversationView } from './views.ts';

/** A conversation as read, with what the caller may do with it. */
export interface ReadConversation {
  row: ConversationRow;
  unitName: string;
  unitPath: string;
  own: boolean;
  sensitive: boolean;
}

const iso = (d: Date | string) => new Date(d).toISOString();

function groupBy<T>(rows: T[], key: (r: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const r of rows) {
    const k = key(r);
    const list = out.get(k);
    if (list) list.push(r);
    else out.set(k, [r]);
  }
  return out;
}

type AssessmentRow = { id: string; personId: string; conversationId: string; scaleId: string; key: string; label: string; minValue: number; maxValue: number; higherIsBetter: boolean; pointLabels: Record<string, string>; value: number; phase: AssessmentView['phase']; assessedAt: string | Date };

/** Assessments with their scales, for the given conversations or one person (special category: callers audit). */
export async function loadAssessments(db: Db, where: { conversationIds?: string[]; personId?: string; visibleTo?: Actor }, limit = 2000): Promise<AssessmentView[]> {
  const cond = where.conversationIds
    ? sql`a.conversation_id = any(${arrayParam(where.conversationIds)}::uuid[])`
    : sql`a.person_id = ${where.personId!}`;
  const rows = await execute<AssessmentRow>(db, sql`
    select a.id, a.person_id as "personId", a.conversation_id as "conversationId", a.scale_id as "scaleId", s.key, s.label, s.min_value as "minValue",
      s.max_value as "maxValue", s.higher_is_better as "higherIsBetter", s.point_labels as "pointLabels", a.value, a.phase, a.assessed_at as "assessedAt"
    from assessments a join scales s on s.id = a.scale_id
    where ${cond} and a.deleted_at is null
    order by a.assessed_at desc, s.sort_order, a.phase, a.id limit ${limit}`);
  return rows.map((r) => ({
    id: r.id, personId: r.personId, conversationId: r.conversationId,
    scale: { id: r.scaleId, key: r.key, label: r.label, minValue: r.minValue, maxValue: r.maxValue, higherIsBetter: r.higherIsBetter },
    value: r.value, valueLabel: r.pointLabels?.[String(r.value)] ?? null, phase: r.phase, assessedAt: iso(r.assessedAt),
  }));
}

/** Display names of accounts, in one query. */
export async function accountNames(db: Db, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await execute<{ id: string; display_name: string }>(db, sql`select id, display_name from accounts where id = any(${arrayParam([...new Set(ids)])}::uuid[])`);
  return new Map(rows.map((r) => [r.id, r.display_name]));
}

/**
 * Conversations → JSON in a fixed number of queries whatever the page size. Special category
 * fields are loaded only for the conversations the caller may read them in, and each is noted
 * in `reads` for the audit the route writes before answering.
 */
export async function presentConversations(db: Db, actor: Actor, list: ReadConversation[], reads: SensitiveReads | null): Promise<ConversationView[]> {
  if (list.length === 0) return [];
  const ids = arrayParam(list.map((c) => c.row.id));
  const sensitiveIds = list.filter((c) => c.sensitive).map((c) => c.row.id);
  const [people, organisers, commitmentRows, followUpRows, issueRows, assessmentRows] = await Promise.all([
    execute<{ conversationId: string; id: string; name: string | null }>(db, sql`
      select cp.conversation_id as "conversationId", cp.person_id as id,
        case when ${inScope(actor, 'people.read', sql`p.unit_id`)} and p.deleted_at is null then trim(p.first_name || ' ' || p.last_name) end as name
      from conversation_people cp join people p on p.id = cp.person_id
      where cp.conversation_id = any(${ids}::uuid[]) order by cp.position, cp.person_id`),
    execute<{ conversationId: string; accountId: string; displayName: string }>(db, sql`
      select co.conversation_id as "conversationId", co.account_id as "accountId", a.display_name as "displayName"
      from conversation_organisers co join accounts a on a.id = co.account_id
      where co.conversation_id = any(${ids}::uuid[]) order by a.display_name, a.id`),
    execute<Record<string, unknown>>(db, sql`
      select id, org_id as "orgId", person_id as "personId", unit_id as "unitId", conversation_id as "conversationId", ask, custom_text as "customText", answer,
        due_on::text as "dueOn", status, marked_at as "markedAt", marked_by as "markedBy", asked_by as "askedBy", asked_at as "askedAt"
      from commitments where conversation_id = any(${ids}::uuid[]) and deleted_at is null order by asked_at, id`),
    execute<Record<string, unknown>>(db, sql`
      select id, person_id as "personId", unit_id as "unitId", conversation_id as "conversationId", assignee_account_id as "assigneeAccountId",
        due_on::text as "dueOn", reason, done_at as "doneAt", created_at as "createdAt"
      from follow_ups where conversation_id = any(${ids}::uuid[]) and deleted_at is null order by due_on, id`),
    sensitiveIds.length === 0 ? [] : execute<{ conversationId: string; personId: string; issueId: string; label: string; status: 'proposed' | 'approved' | 'rejected'; rawText: string | null }>(db, sql`
      select ci.conversation_id as "conversationId", ci.person_id as "personId", ci.issue_id as "issueId", i.label, i.status, ci.raw_text as "rawText"
      from conversation_issues ci join issues i on i.id = ci.issue_id
      where ci.conversation_id = any(${arrayParam(sensitiveIds)}::uuid[]) and ci.deleted_at is null order by i.label, ci.issue_id, ci.person_id`),
    sensitiveIds.length === 0 ? [] : loadAssessments(db, { conversationIds: sensitiveIds }),
  ]);
  const names = await accountNames(db, (followUpRows as { assigneeAccountId: string }[]).map((f) => f.assigneeAccountId));
  const peopleBy = groupBy(people, (p) => p.conversationId);
  const organisersBy = groupBy(organisers, (o) => o.conversationId);
  const commitmentsBy = groupBy(commitmentRows as unknown as CommitmentRow[], (c) => c.conversationId!);
  const followUpsBy = groupBy(followUpRows as unknown as FollowUpRow[], (f) => f.conversationId!);
  const issuesBy = groupBy(issueRows, (i) => i.conversationId);
  const assessmentsBy = groupBy(assessmentRows, (a) => a.conversationId);

  return list.map(({ row, unitName, unitPath, own, sensitive }) => {
    const who = (peopleBy.get(row.id) ?? []).map((p) => ({ id: p.id, name: p.name }));
    const view: ConversationView = {
      id: row.id,
      orgId: row.orgId,
      unit: { id: row.unitId, name: unitName },
      kind: row.kind,
      occurredAt: iso(row.occurredAt),
      durationMinutes: row.durationMinutes,
      outcome: row.outcome,
      people: who,
      organisers: (organisersBy.get(row.id) ?? []).map((o) => ({ accountId: o.accountId, displayName: o.displayName })),
      createdBy: row.createdBy,
      source: row.source,
      commitments: (commitmentsBy.get(row.id) ?? []).map(presentCommitment),
      followUps: (followUpsBy.get(row.id) ?? []).map((f) => presentFollowUp(f, names)),
      canEdit: own || can(actor, 'conversations.manage', unitPath),
      sensitive,
      createdAt: iso(row.createdAt),
      updatedAt: iso(row.updatedAt),
    };
    if (!sensitive) return view;
    const raised = new Map<string, { issue: { id: string; label: string; status: 'proposed' | 'approved' | 'rejected' }; rawText: string | null; personIds: string[] }>();
    for (const i of issuesBy.get(row.id) ?? []) {
      const key = `${i.issueId}\u0000${i.rawText ?? ''}`;
      const entry = raised.get(key) ?? { issue: { id: i.issueId, label: i.label, status: i.status }, rawText: i.rawText, personIds: [] };
      entry.personIds.push(i.personId);
      raised.set(key, entry);
    }
    reads?.add(who.map((p) => p.id), row.id, row.orgId, row.unitId, ['notes', 'issues', 'assessments']);
    return {
      ...view,
      notes: { selfInterest: row.selfInterest, story: row.story },
      issues: [...raised.values()],
      assessments: assessmentsBy.get(row.id) ?? [],
    };
  });
}
