import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, testDatabaseKinds, type TestApp } from '../../../test/harness.ts';
import { eventRsvps } from './schema.ts';
import { buildEventWorld, eventBody, rsvpBody } from './testing/eventWorld.ts';

describe.each(testDatabaseKinds)('public RSVP limits on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    // Rate limits as in production.
    t = await createTestApp(kind, { RATE_LIMIT_MULTIPLIER: '1' });
  });
  afterAll(() => t.close());

  it('answers a flood of sign-ups from one address with 429 in the error shape, and stores only those let through', async () => {
    const w = await buildEventWorld(t);
    const e = (await t.request({ method: 'POST', url: '/api/events', token: w.accounts.organiser.token, payload: eventBody(w.branch.id) })).json();
    const codes: number[] = [];
    for (let i = 0; i < 15; i++) {
      const res = await t.request({ method: 'POST', url: `/api/public/events/${e.id}/rsvps`, payload: rsvpBody({ firstName: `Flood${i}`, email: `flood${i}@example.org` }), remoteAddress: '203.0.113.9' });
      codes.push(res.statusCode);
      if (res.statusCode === 429) expect(res.json().error.code).toBe('rate_limited');
    }
    expect(codes.filter((c) => c === 201)).toHaveLength(10);
    expect(codes.slice(10).every((c) => c === 429)).toBe(true);
    expect(await t.ctx.db.$count(eventRsvps)).toBe(10);
    // Another address is not held back by the first.
    const other = await t.request({ method: 'POST', url: `/api/public/events/${e.id}/rsvps`, payload: rsvpBody({ email: 'calm@example.org' }), remoteAddress: '198.51.100.7' });
    expect(other.statusCode).toBe(201);
  });
});
