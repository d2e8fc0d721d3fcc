import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/connection.ts';
import { execute } from '../../db/execute.ts';
import { systemActor } from '../accounts/systemActor.ts';
import { people } from '../people/schema.ts';
import { relationshipKinds, relationships } from '../relationships/schema.ts';
import { units } from '../units/schema.ts';
import { configureLevels } from './configureLevels.ts';
import { DEFAULT_LADDER } from './defaultLadder.ts';
import { recomputeOrganisation } from './recomputeOrganisation.ts';

const DAY = 86_400_000;

/** A small deterministic generator, so the demo is the same on every machine. */
function prng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Gives the demo organisation the default ladder, some relationships between its people (ties
 * within each branch, recruitments and people brought to meetings, led by the people most often
 * spoken with), then computes everyone's level. Run after the demo conversations.
 */
export async function seedDemoLadder(db: Db, orgId: string, opts: { now?: Date } = {}): Promise<void> {
  const now = (opts.now ?? new Date()).getTime();
  const [root] = await db.select({ id: units.id, path: units.path }).from(units).where(and(eq(units.orgId, orgId), isNull(units.parentId)));
  const system = systemActor({ orgId, path: root!.path }, 'Demo');
  await db.transaction((tx) => configureLevels(tx, system, orgId, DEFAULT_LADDER));

  const rand = prng(1945);
  const pick = <T,>(xs: T[]) => xs[Math.floor(rand() * xs.length)]!;
  const dateBack = (maxDays: number) => new Date(now - Math.floor(rand() * maxDays) * DAY).toISOString().slice(0, 10);
  // The people spoken with most are the demo's emerging leaders.
  const engaged = await execute<{ id: string; unit_id: string }>(db, sql`
    select p.id, p.unit_id from people p join conversation_people cp on cp.person_id = p.id and cp.deleted_at is null and cp.outcome = 'spoke'
    where p.org_id = ${orgId} and p.deleted_at is null group by p.id, p.unit_id order by count(*) desc, p.id limit 40`);
  const everyone = await db.select({ id: people.id, unitId: people.unitId }).from(people).where(and(eq(people.orgId, orgId), isNull(people.deletedAt))).orderBy(desc(people.id));
  const byUnit = new Map<string, string[]>();
  for (const p of everyone) byUnit.set(p.unitId, [...(byUnit.get(p.unitId) ?? []), p.id]);

  const rows: (typeof relationships.$inferInsert)[] = [];
  const recruited = new Set<string>();
  const pairs = new Set<string>();
  engaged.forEach((leader, i) => {
    const local = (byUnit.get(leader.unit_id) ?? []).filter((id) => id !== leader.id);
    if (local.length === 0) return;
    // The first few bring many; the rest a little.
    const reach = i < 4 ? 4 : i < 15 ? 2 : 1;
    for (let k = 0; k < reach; k++) {
      const other = pick(local);
      if (!recruited.has(other) && other !== leader.id) {
        recruited.add(other);
        rows.push({ orgId, type: 'recruited', personId: leader.id, otherPersonId: other, occurredOn: dateBack(300) });
      }
      rows.push({ orgId, type: 'brought', personId: leader.id, otherPersonId: pick(local), eventName: pick(['Estate listening meeting', 'Bus campaign house meeting', 'Branch social']), occurredOn: dateBack(150) });
    }
    for (let k = 0; k < 3; k++) {
      const other = pick(local);
      const key = [leader.id, other].sort().join('|');
      if (pairs.has(key)) continue;
      pairs.add(key);
      rows.push({ orgId, type: 'tie', personId: leader.id, otherPersonId: other, kind: pick([...relationshipKinds]), strength: 1 + Math.floor(rand() * 5) });
    }
  });
  if (rows.length > 0) await db.insert(relationships).values(rows).onConflictDoNothing();
  await recomputeOrganisation(db, orgId);
}
