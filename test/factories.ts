import { fakerEN_GB as faker } from '@faker-js/faker';
import type { Db } from '../src/db/connection.ts';
import { createApiToken } from '../src/modules/accounts/createApiToken.ts';
import { accounts, roleGrants, type Role } from '../src/modules/accounts/schema.ts';
import { contactPoints, people } from '../src/modules/people/schema.ts';
import { personSearchText } from '../src/modules/people/searchText.ts';
import { createOrganisation } from '../src/modules/units/createOrganisation.ts';
import { createUnit } from '../src/modules/units/createUnit.ts';
import type { UnitKind } from '../src/modules/units/schema.ts';
import type { AppContext } from '../src/server/context.ts';

const uniq = () => Math.random().toString(36).slice(2, 8);

/** An organisation with a national root unit. */
export async function buildOrg(db: Db, overrides: { name?: string; slug?: string } = {}) {
  const slug = overrides.slug ?? `org-${uniq()}`;
  return createOrganisation(db, { name: overrides.name ?? `${faker.company.name()} Party`, slug, rootCode: `${slug}-national` });
}

/** A unit under `parentId` (codes are unique per organisation). */
export async function buildUnit(db: Db, parentId: string, overrides: { kind?: UnitKind; code?: string; name?: string; areaCodes?: string[] } = {}) {
  return createUnit(db, {
    parentId,
    kind: overrides.kind ?? 'branch',
    code: overrides.code ?? `unit-${uniq()}`,
    name: overrides.name ?? `${faker.location.city()} Branch`,
    areaCodes: overrides.areaCodes,
  });
}

/** An account with roles on units, and a bearer token for requests as that account. */
export async function buildAccount(ctx: AppContext, grants: { unitId: string; role: Role }[], overrides: { email?: string; displayName?: string } = {}) {
  const email = overrides.email ?? `${uniq()}.${faker.internet.username().toLowerCase()}@example.org`;
  const [account] = await ctx.db.insert(accounts).values({ email, displayName: overrides.displayName ?? faker.person.fullName() }).returning();
  if (grants.length > 0) await ctx.db.insert(roleGrants).values(grants.map((g) => ({ accountId: account!.id, unitId: g.unitId, role: g.role })));
  const { token } = await createApiToken(ctx, account!.id, 'test');
  return { account: account!, token };
}

/** A person in a unit, with an email and a phone number unless told otherwise. */
export async function buildPerson(
  db: Db,
  unit: { id: string; orgId: string },
  overrides: Partial<typeof people.$inferInsert> & { email?: string | null; phone?: string | null } = {},
) {
  const { email, phone, ...fields } = overrides;
  const firstName = fields.firstName ?? faker.person.firstName();
  const lastName = fields.lastName ?? faker.person.lastName();
  const mail = email === undefined ? `${firstName}.${lastName}.${uniq()}@example.org`.toLowerCase() : email;
  const tel = phone === undefined ? `+447700${String(faker.number.int({ min: 100000, max: 999999 }))}` : phone;
  const [person] = await db
    .insert(people)
    .values({
      orgId: unit.orgId,
      unitId: unit.id,
      firstName,
      lastName,
      postcode: fields.postcode ?? 'DN1 1AA',
      searchText: personSearchText({ firstName, lastName, postcode: fields.postcode ?? 'DN1 1AA', contacts: [mail, tel].filter((c): c is string => !!c) }),
      ...fields,
    })
    .returning();
  const points: (typeof contactPoints.$inferInsert)[] = [];
  if (mail) points.push({ orgId: unit.orgId, personId: person!.id, kind: 'email', value: mail, normalised: mail, isPrimary: true });
  if (tel) points.push({ orgId: unit.orgId, personId: person!.id, kind: 'phone', value: tel, normalised: tel, label: 'mobile', isPrimary: true });
  if (points.length) await db.insert(contactPoints).values(points);
  return { ...person!, email: mail, phone: tel };
}
