import { buildAccount, buildOrg, buildPerson, buildUnit } from '../../../../test/factories.ts';
import type { TestApp } from '../../../../test/harness.ts';
import type { Role } from '../../accounts/schema.ts';

/**
 * Organisation A (root → region → branch and a sibling branch) and organisation B, with an
 * account per role on the branch, an organiser on the sibling and an admin in B.
 */
export async function buildEventWorld(t: TestApp) {
  const db = t.ctx.db;
  const { root } = await buildOrg(db, { name: 'Events Home Party' });
  const region = await buildUnit(db, root.id, { kind: 'region', name: 'Events Region' });
  const branch = await buildUnit(db, region.id, { name: 'Riverside Branch' });
  const sibling = await buildUnit(db, region.id, { name: 'Hillside Branch' });
  const { root: orgB } = await buildOrg(db, { name: 'Other Party' });
  const account = async (unitId: string, role: Role) => {
    const a = await buildAccount(t.ctx, [{ unitId, role }]);
    return { id: a.account.id, token: a.token, email: a.account.email };
  };
  return {
    root, region, branch, sibling, orgB,
    accounts: {
      organiser: await account(branch.id, 'organiser'),
      volunteer: await account(branch.id, 'volunteer'),
      member: await account(branch.id, 'member'),
      dpo: await account(branch.id, 'dpo'),
      siblingOrganiser: await account(sibling.id, 'organiser'),
      siblingMember: await account(sibling.id, 'member'),
      regionAdmin: await account(region.id, 'unit_admin'),
      orgBAdmin: await account(orgB.id, 'national_admin'),
    },
    people: {
      known: await buildPerson(db, branch, { firstName: 'Megan', lastName: 'Pryce', email: 'megan.pryce@example.org', phone: '+447700900111' }),
      siblingPerson: await buildPerson(db, sibling, { firstName: 'Owain', lastName: 'Hill', email: 'owain.hill@example.org', phone: null }),
    },
  };
}
export type EventWorld = Awaited<ReturnType<typeof buildEventWorld>>;

/** A valid event body for a unit, starting `days` days from now at 19:00 London time. */
export function eventBody(unitId: string, overrides: Record<string, unknown> = {}, days = 10) {
  const d = new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
  return {
    unitId, kind: 'house_meeting', title: 'Damp in the flats: a house meeting', mode: 'in_person', address: '12 Chapel Row, Tredegar', postcode: 'NP22 3AA',
    accessibilityNotes: 'Step-free entrance; hearing loop.', startsAt: `${d}T19:00`, endsAt: `${d}T21:00`, visibility: 'public', ...overrides,
  };
}

/** A valid public RSVP body. */
export function rsvpBody(overrides: Record<string, unknown> = {}) {
  return { firstName: 'Rhiannon', lastName: 'Lewis', email: 'rhiannon.lewis@example.org', postcode: 'NP22 3BB', consents: { future_contact: true }, privacyNoticeVersion: '2026-01', ...overrides };
}
