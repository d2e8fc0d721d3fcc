import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/connection.ts';
import { arrayParam } from '../../db/arrayParam.ts';
import { execute } from '../../db/execute.ts';
import { forbidden, notFound, validationFailed } from '../../server/errors.ts';
import { can, type Actor } from '../accounts/actor.ts';
import { eventManageable } from '../events/policy.ts';
import { meetingResultsVisible, programmeVisible } from './policy.ts';

export type ThemeScopeKind = 'breakout' | 'meeting' | 'programme';

/** Where themes of one open-text question are confirmed: one breakout group, one meeting, or the whole programme. */
export interface ThemeScope {
  kind: ThemeScopeKind;
  /** `breakout:<id>`, `event:<id>` or `programme:<id>`: the key themes and their answers are stored under. */
  key: string;
  orgId: string;
  programmeId: string;
  questionId: string;
  prompt: string;
  eventId: string | null;
  breakoutId: string | null;
  /** The owning unit: the meeting's, or the programme's. */
  unitId: string;
  canConfirm: boolean;
  /** The answers of the scope the caller may read: a condition on `poll_votes v` joined to `events e`. */
  votes: SQL;
}

export interface ScopeRef {
  eventId?: string | null;
  breakoutId?: string | null;
}

/**
 * Resolves and checks a theme scope in one query. Who may read its answers and themes: for a
 * breakout group, its published facilitator or anyone who may see the meeting's results; for a
 * meeting, those who may see its results; for the programme, those who may see the programme
 * (counting only the meetings whose results they may see). Who may confirm: the group's
 * facilitator or the meeting's hosts and managers; for a meeting, its hosts and managers; for
 * the programme, events.manage on its unit. Anything the caller may not read is a 404, so
 * another unit's meeting or group is not confirmed; `confirm` when read-only is a 403.
 */
export async function loadThemeScope(db: Db, actor: Actor, programmeId: string, questionId: string, ref: ScopeRef, action: 'read' | 'confirm'): Promise<ThemeScope> {
  const eventId = ref.eventId ?? null;
  const breakoutId = ref.breakoutId ?? null;
  if (breakoutId && !eventId) throw validationFailed('Name the meeting of the breakout group.', [{ path: 'eventId', message: 'Required with a breakout group.' }]);
  const orgs = [...new Set(actor.grants.map((g) => g.orgId))];
  const [row] = await execute<{
    org_id: string; unit_id: string; unit_path: string; kind: string; prompt: string; programme_visible: boolean;
    event_id: string | null; event_unit: string | null; event_results: boolean; event_manage: boolean; breakout_id: string | null; facilitates: boolean;
  }>(db, sql`
    select p.org_id, p.unit_id, u.path as unit_path, q.kind, q.prompt, ${programmeVisible(actor, 'p')} as programme_visible,
      e.id as event_id, e.unit_id as event_unit,
      coalesce(e.id is not null and ${meetingResultsVisible(actor, 'e')}, false) as event_results,
      coalesce(e.id is not null and ${eventManageable(actor, 'e')}, false) as event_manage,
      g.id as breakout_id,
      coalesce(g.published_facilitator_id = ${actor.accountId} and bp.published_at is not null, false) as facilitates
    from programmes p join units u on u.id = p.unit_id
    join programme_questions q on q.id = ${questionId} and q.programme_id = p.id
    left join programme_meetings pm on pm.programme_id = p.id and pm.event_id = ${eventId}
    left join events e on e.id = pm.event_id
    left join breakout_groups g on g.id = ${breakoutId} and g.event_id = e.id
    left join breakout_plans bp on bp.event_id = g.event_id
    where p.id = ${programmeId} and p.org_id = any(${arrayParam(orgs)}::uuid[])`);
  if (!row) throw notFound('Question');
  const base = { orgId: row.org_id, programmeId, questionId, prompt: row.prompt };
  const text = sql`v.question_id = ${questionId} and v.text is not null`;
  let scope: ThemeScope;
  let read: boolean;
  if (breakoutId) {
    if (!row.breakout_id) throw notFound('Breakout group');
    read = row.facilitates || row.event_results;
    scope = {
      ...base, kind: 'breakout', key: `breakout:${breakoutId}`, eventId, breakoutId, unitId: row.event_unit!, canConfirm: row.facilitates || row.event_manage,
      votes: sql`${text} and v.event_id = ${eventId} and v.breakout_id = ${breakoutId}`,
    };
  } else if (eventId) {
    if (!row.event_id) throw notFound('Meeting');
    read = row.event_results;
    scope = { ...base, kind: 'meeting', key: `event:${eventId}`, eventId, breakoutId: null, unitId: row.event_unit!, canConfirm: row.event_manage, votes: sql`${text} and v.event_id = ${eventId}` };
  } else {
    read = row.programme_visible;
    scope = {
      ...base, kind: 'programme', key: `programme:${programmeId}`, eventId: null, breakoutId: null, unitId: row.unit_id, canConfirm: can(actor, 'events.manage', row.unit_path),
      votes: sql`${text} and v.programme_id = ${programmeId} and ${meetingResultsVisible(actor, 'e')}`,
    };
  }
  if (!read) throw notFound(scope.kind === 'breakout' ? 'Breakout group' : scope.kind === 'meeting' ? 'Meeting' : 'Question');
  if (row.kind !== 'open_text') throw validationFailed('Themes are for open-text questions.', [{ path: 'questionId', message: 'Not an open-text question.' }]);
  if (action === 'confirm' && !scope.canConfirm) throw forbidden(scope.kind === 'breakout' ? 'Only the group’s facilitator or those who run the meeting confirm its themes.' : undefined);
  return scope;
}

/** A confirmed theme of the question and the scope it was confirmed in, checked as `loadThemeScope` checks (404 for a theme the caller may not read). */
export async function loadThemeFor(db: Db, actor: Actor, programmeId: string, questionId: string, themeId: string, action: 'read' | 'confirm') {
  const [t] = await execute<{ id: string; label: string; event_id: string | null; breakout_id: string | null; scope_key: string }>(db, sql`
    select id, label, event_id, breakout_id, scope_key from poll_themes where id = ${themeId} and programme_id = ${programmeId} and question_id = ${questionId}`);
  if (!t) throw notFound('Theme');
  const scope = await loadThemeScope(db, actor, programmeId, questionId, { eventId: t.event_id, breakoutId: t.breakout_id }, action);
  if (scope.key !== t.scope_key) throw notFound('Theme');
  return { theme: { id: t.id, label: t.label }, scope };
}
