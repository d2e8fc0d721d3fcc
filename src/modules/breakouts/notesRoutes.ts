import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/connection.ts';
import { actorOf } from '../../server/context.ts';
import type { Actor } from '../accounts/actor.ts';
import { recordAudit } from '../audit/recordAudit.ts';
import { auditNotesRead } from './auditNotesRead.ts';
import { loadNotesAccess, type NotesAccess } from './notesAccess.ts';
import { recordMeetingIssue, recordMeetingQuote, recordMeetingTheme } from './notesCommands.ts';
import { meetingIssueBody, meetingQuoteBody, meetingThemeBody } from './notesInputs.ts';
import { readMeetingNotes } from './notesQueries.ts';
import { meetingNotesView } from './notesView.ts';

const idParams = z.strictObject({ id: z.string().uuid() });

/**
 * What a meeting heard: issues raised, themes and consented quotes, recorded per breakout group
 * by its published facilitator or for any group or the whole room by those who run the meeting.
 */
export const meetingNotesRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.ctx;
  // One transaction holding the event row, audited, then the notes as the caller now reads them.
  const write = async (req: { params: { id: string }; id: string; actor: Actor | null }, action: string, groupId: string | null, run: (tx: Db, actor: Actor, access: NotesAccess) => Promise<unknown>) => {
    const actor = actorOf(req);
    await db.transaction(async (tx) => {
      const access = await loadNotesAccess(tx, actor, req.params.id, true);
      await run(tx, actor, access);
      await recordAudit(tx, { actorAccountId: actor.accountId, action, entityType: 'event', entityId: access.event.id, orgId: access.event.orgId, unitId: access.event.unitId, changes: { groupId }, requestId: req.id });
    });
    return readAudited(req, actor);
  };
  // The notes as the caller may read them; named attendees' opinions are audited before they leave.
  const readAudited = async (req: { params: { id: string }; id: string }, actor: Actor) => {
    const access = await loadNotesAccess(db, actor, req.params.id);
    const view = await readMeetingNotes(db, access);
    await auditNotesRead(db, actor, access, view, req.id);
    return view;
  };

  app.get('/events/:id/notes', {
    schema: {
      tags: ['events'], summary: 'What the meeting heard: issues raised, themes and quotes by group (those who run it: all; a facilitator: their groups), and per-issue counts (also for salience readers, small counts withheld)',
      params: idParams, response: { 200: meetingNotesView },
    },
  }, async (req) => readAudited(req, actorOf(req)));

  app.post('/events/:id/notes/issues', {
    schema: {
      tags: ['events'], summary: 'Record an issue raised in a group (its facilitator) or the whole meeting (those who run it), with the attendees who raised it',
      params: idParams, body: meetingIssueBody, response: { 201: meetingNotesView },
    },
  }, async (req, reply) => reply.code(201).send(await write(req, 'meeting.issue_record', req.body.groupId, (tx, actor, access) => recordMeetingIssue(tx, actor, access, req.body))));

  app.post('/events/:id/notes/themes', {
    schema: { tags: ['events'], summary: 'Record a theme of a group or the whole meeting', params: idParams, body: meetingThemeBody, response: { 201: meetingNotesView } },
  }, async (req, reply) => reply.code(201).send(await write(req, 'meeting.theme_record', req.body.groupId, (tx, actor, access) => recordMeetingTheme(tx, actor, access, req.body))));

  app.post('/events/:id/notes/quotes', {
    schema: {
      tags: ['events'], summary: 'Record a quote with the consent wording shown to the speaker; refused (422) unless they consented',
      params: idParams, body: meetingQuoteBody, response: { 201: meetingNotesView },
    },
  }, async (req, reply) => reply.code(201).send(await write(req, 'meeting.quote_record', req.body.groupId, (tx, actor, access) => recordMeetingQuote(tx, actor, access, req.body))));
};
