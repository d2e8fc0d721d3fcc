import { buildAccount, buildOrg, buildPerson, buildUnit } from '../../../../test/factories.ts';
import type { TestApp } from '../../../../test/harness.ts';
import type { Role } from '../../accounts/schema.ts';
import { seedTaxonomy } from '../../issues/defaultTaxonomy.ts';
import { seedScales } from '../../scales/defaultScales.ts';
import { geo, plantGeography } from '../../people/testing/peopleWorld.ts';

export { geo };

interface Acct {
  id: string;
  token: string;
}

/**
 * Organisation A (root → party C → branches B1 and B2, and a sibling branch S elsewhere) and
 * organisation B, each with the default taxonomy and scales. Accounts: two volunteers on B1,
 * one holder of each role on C, an organiser on S and an admin of B. People in B1 (two), B2,
 * S and B; the last two are canaries with names that must never appear from C.
 */
export async function buildConversationWorld(t: TestApp) {
  const { db } = t.ctx;
  await plantGeography(t);
  const a = await buildOrg(db);
  const c = await buildUnit(db, a.root.id, { kind: 'constituency', name: 'Doncaster Central CLP' });
  const b1 = await buildUnit(db, c.id, { name: 'Town Branch' });
  const b2 = await buildUnit(db, c.id, { name: 'Outer Branch' });
  const c2 = await buildUnit(db, a.root.id, { kind: 'constituency', name: 'Doncaster North CLP' });
  const sibling = await buildUnit(db, c2.id, { name: 'Bentley Branch' });
  const b = await buildOrg(db);
  const otherBranch = await buildUnit(db, b.root.id, { name: 'Other Org Branch' });
  for (const org of [a.org.id, b.org.id]) {
    await seedTaxonomy(db, org);
    await seedScales(db, org);
  }
  const acct = async (unitId: string, role: Role, displayName?: string): Promise<Acct> => {
    const made = await buildAccount(t.ctx, [{ unitId, role }], displayName ? { displayName } : {});
    return { id: made.account.id, token: made.token };
  };
  const roles = {} as Record<Role, Acct>;
  for (const role of ['member', 'volunteer', 'organiser', 'unit_admin', 'dpo', 'national_admin'] as Role[]) roles[role] = await acct(c.id, role);
  const accounts = {
    ...roles,
    vol1: await acct(b1.id, 'volunteer', 'Vera Volunteer'),
    vol2: await acct(b1.id, 'volunteer', 'Walt Volunteer'),
    vol2b: await acct(b2.id, 'volunteer', 'Bea Outer'),
    siblingOrganiser: await acct(sibling.id, 'organiser', 'Sid Sibling'),
    orgBAdmin: await acct(b.root.id, 'national_admin', 'Olga Other'),
    rootAdmin: await acct(a.root.id, 'national_admin', 'Rhodri Root'),
    rootUnitAdmin: await acct(a.root.id, 'unit_admin', 'Una Root'),
  };
  const people = {
    p1: await buildPerson(db, b1, { firstName: 'Alys', lastName: 'Morgan', wardCode: geo.armthorpe, constituencyCode: geo.doncasterCentral }),
    p2: await buildPerson(db, b1, { firstName: 'Bryn', lastName: 'Evans', wardCode: geo.bessacarr, constituencyCode: geo.doncasterCentral }),
    p3: await buildPerson(db, b2, { firstName: 'Carys', lastName: 'Jones', wardCode: geo.armthorpe, constituencyCode: geo.doncasterCentral }),
    siblingPerson: await buildPerson(db, sibling, { firstName: 'Quillon', lastName: 'Siblingcanary', wardCode: geo.bentley, constituencyCode: geo.doncasterNorth }),
    otherPerson: await buildPerson(db, otherBranch, { firstName: 'Zephyrine', lastName: 'Orgcanary' }),
  };
  return { orgA: a.org, orgB: b.org, root: a.root, c, b1, b2, sibling, otherBranch, accounts, people };
}
export type ConversationWorld = Awaited<ReturnType<typeof buildConversationWorld>>;

/** A complete valid submission about `personId`, with everything a conversation can hold. */
export function fullSubmission(personId: string, overrides: Record<string, unknown> = {}) {
  return {
    kind: 'one_to_one',
    people: [personId],
    occurredAt: '2025-03-04T18:30:00Z',
    durationMinutes: 40,
    outcome: 'spoke',
    issues: [{ text: 'Damp and mould' }, { text: 'The 57 bus stopping at six' }],
    notes: { selfInterest: 'Wants her kids to grow up without asthma.', story: 'Moved here in 2019; landlord ignores repairs.' },
    assessments: [{ scaleKey: 'organising', value: 3 }, { scaleKey: 'support', value: 4, phase: 'before' }, { scaleKey: 'support', value: 7, phase: 'after' }],
    commitments: [{ ask: 'attend', answer: 'yes', dueOn: '2025-03-20' }],
    followUps: [{ dueOn: '2025-03-11', reason: 'Bring the repairs letter template' }],
    ...overrides,
  };
}
