import fc from 'fast-check';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, testDatabaseKinds, type TestApp } from '../../../test/harness.ts';
import { manageToken } from './rsvpTokens.ts';
import { eventRsvps } from './schema.ts';
import { buildEventWorld, eventBody, rsvpBody, type EventWorld } from './testing/eventWorld.ts';

const PEOPLE = 6;
const op = fc.oneof(
  fc.record({ type: fc.constant('rsvp' as const), who: fc.nat(PEOPLE - 1) }),
  fc.record({ type: fc.constant('cancel' as const), who: fc.nat(PEOPLE - 1) }),
);

/** The reference model: places in sign-up order while there is room, then a first-come queue that moves up as places free. */
function model(capacity: number, ops: { type: 'rsvp' | 'cancel'; who: number }[]): Map<number, 'going' | 'waitlisted' | 'cancelled'> {
  const going = new Set<number>();
  const queue: number[] = [];
  const seen = new Set<number>();
  for (const o of ops) {
    if (o.type === 'rsvp') {
      seen.add(o.who);
      if (going.has(o.who) || queue.includes(o.who)) continue;
      if (going.size < capacity) going.add(o.who);
      else queue.push(o.who);
    } else {
      if (!seen.has(o.who)) continue;
      going.delete(o.who);
      const i = queue.indexOf(o.who);
      if (i >= 0) queue.splice(i, 1);
      while (going.size < capacity && queue.length > 0) going.add(queue.shift()!);
    }
  }
  return new Map([...seen].map((p) => [p, going.has(p) ? 'going' : queue.includes(p) ? 'waitlisted' : 'cancelled']));
}

describe.each(testDatabaseKinds)('RSVPs and the waiting list against a model on %s', (kind) => {
  let t: TestApp;
  let w: EventWorld;
  beforeAll(async () => {
    t = await createTestApp(kind);
    w = await buildEventWorld(t);
  });
  afterAll(() => t.close());

  it('never gives more places than the capacity, never leaves a place free while someone waits, and promotes in order', async () => {
    await fc.assert(fc.asyncProperty(fc.integer({ min: 1, max: 3 }), fc.array(op, { maxLength: 18 }), async (capacity, ops) => {
      const e = (await t.request({ method: 'POST', url: '/api/events', token: w.accounts.organiser.token, payload: eventBody(w.branch.id, { capacity }) })).json();
      const email = (p: number) => `model${p}.${e.id.slice(0, 8)}@example.org`;
      for (const o of ops) {
        if (o.type === 'rsvp') {
          const res = await t.request({ method: 'POST', url: `/api/public/events/${e.id}/rsvps`, payload: rsvpBody({ firstName: `P${o.who}`, email: email(o.who) }) });
          expect(res.statusCode, res.body).toBeLessThan(300);
        } else {
          const [row] = await t.ctx.db.select({ id: eventRsvps.id }).from(eventRsvps).where(and(eq(eventRsvps.eventId, e.id), eq(eventRsvps.email, email(o.who))));
          if (!row) continue;
          const res = await t.request({ method: 'POST', url: '/api/public/tickets/cancel', payload: { token: manageToken(t.ctx.secret, row.id) } });
          expect(res.statusCode).toBe(200);
        }
        const rows = await t.ctx.db.select().from(eventRsvps).where(eq(eventRsvps.eventId, e.id));
        const going = rows.filter((r) => r.status === 'going').length;
        const waiting = rows.filter((r) => r.status === 'waitlisted').length;
        expect(going).toBeLessThanOrEqual(capacity);
        if (waiting > 0) expect(going).toBe(capacity);
        expect(new Set(rows.map((r) => r.personId)).size).toBe(rows.length);
      }
      const expected = model(capacity, ops);
      const rows = await t.ctx.db.select().from(eventRsvps).where(eq(eventRsvps.eventId, e.id));
      const actual = new Map(rows.map((r) => [Number(r.name.slice(1, 2)), r.status]));
      expect(actual).toEqual(expected);
    }), { numRuns: 12 });
  }, 300_000);
});
