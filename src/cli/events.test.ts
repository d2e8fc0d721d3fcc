import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKinds } from '../../test/databases.ts';
import { buildOrg, buildPerson, buildUnit } from '../../test/factories.ts';
import { cliDatabase, runCli, type CliDatabase } from '../../test/runCli.ts';
import type { DatabaseKind } from '../db/connection.ts';
import { eventRsvps, events } from '../modules/events/schema.ts';

describe.each(testDatabaseKinds)('tredegar events remind on %s', (kind: DatabaseKind) => {
  let cdb: CliDatabase;
  const cli = (...args: string[]) => runCli(cdb.env, ...args);

  beforeAll(async () => {
    cdb = await cliDatabase(kind, 'events-cli');
    const db = await cdb.open();
    const { root } = await buildOrg(db.db);
    const unit = await buildUnit(db.db, root.id);
    const soon = Date.now() + 3 * 3_600_000;
    const [event] = await db.db.insert(events).values({
      orgId: unit.orgId, unitId: unit.id, kind: 'house_meeting', title: 'Kitchen table meeting', mode: 'in_person', address: '3 Bridge St',
      startsAt: new Date(soon), endsAt: new Date(soon + 3_600_000), visibility: 'public', privacyNoticeVersion: 'v1', reminderHours: 24,
    }).returning();
    const people = [await buildPerson(db.db, unit), await buildPerson(db.db, unit)];
    await db.db.insert(eventRsvps).values(people.map((p, i) => ({
      orgId: unit.orgId, eventId: event!.id, personId: p.id, status: i === 0 ? 'going' as const : 'waitlisted' as const, source: 'public' as const,
      name: p.firstName, email: p.email, manageTokenHash: `hash-${i}-${p.id}`, checkInCode: `AAAA-AAA${i + 2}`,
    })));
    await cdb.done(db);
  });
  afterAll(() => cdb.close());

  it('sends the reminders due once, however often it runs', { timeout: 240_000 }, async () => {
    const first = await cli('events', 'remind');
    expect(first.code, first.err).toBe(0);
    expect(first.out.trim()).toBe('1 reminder sent');
    const again = await cli('events', 'remind');
    expect(again.out.trim()).toBe('0 reminders sent');
    const mail = await cdb.query<{ subject: string }>("select subject from outbox where subject like 'Reminder:%'");
    expect(mail).toEqual([{ subject: 'Reminder: Kitchen table meeting' }]);
  });
});
