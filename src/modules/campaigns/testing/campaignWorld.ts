import { and, eq } from 'drizzle-orm';
import { buildAccount, buildPerson } from '../../../../test/factories.ts';
import type { TestApp } from '../../../../test/harness.ts';
import { buildConversationWorld, geo } from '../../conversations/testing/conversationWorld.ts';
import { issues } from '../../issues/schema.ts';

export { geo };

/**
 * The conversation world (organisation A: root → party C → branches B1 and B2, a sibling
 * branch S under another party; organisation B) with an organiser and a volunteer on B1,
 * people of B1 to put on teams and power maps, and the ids of two issues of A's taxonomy.
 */
export async function buildCampaignWorld(t: TestApp) {
  const w = await buildConversationWorld(t);
  const db = t.ctx.db;
  const acct = async (unitId: string, role: 'organiser' | 'volunteer' | 'member' | 'unit_admin') => {
    const a = await buildAccount(t.ctx, [{ unitId, role }]);
    return { id: a.account.id, token: a.token };
  };
  const issueOf = async (orgId: string, slug: string) => (await db.select({ id: issues.id }).from(issues).where(and(eq(issues.orgId, orgId), eq(issues.slug, slug))))[0]!.id;
  return {
    ...w,
    b1Organiser: await acct(w.b1.id, 'organiser'),
    b1Volunteer: await acct(w.b1.id, 'volunteer'),
    b1Member: await acct(w.b1.id, 'member'),
    b1Admin: await acct(w.b1.id, 'unit_admin'),
    tenant: await buildPerson(db, w.b1, { firstName: 'Ffion', lastName: 'Tenantleader', email: 'ffion.tenantleader@example.org', wardCode: geo.armthorpe }),
    neighbour: await buildPerson(db, w.b1, { firstName: 'Gethin', lastName: 'Neighbourly', email: 'gethin.neighbourly@example.org', wardCode: geo.armthorpe }),
    issues: {
      damp: await issueOf(w.orgA.id, 'damp-and-mould'),
      buses: await issueOf(w.orgA.id, 'buses'),
      orgBDamp: await issueOf(w.orgB.id, 'damp-and-mould'),
    },
  };
}
export type CampaignWorld = Awaited<ReturnType<typeof buildCampaignWorld>>;

/** A valid new campaign for a unit. */
export function campaignBody(unitId: string, overrides: Record<string, unknown> = {}) {
  return {
    unitId, title: 'Fix the damp at Chapel Court', description: 'Tenants of Chapel Court organising for repairs.',
    demand: 'The landlord repairs every damp flat within 12 weeks.', goal: 'All 40 flats repaired', deadline: '2027-03-31', areaCodes: [geo.armthorpe], ...overrides,
  };
}

/** A valid power-map actor outside our records. */
export function actorBody(overrides: Record<string, unknown> = {}) {
  return { kind: 'institution', name: 'Castle Lettings Ltd', position: 'Landlord', influence: 5, stance: -2, selfInterest: 'Rent with the least spent on repairs.', target: 'primary', ...overrides };
}
