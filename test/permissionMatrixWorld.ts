import { eq } from 'drizzle-orm';
import { roleGrants, roles, type Role } from '../src/modules/accounts/schema.ts';
import { areas } from '../src/modules/areas/schema.ts';
import { recordAudit } from '../src/modules/audit/recordAudit.ts';
import { events } from '../src/modules/events/schema.ts';
import { customFieldDefinitions, tags } from '../src/modules/people/schema.ts';
import { buildAccount, buildOrg, buildPerson, buildUnit } from './factories.ts';
import type { TestApp } from './harness.ts';

export type MatrixRole = Role | 'none';
export const matrixRoles: MatrixRole[] = ['none', ...roles];

export interface MatrixActor {
  role: MatrixRole;
  accountId: string;
  email: string;
  token: string;
}

interface Unit {
  id: string;
  orgId: string;
}

/**
 * Strings that exist only in records the actors must never see: a sibling unit's unit, person,
 * account and audit rows, and another organisation's. Lower case; responses are searched
 * case-insensitively.
 */
export const siblingCanaries = ['canarysibling', 'siblingcanary', 'auditcanary-sibling'];
export const orgCanaries = ['canaryorg', 'orgcanary', 'auditcanary-orgb'];

export interface MatrixWorld {
  t: TestApp;
  root: Unit;
  home: Unit;
  sibling: Unit;
  orgB: Unit;
  areaCode: string;
  /** Actors holding each role on the home branch (and one holding none). */
  branchActors: MatrixActor[];
  /** Actors holding each role on the organisation's root unit (every role but none). */
  rootActors: MatrixActor[];
  /** Ids of records in the sibling unit and in the other organisation, to put in paths. */
  siblingIds: string[];
  orgIds: string[];
  /** A person and an account of the other organisation: enough for branch-level actors, whom root-level actors already outreach. */
  orgSampleIds: string[];
  /** An account with one role, for routes that act on another account. */
  makeAccount(unitId: string, role: Role): Promise<{ id: string; email: string; token: string }>;
}

let counter = 0;
const unique = (prefix: string) => `${prefix}-${process.pid}-${++counter}-${Math.random().toString(36).slice(2, 6)}`;

async function actorsOn(t: TestApp, unitId: string, which: MatrixRole[]): Promise<MatrixActor[]> {
  const out: MatrixActor[] = [];
  for (const role of which) {
    const a = await buildAccount(t.ctx, role === 'none' ? [] : [{ unitId, role }], { displayName: `Matrix ${role}` });
    out.push({ role, accountId: a.account.id, email: a.account.email, token: a.token });
  }
  return out;
}

/**
 * Organisation A (root → region → home branch and a sibling branch) and organisation B, with
 * canary records planted in the sibling and in B through the same tables the app reads.
 */
export async function buildMatrixWorld(t: TestApp): Promise<MatrixWorld> {
  const db = t.ctx.db;
  const areaCode = 'E05999999';
  await db.insert(areas).values({ code: areaCode, kind: 'ward', name: 'Matrix Ward' }).onConflictDoNothing();
  const { root } = await buildOrg(db, { name: 'Matrix Home Party' });
  const region = await buildUnit(db, root.id, { kind: 'region', name: 'Matrix Region' });
  const home = await buildUnit(db, region.id, { name: 'Matrix Home Branch' });
  const sibling = await buildUnit(db, region.id, { name: 'Canarysibling Branch', code: 'canarysibling' });
  const { root: orgB } = await buildOrg(db, { name: 'Canaryorg Party' });
  const orgBBranch = await buildUnit(db, orgB.id, { name: 'Canaryorg Branch' });

  await buildPerson(db, home, { firstName: 'Homely', lastName: 'Person' });
  const siblingPerson = await buildPerson(db, sibling, { firstName: 'Quillon', lastName: 'Siblingcanary', email: 'quillon.siblingcanary@example.org' });
  const orgPerson = await buildPerson(db, orgBBranch, { firstName: 'Zephyrine', lastName: 'Orgcanary', email: 'zephyrine.orgcanary@example.org' });
  const orgPersonAtRoot = await buildPerson(db, orgB, { firstName: 'Yestin', lastName: 'Orgcanary' });
  const [orgTag] = await db.insert(tags).values({ orgId: orgB.orgId, name: 'Canaryorg tag', slug: 'zz-b-tag' }).returning();
  const [orgField] = await db.insert(customFieldDefinitions).values({ orgId: orgB.orgId, key: 'zz_b_field', label: 'Canaryorg field', type: 'text' }).returning();
  const siblingAccount = await buildAccount(t.ctx, [{ unitId: sibling.id, role: 'organiser' }], { displayName: 'Siblingcanary Account', email: 'siblingcanary.account@example.org' });
  const orgAccount = await buildAccount(t.ctx, [{ unitId: orgB.id, role: 'national_admin' }], { displayName: 'Canaryorg Admin', email: 'canaryorg.admin@example.org' });
  const [siblingGrant] = await db.select({ id: roleGrants.id }).from(roleGrants).where(eq(roleGrants.accountId, siblingAccount.account.id));
  const [orgGrant] = await db.select({ id: roleGrants.id }).from(roleGrants).where(eq(roleGrants.accountId, orgAccount.account.id));
  // Events only their own unit sees (a public or members-only one is meant to be seen more widely).
  const canaryEvent = (unit: Unit, title: string) => ({
    orgId: unit.orgId, unitId: unit.id, kind: 'house_meeting' as const, title, mode: 'in_person' as const, address: `${title} hall`,
    startsAt: new Date(Date.now() + 7 * 86_400_000), endsAt: new Date(Date.now() + 7 * 86_400_000 + 3_600_000), visibility: 'unit' as const, privacyNoticeVersion: 'v1',
  });
  const [siblingEvent] = await db.insert(events).values(canaryEvent(sibling, 'Canarysibling meeting')).returning();
  const [orgEvent] = await db.insert(events).values(canaryEvent(orgBBranch, 'Canaryorg meeting')).returning();
  await recordAudit(db, [
    { actorAccountId: siblingAccount.account.id, action: 'person.update', entityType: 'person', entityId: siblingPerson.id, orgId: root.orgId, unitId: sibling.id, changes: { note: 'auditcanary-sibling' } },
    { actorAccountId: orgAccount.account.id, action: 'person.update', entityType: 'person', entityId: orgPerson.id, orgId: orgB.orgId, unitId: orgBBranch.id, changes: { note: 'auditcanary-orgb' } },
    { actorAccountId: orgAccount.account.id, action: 'org.settings', entityType: 'organisation', entityId: orgB.orgId, orgId: orgB.orgId, changes: { note: 'auditcanary-orgb' } },
  ]);

  return {
    t,
    root,
    home,
    sibling,
    orgB,
    areaCode,
    branchActors: await actorsOn(t, home.id, matrixRoles),
    // An account with no role has no unit either; the branch-level one already stands for it.
    rootActors: await actorsOn(t, root.id, matrixRoles.filter((r) => r !== 'none')),
    siblingIds: [sibling.id, siblingPerson.id, siblingAccount.account.id, siblingGrant!.id, siblingEvent!.id],
    orgIds: [orgB.id, orgBBranch.id, orgPerson.id, orgPersonAtRoot.id, orgAccount.account.id, orgGrant!.id, orgTag!.id, orgField!.id, orgEvent!.id],
    orgSampleIds: [orgPerson.id, orgAccount.account.id],
    async makeAccount(unitId, role) {
      const a = await buildAccount(t.ctx, [{ unitId, role }], { email: `${unique('target')}@example.org` });
      return { id: a.account.id, email: a.account.email, token: a.token };
    },
  };
}

export { unique };
