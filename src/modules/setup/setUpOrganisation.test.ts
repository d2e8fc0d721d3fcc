import fc from 'fast-check';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAccount } from '../../../test/factories.ts';
import { createTestApp, testDatabaseKinds, type TestApp } from '../../../test/harness.ts';
import { AppError } from '../../server/errors.ts';
import { issueCategories, issues } from '../issues/schema.ts';
import { DEFAULT_LADDER } from '../ladder/defaultLadder.ts';
import { ladderLevels } from '../ladder/schema.ts';
import { scales } from '../scales/schema.ts';
import { organisations } from '../units/schema.ts';
import { SLUG, setUpOrganisation } from './setUpOrganisation.ts';

describe.each(testDatabaseKinds)('setting up an organisation on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => { t = await createTestApp(kind); });
  afterAll(() => t.close());

  it('gives a new organisation its national unit, issues, scales and ladder, ready for its admin', async () => {
    const { org, root } = await setUpOrganisation(t.ctx.db, { name: '  Valleys Tenants Union ', slug: `valleys-${kind}` });
    expect([org.name, root.code, root.kind, root.parentId]).toEqual(['Valleys Tenants Union', `valleys-${kind}`, 'national', null]);
    expect(await t.ctx.db.$count(issueCategories, eq(issueCategories.orgId, org.id))).toBeGreaterThan(3);
    expect(await t.ctx.db.$count(issues, eq(issues.orgId, org.id))).toBeGreaterThan(10);
    expect(await t.ctx.db.$count(scales, eq(scales.orgId, org.id))).toBe(2);
    const levels = await t.ctx.db.select().from(ladderLevels).where(eq(ladderLevels.orgId, org.id));
    expect(levels.map((l) => l.key).sort()).toEqual(DEFAULT_LADDER.map((l) => l.key).sort());
    // Its first admin can use the defaults straight away.
    const admin = await buildAccount(t.ctx, [{ unitId: root.id, role: 'national_admin' }]);
    const taxonomy = await t.request({ method: 'GET', url: '/api/issues', token: admin.token });
    expect(taxonomy.statusCode, taxonomy.body).toBe(200);
    expect(taxonomy.json().issues.length).toBeGreaterThan(10);
    const ladder = await t.request({ method: 'GET', url: '/api/ladder/levels', token: admin.token });
    expect(ladder.json().levels.length).toBe(DEFAULT_LADDER.length);
  });

  it('refuses a taken short name or code, or a bad one, and leaves nothing behind', async () => {
    const before = await t.ctx.db.$count(organisations);
    await setUpOrganisation(t.ctx.db, { name: 'Taken', slug: `taken-${kind}` });
    const refusal = (p: Promise<unknown>) => p.then(() => null, (e: unknown) => (e instanceof AppError ? e.status : e));
    expect(await refusal(setUpOrganisation(t.ctx.db, { name: 'Again', slug: `taken-${kind}` }))).toBe(409);
    expect(await refusal(setUpOrganisation(t.ctx.db, { name: 'Other', slug: `other-${kind}`, rootCode: `taken-${kind}` }))).toBe(409);
    for (const slug of ['', 'Caps', '-edge', 'edge-', 'spa ce', 'x'.repeat(51), 'ünï']) {
      expect(await refusal(setUpOrganisation(t.ctx.db, { name: 'Bad', slug })), slug).toBe(422);
    }
    expect(await refusal(setUpOrganisation(t.ctx.db, { name: '   ', slug: `blank-${kind}` }))).toBe(422);
    expect(await t.ctx.db.$count(organisations)).toBe(before + 1);
  });
});

describe('organisation short names', () => {
  it('accept exactly lower-case letters, digits and inner hyphens, up to 50 characters', () => {
    fc.assert(fc.property(fc.string({ maxLength: 60 }), (s) => {
      const expected = s.length >= 1 && s.length <= 50 && /^[a-z0-9-]+$/.test(s) && !s.startsWith('-') && !s.endsWith('-');
      expect(SLUG.test(s)).toBe(expected);
    }), { numRuns: 2000 });
  });
});
