import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { actorOf } from '../../server/context.ts';
import { notFound } from '../../server/errors.ts';
import { perMinute } from '../../server/rateLimits.ts';
import { loadEventFor } from '../events/policy.ts';
import { openSessionBody } from './inputs.ts';
import { joinQrPath } from './joinQr.ts';
import { liveState } from './liveState.ts';
import { closeSession, openSession } from './openSession.ts';
import { hubOf } from './pollHub.ts';
import { loadSessionFor } from './policy.ts';
import { hostStateView } from './present.ts';
import { pollSessions, programmeMeetings } from './schema.ts';
import { setQuestionState } from './setQuestionState.ts';

const idParams = z.strictObject({ id: z.string().uuid() });
const questionParams = z.strictObject({ id: z.string().uuid(), questionId: z.string().uuid() });

/** The host's side of a meeting's live poll: open it, put questions to the room, watch results arrive. */
export const pollRoutes: FastifyPluginAsyncZod = async (app) => {
  const ctx = app.ctx;
  const { db, config } = ctx;
  const hub = hubOf(ctx);
  app.addHook('preClose', async () => hub.close());

  const hostState = async (sessionId: string) => {
    const s = await liveState(db, sessionId);
    if (!s) throw notFound('Poll');
    const joinUrl = `${config.publicUrl}/join/${s.host.joinCode}`;
    return { ...s.host, joinUrl, qr: joinQrPath(joinUrl) };
  };

  app.get('/polls/meetings/:id', {
    schema: {
      tags: ['polls'], summary: 'A meeting’s live poll (null until opened) and its programme, for its hosts',
      params: idParams, response: { 200: z.object({ programmeId: z.string().uuid().nullable(), session: hostStateView.nullable() }) },
    },
  }, async (req) => {
    const { event } = await loadEventFor(db, actorOf(req), req.params.id, 'manage');
    const [m] = await db.select({ programmeId: programmeMeetings.programmeId }).from(programmeMeetings).where(eq(programmeMeetings.eventId, event.id));
    const [s] = await db.select({ id: pollSessions.id }).from(pollSessions).where(eq(pollSessions.eventId, event.id));
    return { programmeId: m?.programmeId ?? null, session: s ? await hostState(s.id) : null };
  });

  app.post('/polls/sessions', {
    schema: {
      tags: ['polls'], summary: 'Open (or reopen) the live poll of a meeting in a programme; gives its join code and QR code',
      body: openSessionBody, response: { 201: hostStateView },
    },
  }, async (req, reply) => {
    const id = await openSession(db, actorOf(req), req.body.eventId, req.id);
    hub.changed(id);
    return reply.code(201).send(await hostState(id));
  });

  app.get('/polls/sessions/:id', {
    schema: { tags: ['polls'], summary: 'A live poll as its host sees it', params: idParams, response: { 200: hostStateView } },
  }, async (req) => {
    await loadSessionFor(db, actorOf(req), req.params.id);
    return hostState(req.params.id);
  });

  app.post('/polls/sessions/:id/close', {
    schema: { tags: ['polls'], summary: 'End a live poll: the open question closes and no one can join or vote', params: idParams, response: { 200: hostStateView } },
  }, async (req) => {
    const actor = actorOf(req);
    await loadSessionFor(db, actor, req.params.id);
    await closeSession(db, actor, req.params.id, req.id);
    hub.changed(req.params.id);
    return hostState(req.params.id);
  });

  for (const action of ['open', 'close'] as const) {
    app.post(`/polls/sessions/:id/questions/:questionId/${action}`, {
      schema: {
        tags: ['polls'], summary: action === 'open' ? 'Put a scheduled question to the room (the one open before closes)' : 'Close a question: its answers are final',
        params: questionParams, response: { 200: hostStateView },
      },
    }, async (req) => {
      const actor = actorOf(req);
      await loadSessionFor(db, actor, req.params.id);
      await setQuestionState(db, actor, req.params.id, req.params.questionId, action, req.id);
      hub.changed(req.params.id);
      return hostState(req.params.id);
    });
  }

  app.get('/polls/sessions/:id/stream', {
    config: { rateLimit: perMinute(ctx, 60) },
    schema: { tags: ['polls'], summary: 'Server-Sent Events: the host’s state (event "state") on every change', params: idParams, produces: ['text/event-stream'] },
  }, async (req, reply) => {
    await loadSessionFor(db, actorOf(req), req.params.id);
    reply.hijack();
    hub.watch(req.params.id, 'host', reply.raw);
  });
};
