import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { actorOf } from '../../server/context.ts';
import { forbidden, notFound } from '../../server/errors.ts';
import { pageQuery, pageResponse } from '../../server/pagination.ts';
import { perMinute } from '../../server/rateLimits.ts';
import { canAnywhere } from '../accounts/actor.ts';
import { loadPersonFor } from '../people/policy.ts';
import { presentAttendee } from './attendee.ts';
import { calendarOf } from './calendarFeeds.ts';
import { cancelEvent } from './cancelEvent.ts';
import { cancelRsvp } from './cancelRsvp.ts';
import { checkIn, findRsvpForCheckIn, undoCheckIn } from './checkIn.ts';
import { createEvent } from './createEvent.ts';
import { duplicateEvent } from './duplicateEvent.ts';
import { eventMessage, type MailMessage } from './eventMail.ts';
import { addRsvpBody, cancelEventBody, checkInBody, createEventBody, duplicateEventBody, updateEventBody, walkInBody } from './inputs.ts';
import { loadEventFor } from './policy.ts';
import { attendanceView, attendeeView, eventView } from './present.ts';
import { eventsWhere, listAttendees, listEvents, personAttendance, readEvent } from './queries.ts';
import { eventKinds, eventRsvps, events, eventStatuses, rsvpStatuses } from './schema.ts';
import { addPersonRsvp, addWalkInDetails, mailEventOf } from './submitRsvp.ts';
import { updateEvent } from './updateEvent.ts';

const idParams = z.strictObject({ id: z.string().uuid() });
const rsvpParams = z.strictObject({ id: z.string().uuid(), rsvpId: z.string().uuid() });
const isoInstant = z.string().datetime({ offset: true });

/** Events, RSVPs taken by organisers, the door list and check-in, and calendars for signed-in people. */
export const eventRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, config } = app.ctx;
  const ctx = app.ctx;
  // Mail goes out after the transaction commits, so nobody is told of a change that was rolled back.
  const sendAll = async (mail: MailMessage[]) => {
    for (const m of mail) await ctx.mailer.send(db, m);
  };
  const view = async (actor: Parameters<typeof readEvent>[2], id: string) => {
    const v = await readEvent(db, config, actor, id);
    if (!v) throw notFound('Event');
    return v;
  };

  app.get('/events', {
    config: { rateLimit: perMinute(ctx, 300) },
    schema: {
      tags: ['events'], summary: 'Events I may see, soonest first: my units’ events and public or members-only events of my organisations',
      querystring: z.strictObject({
        unit: z.string().uuid().optional().describe('this unit and the units below it'),
        from: isoInstant.optional().describe('events ending at or after this instant'),
        to: isoInstant.optional().describe('events starting before this instant'),
        kind: z.enum(eventKinds).optional(),
        status: z.enum(eventStatuses).optional(),
        series: z.string().uuid().optional(),
        q: z.string().trim().max(100).optional().describe('words in the title'),
        ...pageQuery,
      }),
      response: { 200: pageResponse(eventView) },
    },
  }, async (req) => {
    const actor = actorOf(req);
    if (!canAnywhere(actor, 'events.read')) throw forbidden();
    const { limit, cursor, ...filter } = req.query;
    return listEvents(db, config, actor, filter, limit, cursor);
  });

  app.post('/events', {
    schema: {
      tags: ['events'], summary: 'Create an event, or a recurring series of them (needs events.manage on the unit)',
      body: createEventBody, response: { 201: eventView },
    },
  }, async (req, reply) => {
    const actor = actorOf(req);
    if (!canAnywhere(actor, 'events.manage')) throw forbidden();
    const [first] = await createEvent(db, actor, req.body, req.id);
    return reply.code(201).send(await view(actor, first!));
  });

  app.get('/events/:id', {
    schema: { tags: ['events'], summary: 'One event', params: idParams, response: { 200: eventView } },
  }, async (req) => view(actorOf(req), req.params.id));

  app.patch('/events/:id', {
    schema: {
      tags: ['events'], summary: 'Edit an event, or it and the later occurrences of its series (scope "following")',
      params: idParams, body: updateEventBody, response: { 200: eventView },
    },
  }, async (req) => {
    const actor = actorOf(req);
    const mail = await db.transaction(async (tx) => updateEvent(tx, actor, await loadEventFor(tx, actor, req.params.id, 'manage', true), req.body, ctx, req.id));
    await sendAll(mail);
    return view(actor, req.params.id);
  });

  app.post('/events/:id/cancel', {
    schema: {
      tags: ['events'], summary: 'Cancel an event (or it and the later occurrences of its series); everyone with a place or waiting is emailed',
      params: idParams, body: cancelEventBody, response: { 200: eventView },
    },
  }, async (req) => {
    const actor = actorOf(req);
    const mail = await db.transaction(async (tx) => cancelEvent(tx, actor, await loadEventFor(tx, actor, req.params.id, 'manage', true), req.body, ctx, req.id));
    await sendAll(mail);
    return view(actor, req.params.id);
  });

  app.post('/events/:id/duplicate', {
    schema: { tags: ['events'], summary: 'Copy an event to a new time (no RSVPs are copied)', params: idParams, body: duplicateEventBody, response: { 201: eventView } },
  }, async (req, reply) => {
    const actor = actorOf(req);
    const id = await db.transaction(async (tx) => duplicateEvent(tx, actor, await loadEventFor(tx, actor, req.params.id, 'manage'), req.body, req.id));
    return reply.code(201).send(await view(actor, id));
  });

  app.get('/events/:id/attendees', {
    config: { rateLimit: perMinute(ctx, 600) },
    schema: {
      tags: ['events'], summary: 'The door list: places, then the waiting list in order, then cancellations; search by name, email, phone or ticket code',
      params: idParams,
      querystring: z.strictObject({ q: z.string().trim().max(100).optional(), status: z.enum(rsvpStatuses).optional(), ...pageQuery }),
      response: { 200: pageResponse(attendeeView) },
    },
  }, async (req) => {
    const actor = actorOf(req);
    await loadEventFor(db, actor, req.params.id, 'manage');
    const { limit, cursor, ...f } = req.query;
    return listAttendees(db, req.params.id, f, limit, cursor);
  });

  app.post('/events/:id/rsvps', {
    schema: {
      tags: ['events'], summary: 'Sign up a person I may read (a place, or the waiting list when full); asking twice changes nothing',
      params: idParams, body: addRsvpBody, response: { 200: attendeeView, 201: attendeeView },
    },
  }, async (req, reply) => {
    const actor = actorOf(req);
    const out = await db.transaction(async (tx) => {
      const { event } = await loadEventFor(tx, actor, req.params.id, 'manage', true);
      return addPersonRsvp(tx, ctx, actor, event, req.body.personId, 'organiser', req.id);
    });
    await sendAll(out.mail);
    return reply.code(out.outcome === 'existing' ? 200 : 201).send(await presentAttendee(db, out.rsvp));
  });

  app.post('/events/:id/rsvps/:rsvpId/cancel', {
    schema: { tags: ['events'], summary: 'Cancel someone’s place; the first on the waiting list gets it', params: rsvpParams, response: { 200: attendeeView } },
  }, async (req) => {
    const actor = actorOf(req);
    const mail: MailMessage[] = [];
    const rsvp = await db.transaction(async (tx) => {
      const { event } = await loadEventFor(tx, actor, req.params.id, 'manage', true);
      const [r] = await tx.select().from(eventRsvps).where(and(eq(eventRsvps.id, req.params.rsvpId), eq(eventRsvps.eventId, event.id))).for('update');
      if (!r) throw notFound('RSVP');
      const { promoted } = await cancelRsvp(tx, event, r, actor.accountId, req.id);
      if (promoted.length > 0) {
        const me = await mailEventOf(tx, event);
        for (const p of promoted) {
          const m = eventMessage('promoted', config, ctx.secret, me, p);
          if (m) mail.push(m);
        }
      }
      const [after] = await tx.select().from(eventRsvps).where(eq(eventRsvps.id, r.id));
      return after!;
    });
    await sendAll(mail);
    return presentAttendee(db, rsvp);
  });

  app.post('/events/:id/check-ins', {
    config: { rateLimit: perMinute(ctx, 600) },
    schema: {
      tags: ['events'], summary: 'Check someone in at the door, by RSVP or by the code on their ticket (typed or scanned); counts as attendance',
      params: idParams, body: checkInBody, response: { 200: attendeeView.extend({ alreadyCheckedIn: z.boolean() }) },
    },
  }, async (req) => {
    const actor = actorOf(req);
    const out = await db.transaction(async (tx) => {
      const { event } = await loadEventFor(tx, actor, req.params.id, 'manage', true);
      return checkIn(tx, actor, event, await findRsvpForCheckIn(tx, event.id, req.body), req.id);
    });
    return { ...(await presentAttendee(db, out.rsvp)), alreadyCheckedIn: out.already };
  });

  app.delete('/events/:id/check-ins/:rsvpId', {
    schema: { tags: ['events'], summary: 'Take back a check-in made by mistake', params: rsvpParams, response: { 200: attendeeView } },
  }, async (req) => {
    const actor = actorOf(req);
    const rsvp = await db.transaction(async (tx) => {
      const { event } = await loadEventFor(tx, actor, req.params.id, 'manage', true);
      return undoCheckIn(tx, actor, event, await findRsvpForCheckIn(tx, event.id, { rsvpId: req.params.rsvpId }), req.id);
    });
    return presentAttendee(db, rsvp);
  });

  app.post('/events/:id/walk-ins', {
    schema: {
      tags: ['events'], summary: 'Someone who came without signing up: a person I may read, or their details (matched by email or phone, else added to the event’s unit); checked in at once',
      params: idParams, body: walkInBody, response: { 201: attendeeView },
    },
  }, async (req, reply) => {
    const actor = actorOf(req);
    const rsvp = await db.transaction(async (tx) => {
      const { event } = await loadEventFor(tx, actor, req.params.id, 'manage', true);
      const placed = 'personId' in req.body
        ? await addPersonRsvp(tx, ctx, actor, event, req.body.personId, 'walk_in', req.id)
        : await addWalkInDetails(tx, ctx, actor, event, req.body, req.id);
      return (await checkIn(tx, actor, event, placed.rsvp, req.id)).rsvp;
    });
    return reply.code(201).send(await presentAttendee(db, rsvp));
  });

  app.get('/events/:id/calendar.ics', {
    schema: { tags: ['events'], summary: 'One event as iCalendar', params: idParams, produces: ['text/calendar'], response: { 200: z.string() } },
  }, async (req, reply) => {
    const actor = actorOf(req);
    const { event } = await loadEventFor(db, actor, req.params.id, 'read');
    const rows = await eventsWhere(db, eq(events.id, event.id), 1);
    return reply.type('text/calendar; charset=utf-8').send(calendarOf(config, event.title, rows, true));
  });

  app.get('/people/:id/attendance', {
    schema: {
      tags: ['events'], summary: 'A person’s RSVPs and attendance (events I may see), newest first',
      params: idParams, querystring: z.strictObject(pageQuery), response: { 200: pageResponse(attendanceView) },
    },
  }, async (req) => {
    const actor = actorOf(req);
    await loadPersonFor(db, actor, req.params.id, 'read');
    return personAttendance(db, actor, req.params.id, req.query.limit, req.query.cursor);
  });
};
