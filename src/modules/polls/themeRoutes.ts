import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sql } from 'drizzle-orm';
import { execute } from '../../db/execute.ts';
import { actorOf } from '../../server/context.ts';
import { notFound, validationFailed } from '../../server/errors.ts';
import { loadProgrammeFor } from './policy.ts';
import { confirmTheme, deleteTheme, mergeThemes, moveAnswers, rejectSuggestion, renameTheme } from './themeCommands.ts';
import { confirmThemeBody, mergeThemeBody, moveAnswersBody, oneThemeParams, rejectSuggestionBody, renameThemeBody, rollupQuery, themeParams, themeScopeQuery } from './themeInputs.ts';
import { readThemes, rollupThemes } from './themeQueries.ts';
import { loadThemeFor, loadThemeScope } from './themeScope.ts';
import { themeRollupView, themesView } from './themeView.ts';

const base = '/programmes/:id/questions/:questionId/themes';

/**
 * Themes of open-text answers: suggested by `suggestThemes.ts` for a breakout group, a meeting
 * or the programme, confirmed (renamed, merged, answers moved, suggestions rejected) by the
 * group's facilitator, the meeting's hosts or the programme's organisers, and counted up.
 */
export const pollThemeRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.ctx;

  app.get(base, {
    schema: {
      tags: ['programmes'], summary: 'Themes of an open-text question in a breakout group, a meeting or the programme: confirmed ones, new suggestions and "Other"',
      params: themeParams, querystring: themeScopeQuery, response: { 200: themesView },
    },
  }, async (req) => readThemes(db, await loadThemeScope(db, actorOf(req), req.params.id, req.params.questionId, { eventId: req.query.event, breakoutId: req.query.breakout }, 'read')));

  app.post(base, {
    schema: {
      tags: ['programmes'], summary: 'Confirm a theme (a suggestion, perhaps renamed) with its answers; the same label again adds to the theme',
      params: themeParams, body: confirmThemeBody, response: { 201: themesView },
    },
  }, async (req, reply) => {
    const scope = await loadThemeScope(db, actorOf(req), req.params.id, req.params.questionId, req.body, 'confirm');
    await confirmTheme(db, actorOf(req), scope, req.body.label, req.body.voteIds, req.id);
    return reply.code(201).send(await readThemes(db, scope));
  });

  app.post(`${base}/moves`, {
    schema: { tags: ['programmes'], summary: 'Move answers into a confirmed theme, or out of every theme (themeId null)', params: themeParams, body: moveAnswersBody, response: { 200: themesView } },
  }, async (req) => {
    const scope = await loadThemeScope(db, actorOf(req), req.params.id, req.params.questionId, req.body, 'confirm');
    await moveAnswers(db, actorOf(req), scope, req.body.voteIds, req.body.themeId, req.id);
    return readThemes(db, scope);
  });

  app.post(`${base}/rejections`, {
    schema: { tags: ['programmes'], summary: 'Reject a suggestion: its key term is not grouped by again in this scope', params: themeParams, body: rejectSuggestionBody, response: { 200: themesView } },
  }, async (req) => {
    const scope = await loadThemeScope(db, actorOf(req), req.params.id, req.params.questionId, req.body, 'confirm');
    await rejectSuggestion(db, actorOf(req), scope, req.body.key, req.id);
    return readThemes(db, scope);
  });

  app.get(`${base}/rollup`, {
    schema: {
      tags: ['programmes'], summary: 'Confirmed themes counted up over breakout groups and meetings I may see; the same label is combined, each answer counted once',
      params: themeParams, querystring: rollupQuery, response: { 200: themeRollupView },
    },
  }, async (req) => {
    const actor = actorOf(req);
    await loadProgrammeFor(db, actor, req.params.id, 'read');
    const [q] = await execute<{ kind: string }>(db, sql`select kind from programme_questions where id = ${req.params.questionId} and programme_id = ${req.params.id}`);
    if (!q) throw notFound('Question');
    if (q.kind !== 'open_text') throw validationFailed('Themes are for open-text questions.', [{ path: 'questionId', message: 'Not an open-text question.' }]);
    return rollupThemes(db, actor, req.params.id, req.params.questionId, req.query);
  });

  app.patch(`${base}/:themeId`, {
    schema: { tags: ['programmes'], summary: 'Rename a confirmed theme', params: oneThemeParams, body: renameThemeBody, response: { 200: themesView } },
  }, async (req) => {
    const { scope } = await loadThemeFor(db, actorOf(req), req.params.id, req.params.questionId, req.params.themeId, 'confirm');
    await renameTheme(db, actorOf(req), scope, req.params.themeId, req.body.label, req.id);
    return readThemes(db, scope);
  });

  app.post(`${base}/:themeId/merge`, {
    schema: { tags: ['programmes'], summary: 'Merge a confirmed theme into another of the same scope', params: oneThemeParams, body: mergeThemeBody, response: { 200: themesView } },
  }, async (req) => {
    const { scope } = await loadThemeFor(db, actorOf(req), req.params.id, req.params.questionId, req.params.themeId, 'confirm');
    await mergeThemes(db, actorOf(req), scope, req.params.themeId, req.body.intoThemeId, req.id);
    return readThemes(db, scope);
  });

  app.delete(`${base}/:themeId`, {
    schema: { tags: ['programmes'], summary: 'Un-confirm a theme: its answers become unthemed', params: oneThemeParams, response: { 200: themesView } },
  }, async (req) => {
    const { scope } = await loadThemeFor(db, actorOf(req), req.params.id, req.params.questionId, req.params.themeId, 'confirm');
    await deleteTheme(db, actorOf(req), scope, req.params.themeId, req.id);
    return readThemes(db, scope);
  });
};
