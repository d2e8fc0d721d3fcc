import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { actorOf } from '../../server/context.ts';
import { notFound } from '../../server/errors.ts';
import { perMinute } from '../../server/rateLimits.ts';
import { hashToken } from '../accounts/tokens.ts';
import { units } from '../units/schema.ts';
import { waitlistPosition } from './attendee.ts';
import { calendarOf, feedAccount, hasFeed, personalEvents, renewFeed, revokeFeeds, unitPublicEvents } from './calendarFeeds.ts';
import { cancelRsvp } from './cancelRsvp.ts';
import { eventMessage, type MailMessage } from './eventMail.ts';
import { publicRsvpBody, tokenBody } from './inputs.ts';
import { presentPublicEvent, publicEventView, rsvpResultView, ticketView } from './publicViews.ts';
import { eventsWhere } from './queries.ts';
import { qrPath } from './ticketQr.ts';
import { eventRsvps, events } from './schema.ts';
import { mailEventOf, submitPublicRsvp } from './submitRsvp.ts';

const idParams = z.strictObject({ id: z.string().uuid() });
const ICS = 'text/calendar; charset=utf-8';

const messages = {
  going: 'You have a place. We have emailed you your ticket.',
  waitlisted: 'The event is full, so you are on the waiting list. We will email you if a place comes up.',
  cancelled: 'Your place is cancelled.',
} as const;

/**
 * What anyone may reach without an account: public event pages, the RSVP form, an attendee's
 * own ticket and cancel link, and calendar feeds (public events, or an account's private URL).
 * Every write here is rate limited per client address.
 */
export const publicEventRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, config } = app.ctx;
  const ctx = app.ctx;
  const publicEvent = async (id: string) => {
    const [row] = await eventsWhere(db, and(eq(events.id, id), eq(events.visibility, 'public'))!, 1);
    if (!row) throw notFound('Event');
    return row;
  };
  // An attendee's RSVP from the token in their links; a wrong token is a 404 like any unknown record.
  const rsvpByToken = async (token: string) => {
    const [r] = await db.select().from(eventRsvps).where(eq(eventRsvps.manageTokenHash, hashToken(ctx.secret, token)));
    if (!r) throw notFound('Ticket');
    return r;
  };

  app.get('/public/events/:id', {
    config: { public: true, rateLimit: perMinute(ctx, 120) },
    schema: { tags: ['public'], summary: 'A public event, for its page and RSVP form', params: idParams, response: { 200: publicEventView } },
  }, async (req) => presentPublicEvent(await publicEvent(req.params.id), config));

  app.post('/public/events/:id/rsvps', {
    config: { public: true, rateLimit: perMinute(ctx, 10) },
    schema: {
      tags: ['public'], summary: 'Sign up to a public event without an account (email or phone needed); consent answers are kept with their wording',
      params: idParams, body: publicRsvpBody, response: { 200: rsvpResultView, 201: rsvpResultView },
    },
  }, async (req, reply) => {
    const out = await db.transaction((tx) => submitPublicRsvp(tx, ctx, req.params.id, req.body, req.id));
    for (const m of out.mail) await ctx.mailer.send(db, m);
    const status = out.rsvp.status === 'waitlisted' ? 'waitlisted' : 'going';
    return reply.code(out.outcome === 'existing' ? 200 : 201).send({ status, message: messages[status] });
  });

  app.get('/public/events/:id/calendar.ics', {
    config: { public: true, rateLimit: perMinute(ctx, 120) },
    schema: { tags: ['public'], summary: 'A public event as iCalendar', params: idParams, produces: ['text/calendar'], response: { 200: z.string() } },
  }, async (req, reply) => {
    const row = await publicEvent(req.params.id);
    return reply.type(ICS).send(calendarOf(config, row.title, [row], false));
  });

  app.get('/public/units/:id/calendar.ics', {
    config: { public: true, rateLimit: perMinute(ctx, 120) },
    schema: { tags: ['public'], summary: 'The public events of a unit and the units below it, as iCalendar (from 90 days ago)', params: idParams, produces: ['text/calendar'], response: { 200: z.string() } },
  }, async (req, reply) => {
    const [unit] = await db.select({ name: units.name }).from(units).where(eq(units.id, req.params.id));
    if (!unit) throw notFound('Unit');
    const list = await unitPublicEvents(db, req.params.id);
    // The unit's name is public once it runs a public event (its events carry it); until then it is not given out.
    return reply.type(ICS).send(calendarOf(config, list.length > 0 ? `${unit.name}: events` : 'Public events', list, false));
  });

  app.post('/public/tickets', {
    config: { public: true, rateLimit: perMinute(ctx, 30) },
    schema: { tags: ['public'], summary: 'An attendee’s own ticket, from the token in their email', body: tokenBody, response: { 200: ticketView } },
  }, async (req) => {
    const r = await rsvpByToken(req.body.token);
    const [row] = await eventsWhere(db, eq(events.id, r.eventId), 1);
    const e = row!;
    const active = r.status === 'going' && e.status === 'scheduled';
    const { consentQuestions: _q, privacyNoticeVersion: _v, ...event } = presentPublicEvent(e, config);
    return {
      name: r.name, status: r.status, waitlistPosition: await waitlistPosition(db, r), checkedIn: !!r.checkedInAt,
      checkInCode: active ? r.checkInCode : null, qr: active ? qrPath(r.checkInCode) : null,
      onlineUrl: active && e.mode !== 'in_person' ? e.onlineUrl : null, event,
    };
  });

  app.post('/public/tickets/cancel', {
    config: { public: true, rateLimit: perMinute(ctx, 10) },
    schema: { tags: ['public'], summary: 'Cancel my place with the token from my email; the first on the waiting list gets it', body: tokenBody, response: { 200: rsvpResultView } },
  }, async (req) => {
    const r0 = await rsvpByToken(req.body.token);
    const mail: MailMessage[] = [];
    await db.transaction(async (tx) => {
      const [event] = await tx.select().from(events).where(eq(events.id, r0.eventId)).for('update');
      const [r] = await tx.select().from(eventRsvps).where(eq(eventRsvps.id, r0.id)).for('update');
      const { changed, promoted } = await cancelRsvp(tx, event!, r!, null, req.id);
      const me = await mailEventOf(tx, event!);
      if (changed) {
        const m = eventMessage('rsvp_cancelled', config, ctx.secret, me, r!);
        if (m) mail.push(m);
      }
      for (const p of promoted) {
        const m = eventMessage('promoted', config, ctx.secret, me, p);
        if (m) mail.push(m);
      }
    });
    for (const m of mail) await ctx.mailer.send(db, m);
    return { status: 'cancelled' as const, message: messages.cancelled };
  });

  app.get('/public/calendars/:token/calendar.ics', {
    config: { public: true, rateLimit: perMinute(ctx, 60) },
    schema: {
      tags: ['public'], summary: 'An account’s private calendar feed (events hosted and signed up to); the URL is the key',
      params: z.strictObject({ token: z.string().min(20).max(200) }), produces: ['text/calendar'], response: { 200: z.string() },
    },
  }, async (req, reply) => {
    const account = await feedAccount(db, ctx.secret, req.params.token);
    if (!account) throw notFound('Calendar');
    return reply.type(ICS).send(calendarOf(config, `${account.displayName}: events`, await personalEvents(db, account), true));
  });

  const feedState = z.object({ active: z.boolean(), url: z.string().nullable().describe('shown only when made; keep it private') });

  app.get('/calendar/feed', {
    schema: { tags: ['events'], summary: 'Whether I have a private calendar feed URL', response: { 200: feedState } },
  }, async (req) => ({ active: await hasFeed(db, actorOf(req).accountId), url: null }));

  app.post('/calendar/feed', {
    schema: { tags: ['events'], summary: 'Make a new private calendar feed URL (any earlier one stops working); shown once', response: { 201: feedState } },
  }, async (req, reply) => {
    const token = await db.transaction((tx) => renewFeed(tx, actorOf(req).accountId, ctx.secret));
    return reply.code(201).send({ active: true, url: `${config.publicUrl}/api/public/calendars/${token}/calendar.ics` });
  });

  app.delete('/calendar/feed', {
    schema: { tags: ['events'], summary: 'Stop my private calendar feed URL', response: { 204: z.null() } },
  }, async (req, reply) => {
    await revokeFeeds(db, actorOf(req).accountId);
    return reply.code(204).send(null);
  });
};
