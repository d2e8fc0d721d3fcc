import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyRequest } from 'fastify';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { notFound } from '../../server/errors.ts';
import { perMinute } from '../../server/rateLimits.ts';
import { hashToken } from '../accounts/tokens.ts';
import { castVote } from './castVote.ts';
import { joinBody, voteBody } from './inputs.ts';
import { joinPoll, participantOf, sessionByCode } from './joinPoll.ts';
import { liveState } from './liveState.ts';
import { hubOf } from './pollHub.ts';
import { publicStateView } from './present.ts';
import { pollVotes } from './schema.ts';

const codeParams = z.strictObject({ code: z.string().min(1).max(20) });
const TOKEN_HEADER = 'x-poll-token';
const tokenHeaders = z.object({ [TOKEN_HEADER]: z.string().min(1).max(200).describe('the token given on joining') });

/**
 * What a participant's phone reaches without an account: join by code, the current question, a
 * results stream, and voting with the token given on joining. Limited per address (a room on one
 * network shares one, so those limits are generous) and, for votes, per token.
 */
export const publicPollRoutes: FastifyPluginAsyncZod = async (app) => {
  const ctx = app.ctx;
  const { db, secret } = ctx;
  const hub = hubOf(ctx);
  const tokenOf = (req: FastifyRequest) => {
    const v = req.headers[TOKEN_HEADER];
    return typeof v === 'string' ? v : undefined;
  };
  // Keyed by the token's hash, so one phone cannot flood and a room behind one address is not held back by it.
  const perToken = (max: number) => app.rateLimit({
    max: Math.ceil(max * ctx.config.RATE_LIMIT_MULTIPLIER), timeWindow: '1 minute',
    keyGenerator: (req) => {
      const token = tokenOf(req);
      return token ? `poll-token:${hashToken(secret, token)}` : `poll-ip:${req.ip}`;
    },
  });
  const publicState = async (sessionId: string) => {
    const s = await liveState(db, sessionId);
    if (!s) throw notFound('Poll');
    return s.public;
  };

  app.post('/polls/join', {
    config: { public: true, rateLimit: perMinute(ctx, 120) },
    schema: {
      tags: ['public'], summary: 'Join a live poll by its code, without an account; the token returned is needed to vote (keep it)',
      body: joinBody, response: { 201: z.object({ token: z.string(), state: publicStateView }) },
    },
  }, async (req, reply) => {
    const joined = await joinPoll(db, secret, req.body.code, req.body.rsvpToken);
    hub.changed(joined.sessionId);
    return reply.code(201).send({ token: joined.token, state: await publicState(joined.sessionId) });
  });

  app.get('/polls/live/:code', {
    config: { public: true, rateLimit: perMinute(ctx, 300) },
    schema: { tags: ['public'], summary: 'A live poll as participants see it: the open question and results so far', params: codeParams, response: { 200: publicStateView } },
  }, async (req) => publicState((await sessionByCode(db, req.params.code)).id));

  app.get('/polls/live/:code/stream', {
    config: { public: true, rateLimit: perMinute(ctx, 120) },
    schema: { tags: ['public'], summary: 'Server-Sent Events: the participants’ state (event "state") on every change', params: codeParams, produces: ['text/event-stream'] },
  }, async (req, reply) => {
    const s = await sessionByCode(db, req.params.code);
    reply.hijack();
    hub.watch(s.id, 'public', reply.raw);
  });

  app.get('/polls/me', {
    config: { public: true, rateLimit: perMinute(ctx, 300) },
    onRequest: perToken(60),
    schema: {
      tags: ['public'], summary: 'My poll and my current answers (with the token given on joining)', headers: tokenHeaders,
      response: { 200: z.object({ state: publicStateView, votes: z.array(z.object({ questionId: z.string().uuid(), optionIds: z.array(z.string()), value: z.number().int().nullable(), text: z.string().nullable() })) }) },
    },
  }, async (req) => {
    const p = await participantOf(db, secret, tokenOf(req));
    const votes = await db.select({ questionId: pollVotes.questionId, optionIds: pollVotes.optionIds, value: pollVotes.value, text: pollVotes.text }).from(pollVotes).where(eq(pollVotes.participantId, p.id));
    return { state: await publicState(p.sessionId), votes };
  });

  app.post('/polls/votes', {
    config: { public: true, rateLimit: perMinute(ctx, 1200) },
    onRequest: perToken(30),
    schema: {
      tags: ['public'], summary: 'Answer the open question (again to change the answer, until it closes); one answer per person and question',
      headers: tokenHeaders, body: voteBody, response: { 200: z.object({ questionId: z.string().uuid(), changed: z.boolean() }) },
    },
  }, async (req) => {
    const out = await castVote(db, secret, tokenOf(req), req.body);
    hub.changed(out.sessionId);
    return { questionId: req.body.questionId, changed: out.changed };
  });
};
