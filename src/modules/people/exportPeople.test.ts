import { parse } from 'csv-parse/sync';
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAccount, buildPerson } from '../../../test/factories.ts';
import { createTestApp, testDatabaseKinds, type TestApp } from '../../../test/harness.ts';
import { auditEvents } from '../audit/schema.ts';
import { csvLines, escapeFormula, unescapeFormula } from './exportPeople.ts';
import { insertPeople } from './insertPeople.ts';
import { customFieldDefinitions, personTags, tags } from './schema.ts';
import { buildPeopleWorld, type PeopleWorld } from './testing/peopleWorld.ts';

const readCsv = (text: string) => parse(text, { bom: true, relax_column_count: true }) as string[][];

describe('CSV cells for spreadsheets', () => {
  it('escape anything that could start a formula, and nothing else', () => {
    expect(['=1+1', '+447700900123', '-5', '@SUM(A1)', '\tx', '\rx', "'quoted", '＝1', 'Ann', '', 'a=b'].map(escapeFormula))
      .toEqual(["'=1+1", "'+447700900123", "'-5", "'@SUM(A1)", "'\tx", "'\rx", "''quoted", "'＝1", 'Ann', '', 'a=b']);
  });

  it('round-trip any text through stringify, parse and unescape', () => {
    const cell = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 30 }),
      fc.string({ unit: fc.constantFrom('"', ',', '\n', '\r', '=', '+', '-', '@', '\t', "'", ';', 'a', 'é', '😀', ' '), maxLength: 12 }),
    );
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 8 }), (rows) => {
        const width = Math.max(...rows.map((r) => r.length));
        const square = rows.map((r) => [...r, ...Array<string>(width - r.length).fill('')]);
        const text = csvLines(square);
        const back = readCsv(text).map((r) => r.map(unescapeFormula));
        expect(back).toEqual(square);
        // Nothing read back by a spreadsheet starts a formula.
        for (const r of readCsv(text)) for (const c of r) expect(c).not.toMatch(/^[=+\-@\t\r]/);
      }),
      { numRuns: 300 },
    );
  });
});

describe.each(testDatabaseKinds)('people export on %s', (kind) => {
  let t: TestApp;
  let w: PeopleWorld;
  beforeAll(async () => {
    t = await createTestApp(kind);
    w = await buildPeopleWorld(t);
    await t.ctx.db.insert(customFieldDefinitions).values({ orgId: w.orgA.id, key: 'languages', label: 'Languages', type: 'multiple_choice', choices: ['Welsh', 'Polish'] });
  });
  afterAll(() => t.close());
  const exportCsv = (query: string, token = w.tokens.organiser) => t.request({ method: 'GET', url: `/api/people/export.csv${query}`, token });

  it('exports the filtered people in my scope, escaped, and audits the filter and count', async () => {
    const [housing] = await t.ctx.db.insert(tags).values({ orgId: w.orgA.id, name: 'Housing', slug: 'housing' }).returning();
    const evil = await buildPerson(t.ctx.db, w.b1, { firstName: '=HYPERLINK("http://x","click")', lastName: '@SUM(1+1)', phone: '+447700900123', customFields: { languages: ['Welsh', 'Polish'] } });
    const plain = await buildPerson(t.ctx.db, w.b2, { firstName: 'Plain', lastName: 'Person, "Jr"\nSecond line' });
    await t.ctx.db.insert(personTags).values({ personId: evil.id, tagId: housing!.id, orgId: w.orgA.id });

    const res = await exportCsv('');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="people-\d{4}-\d{2}-\d{2}\.csv"$/);
    const rows = readCsv(res.body);
    const header = rows[0]!;
    expect(header.slice(0, 4)).toEqual(['id', 'first_name', 'last_name', 'email']);
    expect(header).toContain('custom:languages');
    const byId = new Map(rows.slice(1).map((r) => [r[0], Object.fromEntries(header.map((h, i) => [h, r[i]!]))]));
    expect([...byId.keys()].sort()).toEqual([evil.id, plain.id].sort());
    const e = byId.get(evil.id)!;
    expect(e.first_name).toBe('\'=HYPERLINK("http://x","click")');
    expect(e.last_name).toBe("'@SUM(1+1)");
    expect(e.mobile).toBe("'+447700900123");
    expect(e.tags).toBe('housing');
    expect(e['custom:languages']).toBe('Welsh; Polish');
    expect(e.unit).toBe(w.b1.code);
    expect(unescapeFormula(e.first_name!)).toBe(evil.firstName);
    expect(byId.get(plain.id)!.last_name).toBe('Person, "Jr"\nSecond line');
    expect(res.headers['x-total-count']).toBe('2');

    const all = await t.ctx.db.select().from(auditEvents).where(eq(auditEvents.action, 'people.export'));
    expect(all).toHaveLength(1);
    expect(all[0]).toMatchObject({ entityType: 'people', orgId: w.orgA.id, actorAccountId: expect.any(String), changes: { filter: {}, count: 2, format: 'csv' } });

    const filtered = readCsv((await exportCsv(`?tag=housing&unit=${w.b1.id}`)).body);
    expect(filtered.slice(1).map((r) => r[0])).toEqual([evil.id]);
    const byText = readCsv((await exportCsv('?q=plain')).body);
    expect(byText.slice(1).map((r) => r[0])).toEqual([plain.id]);
    const audits = await t.ctx.db.select().from(auditEvents).where(eq(auditEvents.action, 'people.export'));
    expect(audits.map((a) => a.changes)).toContainEqual({ filter: { tag: 'housing', unit: w.b1.id }, count: 1, format: 'csv' });
  });

  it('never exports canaries of another unit or organisation, whatever the filter', async () => {
    for (const query of ['', `?unit=${w.sibling.id}`, `?unit=${w.otherBranch.id}`, '?q=canary', `?unit=${w.rootA.id}`]) {
      const res = await exportCsv(query);
      expect(res.statusCode).toBe(200);
      for (const c of w.canaries) expect(res.body).not.toContain(c.id);
    }
    // An organisation-wide exporter sees the sibling canary but never the other organisation's.
    const wide = await exportCsv('', w.rootAdmin);
    expect(wide.body).toContain(w.canaries[0]!.id);
    expect(wide.body).not.toContain(w.canaries[1]!.id);
  });

  it('needs people.export, and refuses unknown filters', async () => {
    expect((await exportCsv('', w.tokens.volunteer)).statusCode).toBe(403);
    expect((await exportCsv('', w.tokens.member)).statusCode).toBe(403);
    expect((await exportCsv('', w.tokens.dpo)).statusCode).toBe(200);
    expect((await exportCsv('?evil=1')).statusCode).toBe(422);
    expect((await exportCsv('?area=E99999999')).statusCode).toBe(422);
    expect((await t.request({ method: 'GET', url: '/api/people/export.csv' })).statusCode).toBe(401);
  });

  it('pages through long lists in order, every person once', async () => {
    const made = Array.from({ length: 4100 }, (_, i) => ({
      id: randomUUID(), orgId: w.orgA.id, unitId: w.b2.id, firstName: i % 2 ? 'Same' : 'Other', lastName: 'Pagename', contacts: [], tagIds: [],
    }));
    await insertPeople(t.ctx.db, made);
    const res = await exportCsv(`?unit=${w.b2.id}&q=pagename`);
    const ids = readCsv(res.body).slice(1).map((r) => r[0]);
    expect(ids).toHaveLength(made.length);
    expect(new Set(ids).size).toBe(made.length);
    expect(res.headers['x-total-count']).toBe(String(made.length));
  });
});

describe('export rate limit', () => {
  it('answers 429 in the error shape after ten exports a minute', async () => {
    const t = await createTestApp('pglite', { RATE_LIMIT_MULTIPLIER: '1' });
    try {
      const w = await buildPeopleWorld(t);
      const { token } = await buildAccount(t.ctx, [{ unitId: w.c.id, role: 'organiser' }]);
      const codes: number[] = [];
      for (let i = 0; i < 11; i++) codes.push((await t.request({ method: 'GET', url: '/api/people/export.csv', token })).statusCode);
      expect(codes.slice(0, 10).every((c) => c === 200)).toBe(true);
      const last = await t.request({ method: 'GET', url: '/api/people/export.csv', token });
      expect(last.statusCode).toBe(429);
      expect(last.json().error.code).toBe('rate_limited');
    } finally {
      await t.close();
    }
  });
});
