import { sql } from 'drizzle-orm';
import type { Db } from '../../db/connection.ts';
import { arrayParam } from '../../db/arrayParam.ts';
import { execute } from '../../db/execute.ts';
import { conflict, notFound, validationFailed } from '../../server/errors.ts';
import type { Actor } from '../accounts/actor.ts';
import { recordAudit } from '../audit/recordAudit.ts';
import { labelKey } from './suggestThemes.ts';
import type { ThemeScope } from './themeScope.ts';

const audit = (tx: Db, actor: Actor, scope: ThemeScope, action: string, themeId: string | null, changes: Record<string, unknown>, requestId?: string) =>
  recordAudit(tx, { actorAccountId: actor.accountId, action: `poll.theme_${action}`, entityType: 'poll_theme', entityId: themeId, orgId: scope.orgId, unitId: scope.unitId, changes: { questionId: scope.questionId, scope: scope.key, ...changes }, requestId });

/**
 * Every one of `voteIds` must be an answer of the scope the caller may read (an id from another
 * meeting, group or organisation is refused like an unknown one). One query.
 */
async function checkVotes(tx: Db, scope: ThemeScope, voteIds: string[]): Promise<void> {
  const rows = await execute<{ id: string }>(tx, sql`select v.id from poll_votes v join events e on e.id = v.event_id where v.id = any(${arrayParam(voteIds)}::uuid[]) and ${scope.votes}`);
  const found = new Set(rows.map((r) => r.id));
  const errors = voteIds.flatMap((id, i) => (found.has(id) ? [] : [{ path: `voteIds.${i}`, message: 'Not an answer in this group, meeting or programme.' }]));
  if (errors.length > 0) throw validationFailed('Choose answers to this question in this scope.', errors);
}

/** Places answers in a theme of the scope; an answer already in another theme there moves. */
async function place(tx: Db, scope: ThemeScope, themeId: string, voteIds: string[]): Promise<void> {
  if (voteIds.length === 0) return;
  await tx.execute(sql`
    insert into poll_theme_answers (scope_key, vote_id, theme_id, org_id)
    select ${scope.key}, id, ${themeId}, ${scope.orgId} from unnest(${arrayParam(voteIds)}::uuid[]) as x(id)
    on conflict (scope_key, vote_id) do update set theme_id = excluded.theme_id`);
  await tx.execute(sql`update poll_themes set updated_at = now() where id = ${themeId}`);
}

/** Themes of a question are changed one writer at a time (the question's row in the bank is locked; votes do not take it). */
async function lockScope(tx: Db, scope: ThemeScope): Promise<void> {
  await tx.execute(sql`select 1 from programme_questions where id = ${scope.questionId} for update`);
}

/**
 * Confirms a theme (a suggestion, perhaps renamed) with the answers given. A theme of the same
 * label already confirmed in the scope takes the answers instead of a second one being made.
 */
export async function confirmTheme(db: Db, actor: Actor, scope: ThemeScope, label: string, voteIds: string[], requestId?: string): Promise<string> {
  return db.transaction(async (tx) => {
    await lockScope(tx, scope);
    await checkVotes(tx, scope, voteIds);
    const key = labelKey(label);
    if (key === '') throw validationFailed('Give the theme a label with words in it.', [{ path: 'label', message: 'Needs at least one letter or number.' }]);
    const [existing] = await execute<{ id: string }>(tx, sql`select id from poll_themes where question_id = ${scope.questionId} and scope_key = ${scope.key} and label_key = ${key}`);
    const [row] = existing ? [existing] : await execute<{ id: string }>(tx, sql`
      insert into poll_themes (org_id, programme_id, question_id, event_id, breakout_id, unit_id, scope_key, label, label_key, created_by)
      values (${scope.orgId}, ${scope.programmeId}, ${scope.questionId}, ${scope.eventId}, ${scope.breakoutId}, ${scope.unitId}, ${scope.key}, ${label}, ${key}, ${actor.accountId})
      returning id`);
    await place(tx, scope, row!.id, voteIds);
    await audit(tx, actor, scope, 'confirm', row!.id, { label, answers: voteIds.length, joined: !!existing }, requestId);
    return row!.id;
  });
}

/** Renames a confirmed theme; a label another theme of the scope already has is a 409 (merge them instead). */
export async function renameTheme(db: Db, actor: Actor, scope: ThemeScope, themeId: string, label: string, requestId?: string): Promise<void> {
  await db.transaction(async (tx) => {
    await lockScope(tx, scope);
    const key = labelKey(label);
    if (key === '') throw validationFailed('Give the theme a label with words in it.', [{ path: 'label', message: 'Needs at least one letter or number.' }]);
    const [clash] = await execute<{ id: string }>(tx, sql`select id from poll_themes where question_id = ${scope.questionId} and scope_key = ${scope.key} and label_key = ${key} and id <> ${themeId}`);
    if (clash) throw conflict('Another theme here has this label; merge the two instead.', { themeId: clash.id });
    await tx.execute(sql`update poll_themes set label = ${label}, label_key = ${key}, updated_at = now() where id = ${themeId}`);
    await audit(tx, actor, scope, 'rename', themeId, { label }, requestId);
  });
}

/** Merges a confirmed theme into another of the same scope: its answers move and it is gone. */
export async function mergeThemes(db: Db, actor: Actor, scope: ThemeScope, themeId: string, intoId: string, requestId?: string): Promise<void> {
  if (themeId === intoId) throw validationFailed('Merge a theme into a different one.', [{ path: 'intoThemeId', message: 'The same theme.' }]);
  await db.transaction(async (tx) => {
    await lockScope(tx, scope);
    const [into] = await execute<{ id: string }>(tx, sql`select id from poll_themes where id = ${intoId} and question_id = ${scope.questionId} and scope_key = ${scope.key}`);
    if (!into) throw validationFailed('Merge into a theme confirmed in the same group, meeting or programme.', [{ path: 'intoThemeId', message: 'No such theme here.' }]);
    await tx.execute(sql`update poll_theme_answers set theme_id = ${intoId} where theme_id = ${themeId}`);
    await tx.execute(sql`delete from poll_themes where id = ${themeId}`);
    await tx.execute(sql`update poll_themes set updated_at = now() where id = ${intoId}`);
    await audit(tx, actor, scope, 'merge', intoId, { mergedThemeId: themeId }, requestId);
  });
}

/** Moves answers into a confirmed theme of the scope, or out of every theme (unthemed) with null. */
export async function moveAnswers(db: Db, actor: Actor, scope: ThemeScope, voteIds: string[], themeId: string | null, requestId?: string): Promise<void> {
  await db.transaction(async (tx) => {
    await lockScope(tx, scope);
    await checkVotes(tx, scope, voteIds);
    if (themeId === null) {
      await tx.execute(sql`delete from poll_theme_answers where scope_key = ${scope.key} and vote_id = any(${arrayParam(voteIds)}::uuid[])`);
    } else {
      const [t] = await execute<{ id: string }>(tx, sql`select id from poll_themes where id = ${themeId} and question_id = ${scope.questionId} and scope_key = ${scope.key}`);
      if (!t) throw validationFailed('Move answers into a theme confirmed in the same group, meeting or programme.', [{ path: 'themeId', message: 'No such theme here.' }]);
      await place(tx, scope, themeId, voteIds);
    }
    await audit(tx, actor, scope, 'move', themeId, { answers: voteIds.length }, requestId);
  });
}

/** Un-confirms a theme: its answers become unthemed (and may be suggested again). */
export async function deleteTheme(db: Db, actor: Actor, scope: ThemeScope, themeId: string, requestId?: string): Promise<void> {
  await db.transaction(async (tx) => {
    await lockScope(tx, scope);
    const deleted = await execute<{ id: string }>(tx, sql`delete from poll_themes where id = ${themeId} and scope_key = ${scope.key} returning id`);
    if (deleted.length === 0) throw notFound('Theme');
    await audit(tx, actor, scope, 'delete', themeId, {}, requestId);
  });
}

/** Rejects a suggestion: its key term is no longer grouped by in this scope, so its answers are grouped by their other terms or fall to "Other". */
export async function rejectSuggestion(db: Db, actor: Actor, scope: ThemeScope, term: string, requestId?: string): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.execute(sql`
      insert into poll_theme_rejections (question_id, scope_key, term, org_id, rejected_by) values (${scope.questionId}, ${scope.key}, ${term}, ${scope.orgId}, ${actor.accountId})
      on conflict do nothing`);
    await audit(tx, actor, scope, 'reject', null, { term }, requestId);
  });
}
