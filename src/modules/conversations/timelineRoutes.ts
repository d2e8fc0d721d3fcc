import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../server/context.ts';
import { pageQuery } from '../../server/pagination.ts';
import { perMinute } from '../../server/rateLimits.ts';
import { commitmentView } from '../commitments/views.ts';
import { followUpView } from '../follow-ups/views.ts';
import { loadPersonFor } from '../people/policy.ts';
import { assertWorksWithConversations } from './policy.ts';
import { SensitiveReads } from './sensitiveReads.ts';
import { loadTimeline } from './timeline.ts';
import { assessmentView, conversationView } from './views.ts';

/** A person's organising timeline, as the person page shows it. */
export const personTimelineView = z.object({
  person: z.object({ id: z.string().uuid(), firstName: z.string(), lastName: z.string() }),
  conversations: z.object({ items: z.array(conversationView), nextCursor: z.string().nullable() }),
  assessments: z.array(assessmentView).describe('newest first; only from conversations whose notes I may read'),
  commitments: z.array(commitmentView),
  followUps: z.array(followUpView),
});

/** GET /people/:id/timeline. */
export const personTimelineRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.ctx;
  app.get('/people/:id/timeline', {
    config: { rateLimit: perMinute(app.ctx, 300) },
    schema: {
      tags: ['conversations'], summary: 'A person’s organising timeline: conversations (paginated), assessments over time, commitments and follow-ups (sensitive reads audited)',
      params: z.strictObject({ id: z.string().uuid() }), querystring: z.strictObject({ ...pageQuery, limit: pageQuery.limit.default(20) }), response: { 200: personTimelineView },
    },
  }, async (req) => {
    const actor = actorOf(req);
    assertWorksWithConversations(actor);
    const { person } = await loadPersonFor(db, actor, req.params.id, 'read');
    const reads = new SensitiveReads(actor.accountId, req.id);
    const timeline = await loadTimeline(db, actor, person, req.query, reads);
    await reads.flush(db);
    return timeline;
  });
};
