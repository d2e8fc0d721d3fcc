import { buildAccount, buildOrg, buildPerson, buildUnit } from '../../../../test/factories.ts';
import type { TestApp } from '../../../../test/harness.ts';
import type { Role } from '../../accounts/schema.ts';
import { areas, postcodes, wardConstituencies } from '../../areas/schema.ts';

/** Real ONS codes used by the people tests. */
export const geo = {
  england: 'E92000001',
  yorkshire: 'E12000003',
  doncasterLa: 'E08000017',
  doncasterCentral: 'E14001198',
  doncasterNorth: 'E14001200',
  armthorpe: 'E05010729',
  bessacarr: 'E05010732',
  bentley: 'E05010731',
  // Loughgall straddles Mid Ulster and Upper Bann.
  loughgall: 'N08000226',
  midUlster: 'N05000010',
  upperBann: 'N05000017',
} as const;

/** A small, real slice of geography with a postcode table, enough for every area rule. */
export async function plantGeography(t: TestApp): Promise<void> {
  const { db } = t.ctx;
  const c = (code: string, name: string, parentCode: string) => ({ code, kind: 'constituency' as const, name, parentCode, boundarySets: ['2024'] });
  const w = (code: string, name: string, parentCode: string, la: string | null) => ({ code, kind: 'ward' as const, name, parentCode, localAuthorityCode: la });
  await db.insert(areas).values([
    { code: 'K02000001', kind: 'country', name: 'United Kingdom', parentCode: null },
    { code: geo.england, kind: 'nation', name: 'England', parentCode: 'K02000001' },
    { code: 'N92000002', kind: 'nation', name: 'Northern Ireland', parentCode: 'K02000001' },
    { code: geo.yorkshire, kind: 'region', name: 'Yorkshire and The Humber', parentCode: geo.england },
    { code: geo.doncasterLa, kind: 'local_authority', name: 'Doncaster', parentCode: geo.yorkshire },
    c(geo.doncasterCentral, 'Doncaster Central', geo.yorkshire),
    c(geo.doncasterNorth, 'Doncaster North', geo.yorkshire),
    c(geo.midUlster, 'Mid Ulster', 'N92000002'),
    c(geo.upperBann, 'Upper Bann', 'N92000002'),
    w(geo.armthorpe, 'Armthorpe', geo.doncasterCentral, geo.doncasterLa),
    w(geo.bessacarr, 'Bessacarr', geo.doncasterCentral, geo.doncasterLa),
    w(geo.bentley, 'Bentley', geo.doncasterNorth, geo.doncasterLa),
    w(geo.loughgall, 'Loughgall', geo.midUlster, null),
  ]).onConflictDoNothing();
  await db.insert(wardConstituencies).values([
    { wardCode: geo.armthorpe, constituencyCode: geo.doncasterCentral },
    { wardCode: geo.bessacarr, constituencyCode: geo.doncasterCentral },
    { wardCode: geo.bentley, constituencyCode: geo.doncasterNorth },
    { wardCode: geo.loughgall, constituencyCode: geo.midUlster },
    { wardCode: geo.loughgall, constituencyCode: geo.upperBann },
  ]).onConflictDoNothing();
  await db.insert(postcodes).values([
    { postcode: 'DN3 3AA', wardCode: geo.armthorpe, constituencyCode: geo.doncasterCentral },
    { postcode: 'DN5 0AA', wardCode: geo.bentley, constituencyCode: null },
    { postcode: 'BT61 8AA', wardCode: geo.loughgall, constituencyCode: geo.upperBann },
  ]).onConflictDoNothing();
}

export const allRoles: Role[] = ['member', 'volunteer', 'organiser', 'unit_admin', 'dpo', 'national_admin'];

/**
 * Organisation A (root → constituency party C → branches B1, B2; and a sibling party with
 * branch S) and organisation B. One account per role granted on C, an org-wide admin on A's
 * root, and canary people in S and in B that must never be visible from C.
 */
export async function buildPeopleWorld(t: TestApp) {
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
  const tokens = {} as Record<Role, string>;
  for (const role of allRoles) tokens[role] = (await buildAccount(t.ctx, [{ unitId: c.id, role }])).token;
  const rootAdmin = (await buildAccount(t.ctx, [{ unitId: a.root.id, role: 'national_admin' }])).token;
  const otherOrgAdmin = (await buildAccount(t.ctx, [{ unitId: b.root.id, role: 'national_admin' }])).token;
  const twoOrgs = (await buildAccount(t.ctx, [{ unitId: a.root.id, role: 'national_admin' }, { unitId: b.root.id, role: 'national_admin' }])).token;
  const canarySibling = await buildPerson(db, sibling, { firstName: 'Canary', lastName: 'Sibling', wardCode: geo.bentley, constituencyCode: geo.doncasterNorth });
  const canaryOther = await buildPerson(db, otherBranch, { firstName: 'Canary', lastName: 'Otherorg', wardCode: geo.armthorpe, constituencyCode: geo.doncasterCentral });
  return { orgA: a.org, rootA: a.root, c, b1, b2, c2, sibling, orgB: b.org, otherBranch, tokens, rootAdmin, otherOrgAdmin, twoOrgs, canaries: [canarySibling, canaryOther] };
}
export type PeopleWorld = Awaited<ReturnType<typeof buildPeopleWorld>>;
