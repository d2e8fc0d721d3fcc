import { join } from 'node:path';
import { fakerEN_GB as faker } from '@faker-js/faker';
import { and, eq, sql } from 'drizzle-orm';
import type { AppContext } from '../../server/context.ts';
import { accounts, roleGrants, type Role } from '../accounts/schema.ts';
import { loadAreas } from '../areas/loadAreas.ts';
import { areas, wardConstituencies } from '../areas/schema.ts';
import { seedDemoConversations } from '../conversations/seedDemoConversations.ts';
import { seedDemoLadder } from '../ladder/seedDemoLadder.ts';
import { seedDemoCampaign } from '../campaigns/seedDemoCampaign.ts';
import { insertPeople, type NewPerson } from '../people/insertPeople.ts';
import { customFieldDefinitions, tags } from '../people/schema.ts';
import { createOrganisation } from '../units/createOrganisation.ts';
import { createUnit } from '../units/createUnit.ts';
import { organisations, units as unitsTable } from '../units/schema.ts';

export const DEMO_SLUG = 'demo';
export const DEMO_ACCOUNTS: { email: string; name: string; role: Role; unitCode: string }[] = [
  { email: 'admin@demo.tredegar.local', name: 'Nye Bevan (demo admin)', role: 'national_admin', unitCode: 'demo-national' },
  { email: 'organiser@demo.tredegar.local', name: 'Jennie Lee (demo organiser)', role: 'organiser', unitCode: 'doncaster-central' },
  { email: 'volunteer@demo.tredegar.local', name: 'Aneurin Jones (demo volunteer)', role: 'volunteer', unitCode: 'doncaster-central-town' },
];

const CONSTITUENCIES = [
  { region: 'E12000003', regionCode: 'yorkshire-humber', name: 'Doncaster Central', code: 'doncaster-central', postcode: 'DN' },
  { region: 'E12000003', regionCode: 'yorkshire-humber', name: 'Doncaster North', code: 'doncaster-north', postcode: 'DN' },
  { region: 'E12000008', regionCode: 'south-east', name: 'Rochester and Strood', code: 'rochester-strood', postcode: 'ME' },
  { region: 'E12000008', regionCode: 'south-east', name: 'Gillingham and Rainham', code: 'gillingham-rainham', postcode: 'ME' },
];
const TAGS = ['Housing', 'Damp and mould', 'Tenant', 'Union member', 'Volunteer', 'Foodbank', 'Buses', 'NHS', 'Potential leader'];
const slug = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

/**
 * Creates the demo organisation on real geography: two regions, four constituency parties and
 * their ward branches, a few hundred synthetic people and demo accounts. Does nothing if it exists.
 */
export async function seedDemo(ctx: AppContext, opts: { people?: number } = {}): Promise<{ created: boolean; orgId: string }> {
  const { db } = ctx;
  const [existing] = await db.select().from(organisations).where(eq(organisations.slug, DEMO_SLUG));
  if (existing) return { created: false, orgId: existing.id };
  const areaCount = await db.$count(areas);
  if (areaCount === 0) await loadAreas(db, join(ctx.config.TREDEGAR_SHARED_DIR, 'data', 'elections'));

  faker.seed(2026);
  const { org, root } = await createOrganisation(db, { name: 'Tredegar Demo Party', slug: DEMO_SLUG, rootCode: 'demo-national', isDemo: true });
  const units = new Map<string, { id: string; orgId: string; wards: string[]; constituency: string; postcode: string }>();
  const regions = new Map<string, string>();
  for (const c of CONSTITUENCIES) {
    if (!regions.has(c.regionCode)) {
      const [regionArea] = await db.select().from(areas).where(eq(areas.code, c.region));
      const r = await createUnit(db, { parentId: root.id, kind: 'region', code: c.regionCode, name: regionArea!.name, areaCodes: [c.region] });
      regions.set(c.regionCode, r.id);
    }
    const [pcon] = await db.select().from(areas).where(and(eq(areas.name, c.name), sql`'2024' = any(${areas.boundarySets})`));
    if (!pcon) throw new Error(`Constituency ${c.name} not found in areas; run "tredegar areas load" first.`);
    const wards = (await db.select({ code: wardConstituencies.wardCode }).from(wardConstituencies).where(eq(wardConstituencies.constituencyCode, pcon.code))).map((w) => w.code).sort();
    const clp = await createUnit(db, { parentId: regions.get(c.regionCode)!, kind: 'constituency', code: c.code, name: `${c.name} CLP`, areaCodes: [pcon.code] });
    const half = Math.ceil(wards.length / 2);
    for (const [suffix, label, part] of [['town', 'Town', wards.slice(0, half)], ['villages', 'Outer', wards.slice(half)]] as const) {
      const branch = await createUnit(db, {
        parentId: clp.id,
        kind: 'branch',
        code: `${c.code}-${suffix}`,
        name: `${c.name} ${label} Branch`,
        areaCodes: [...part],
      });
      units.set(branch.code, { id: branch.id, orgId: org.id, wards: [...part], constituency: pcon.code, postcode: c.postcode });
    }
  }

  const tagRows = await db.insert(tags).values(TAGS.map((name) => ({ orgId: org.id, name, slug: slug(name) }))).returning();
  await db.insert(customFieldDefinitions).values([
    { orgId: org.id, key: 'union', label: 'Trade union', type: 'single_choice', choices: ['Unite', 'UNISON', 'GMB', 'CWU', 'NEU', 'Other', 'None'] },
    { orgId: org.id, key: 'languages', label: 'Languages spoken', type: 'multiple_choice', choices: ['English', 'Welsh', 'Polish', 'Urdu', 'Punjabi', 'Romanian'] },
    { orgId: org.id, key: 'availability', label: 'When they can help', type: 'text' },
    { orgId: org.id, key: 'first_contact', label: 'First contact', type: 'date' },
  ]);

  const total = opts.people ?? 300;
  const branchList = [...units.values()];
  const rows: NewPerson[] = [];
  for (let i = 0; i < total; i++) {
    const u = branchList[i % branchList.length]!;
    const firstName = faker.person.firstName();
    const lastName = faker.person.lastName();
    const email = `${slug(firstName)}.${slug(lastName)}${i}@example.org`;
    const phone = `+447700${String(900000 + i).padStart(6, '0')}`;
    const district = u.postcode === 'DN' ? faker.number.int({ min: 1, max: 12 }) : faker.number.int({ min: 1, max: 8 });
    const postcode = `${u.postcode}${district} ${faker.number.int({ min: 1, max: 9 })}${faker.string.alpha({ length: 2, casing: 'upper', exclude: ['C', 'I', 'K', 'M', 'O', 'V'] })}`;
    rows.push({
      id: crypto.randomUUID(),
      orgId: org.id,
      unitId: u.id,
      firstName,
      lastName,
      addressLine1: faker.location.streetAddress(),
      town: u.postcode === 'DN' ? 'Doncaster' : faker.helpers.arrayElement(['Rochester', 'Strood', 'Gillingham', 'Rainham', 'Chatham']),
      postcode,
      wardCode: faker.helpers.arrayElement(u.wards),
      constituencyCode: u.constituency,
      membershipStatus: faker.helpers.weightedArrayElement([
        { value: 'member' as const, weight: 4 }, { value: 'supporter' as const, weight: 3 }, { value: 'none' as const, weight: 4 }, { value: 'lapsed' as const, weight: 1 },
      ]),
      customFields: faker.datatype.boolean() ? { union: faker.helpers.arrayElement(['Unite', 'UNISON', 'GMB', 'None']) } : {},
      source: 'demo',
      isDemo: true,
      contacts: [
        { kind: 'email', value: email, normalised: email, label: 'home', isPrimary: true },
        ...(i % 3 === 0 ? [] : [{ kind: 'phone' as const, value: `07700 ${String(900000 + i).padStart(6, '0')}`, normalised: phone, label: 'mobile' as const, isPrimary: true }]),
      ],
      tagIds: faker.helpers.arrayElements(tagRows, { min: 0, max: 3 }).map((t) => t.id),
    });
  }
  await insertPeople(db, rows);

  const unitIds = new Map<string, string>([['demo-national', root.id], ...[...units.entries()].map(([k, v]) => [k, v.id] as [string, string])]);
  for (const r of await db.select({ id: unitsTable.id, code: unitsTable.code }).from(unitsTable).where(eq(unitsTable.orgId, org.id))) unitIds.set(r.code, r.id);
  for (const a of DEMO_ACCOUNTS) {
    const [account] = await db
      .insert(accounts)
      .values({ email: a.email, displayName: a.name, isDemo: true })
      .onConflictDoUpdate({ target: accounts.email, set: { displayName: a.name } })
      .returning();
    await db.insert(roleGrants).values({ accountId: account!.id, unitId: unitIds.get(a.unitCode)!, role: a.role }).onConflictDoNothing();
  }
  // About five conversations a person, as in the default 300 people → 1,500 conversations.
  await seedDemoConversations(db, org.id, { count: Math.min(1500, total * 5) });
  await seedDemoLadder(db, org.id);
  await seedDemoCampaign(db, org.id);
  return { created: true, orgId: org.id };
}
