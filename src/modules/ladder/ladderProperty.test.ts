import fc from 'fast-check';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAccount, buildOrg, buildPerson, buildUnit } from '../../../test/factories.ts';
import { createTestApp, testDatabaseKinds, type TestApp } from '../../../test/harness.ts';
import { accounts } from '../accounts/schema.ts';
import { commitments } from '../commitments/schema.ts';
import { conversationOrganisers, conversationPeople, conversations } from '../conversations/schema.ts';
import { relationships } from '../relationships/schema.ts';
import { recomputeTouched } from './activity.ts';
import { configureLevels } from './configureLevels.ts';
import { recomputeOrganisation } from './recomputeOrganisation.ts';
import { ladderMetrics, type LadderMetric } from './rules.ts';
import { personLadder } from './schema.ts';

const AS_OF = new Date('2025-06-15T12:00:00Z');
const DAY = 86_400_000;
const PEOPLE = 4;

// Random activity histories. Two accounts are linked to people 0 and 1 (organisers who are also
// people on the ladder); account 2 is not linked to anyone.
const conv = fc.record({
  type: fc.constant('conv' as const), p: fc.nat(PEOPLE - 1), by: fc.nat(2), kind: fc.constantFrom('one_to_one', 'doorstep'),
  outcome: fc.constantFrom('spoke', 'spoke', 'not_home'), daysAgo: fc.nat(400), deleted: fc.constantFrom(false, false, false, false, false, true),
});
const recruit = fc.record({ type: fc.constant('recruit' as const), p: fc.nat(PEOPLE - 1), other: fc.nat(PEOPLE - 1), daysAgo: fc.nat(400) });
const brought = fc.record({ type: fc.constant('brought' as const), p: fc.nat(PEOPLE - 1), other: fc.nat(PEOPLE - 1), daysAgo: fc.nat(400), event: fc.constantFrom('A', 'B') });
const kept = fc.record({ type: fc.constant('kept' as const), p: fc.nat(PEOPLE - 1), status: fc.constantFrom('kept', 'kept', 'broken', 'open'), daysAgo: fc.nat(400) });
const event = fc.oneof(conv, recruit, brought, kept);
type Event = typeof event extends fc.Arbitrary<infer T> ? T : never;
const condition = fc.record({ metric: fc.constantFrom(...ladderMetrics), atLeast: fc.integer({ min: 1, max: 3 }), withinDays: fc.constantFrom(null, 30, 90, 365) });
const ladder = fc.array(fc.array(condition, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 4 });

/** The reference model: facts per person, counted plainly, rung by rung. */
function expectedLevels(events: Event[], levels: { metric: LadderMetric; atLeast: number; withinDays: number | null }[][]): (number | null)[] {
  const facts: { person: number; metric: LadderMetric; at: number; key: string }[] = [];
  const recruited = new Set<number>();
  const broughtSeen = new Set<string>();
  events.forEach((e, i) => {
    const at = AS_OF.getTime() - e.daysAgo * DAY - 3_600_000;
    const dateAt = Date.parse(new Date(AS_OF.getTime() - e.daysAgo * DAY).toISOString().slice(0, 10));
    if (e.type === 'conv') {
      if (e.deleted || e.outcome !== 'spoke') return;
      facts.push({ person: e.p, metric: 'conversations', at, key: `c${i}` });
      if (e.kind === 'one_to_one') {
        facts.push({ person: e.p, metric: 'one_to_ones', at, key: `c${i}` });
        if (e.by < 2) {
          facts.push({ person: e.by, metric: 'one_to_ones_held', at, key: `c${i}` });
          facts.push({ person: e.by, metric: 'one_to_ones', at, key: `c${i}` });
        }
      }
    } else if (e.type === 'recruit') {
      if (e.p === e.other || recruited.has(e.other)) return;
      recruited.add(e.other);
      facts.push({ person: e.p, metric: 'people_recruited', at: dateAt, key: `p${e.other}` });
    } else if (e.type === 'brought') {
      const k = `${e.p}|${e.other}|${e.event}|${dateAt}`;
      if (e.p === e.other || broughtSeen.has(k)) return;
      broughtSeen.add(k);
      facts.push({ person: e.p, metric: 'people_brought', at: dateAt, key: `p${e.other}` });
    } else if (e.status === 'kept') {
      facts.push({ person: e.p, metric: 'commitments_kept', at, key: `k${i}` });
    }
  });
  return Array.from({ length: PEOPLE }, (_, person) => {
    let level: number | null = null;
    for (const [i, conds] of levels.entries()) {
      const holds = conds.every((c) => new Set(facts.filter((f) => f.person === person && f.metric === c.metric
        && (c.withinDays === null || f.at >= AS_OF.getTime() - c.withinDays * DAY)).map((f) => f.key)).size >= c.atLeast);
      if (!holds) break;
      level = i;
    }
    return level;
  });
}

describe.each(testDatabaseKinds)('ladder levels against a reference model on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind);
  });
  afterAll(() => t.close());

  it('computes, incrementally and in full, the level the reference model gives for random histories and ladders', async () => {
    const db = t.ctx.db;
    await fc.assert(fc.asyncProperty(ladder, fc.array(event, { maxLength: 25 }), async (levels, events) => {
      const { org, root } = await buildOrg(db);
      const unit = await buildUnit(db, root.id);
      const folk: { id: string }[] = [];
      for (let i = 0; i < PEOPLE; i++) folk.push(await buildPerson(db, unit, { email: null, phone: null }));
      const accts: string[] = [];
      for (let i = 0; i < 3; i++) {
        const a = await buildAccount(t.ctx, [{ unitId: unit.id, role: 'volunteer' }]);
        if (i < 2) await db.update(accounts).set({ personId: folk[i]!.id }).where(eq(accounts.id, a.account.id));
        accts.push(a.account.id);
      }
      const system = { accountId: 'system', email: '', displayName: '', via: 'system' as const, grants: [{ unitId: root.id, unitPath: root.path, orgId: org.id, role: 'national_admin' as const }] };
      await db.transaction((tx) => configureLevels(tx, system, org.id, levels.map((conds, i) => ({ key: `l${i}`, label: `Level ${i}`, nextStep: '', rule: { all: conds } }))));
      const ids = await db.select({ id: sql<string>`id` }).from(sql`ladder_levels`).where(sql`org_id = ${org.id} and archived_at is null order by position`);
      const levelIds = ids.map((r) => r.id);

      // Each event is written and then recomputed incrementally for the people it touched, as the app does.
      for (const e of events) {
        const at = new Date(AS_OF.getTime() - e.daysAgo * DAY - 3_600_000);
        const date = new Date(AS_OF.getTime() - e.daysAgo * DAY).toISOString().slice(0, 10);
        await db.transaction(async (tx) => {
          const touched = [folk[e.p]!.id];
          if (e.type === 'conv') {
            const [c] = await tx.insert(conversations).values({ orgId: org.id, unitId: unit.id, personId: folk[e.p]!.id, kind: e.kind, outcome: e.outcome, occurredAt: at, deletedAt: e.deleted ? at : null }).returning();
            await tx.insert(conversationPeople).values({ conversationId: c!.id, personId: folk[e.p]!.id, orgId: org.id, unitId: unit.id, kind: e.kind, outcome: e.outcome, occurredAt: at, deletedAt: e.deleted ? at : null });
            await tx.insert(conversationOrganisers).values({ conversationId: c!.id, accountId: accts[e.by]!, orgId: org.id, unitId: unit.id, personId: folk[e.p]!.id, kind: e.kind, occurredAt: at, deletedAt: e.deleted ? at : null });
            await recomputeTouched(tx, org.id, touched, [accts[e.by]!], AS_OF);
            return;
          }
          if (e.type === 'kept') {
            await tx.insert(commitments).values({ orgId: org.id, unitId: unit.id, personId: folk[e.p]!.id, ask: 'attend', answer: 'yes', status: e.status, askedAt: at, markedAt: e.status === 'open' ? null : at });
          } else if (e.p !== e.other) {
            await tx.insert(relationships).values({
              orgId: org.id, type: e.type === 'recruit' ? 'recruited' : 'brought', personId: folk[e.p]!.id, otherPersonId: folk[e.other]!.id, occurredOn: date,
              eventName: e.type === 'brought' ? e.event : null,
            }).onConflictDoNothing();
          }
          await recomputeTouched(tx, org.id, touched, [], AS_OF);
        });
      }
      const standing = async () => {
        const rows = await db.select().from(personLadder).where(eq(personLadder.orgId, org.id));
        return folk.map((p) => {
          const id = rows.find((r) => r.personId === p.id)?.levelId ?? null;
          return id === null ? null : levelIds.indexOf(id);
        });
      };
      const expected = expectedLevels(events, levels);
      expect(await standing()).toEqual(expected);
      await db.delete(personLadder).where(eq(personLadder.orgId, org.id));
      await recomputeOrganisation(db, org.id, { asOf: AS_OF, batchSize: 3 });
      expect(await standing()).toEqual(expected);
    }), { numRuns: kind === 'pglite' ? 60 : 30 });
  }, 600_000);
});
