import { stringify } from 'csv-stringify/sync';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, testDatabaseKinds, type TestApp } from '../../../test/harness.ts';
import { tags } from '../people/schema.ts';
import { buildPeopleWorld, type PeopleWorld } from '../people/testing/peopleWorld.ts';
import { importClient } from './testing/importHelpers.ts';

const HEADERS = ['First name', 'Surname', 'Name', 'Email', 'email1', 'Mobile', 'Phone', 'Post code', 'Town', 'Tags', 'Unit', 'Member status', 'Joined', 'ward_code', 'Notes'];
const nasty = fc.string({ unit: fc.constantFrom('"', ',', '\n', '\r', ';', '=', '+', '@', "'", ' ', 'a', 'Z', 'é', 'ł', '😀', '\t', '\u00a0', '\\'), maxLength: 14 });
const cell = fc.oneof(
  nasty,
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.constantFrom('ann@example.org', 'ANN@EXAMPLE.ORG', 'bob@example.org', 'not an email', '07700 900123', '+44 7700 900124', '12', 'DN3 3AA', 'dn33aa', 'XX1',
    'Housing', 'Housing; Tenant', 'Unknown tag', 'member', 'lapsed', 'nonsense', '2024-02-30', '01/02/2020', 'E05010729', 'E00000000', ''),
);

const text = fc.string({ unit: 'grapheme', maxLength: 20 });
const person = fc.integer({ min: 1, max: 30 });
// Values a column of this kind would hold when the file is right.
const fitting: Record<string, fc.Arbitrary<string>> = {
  Email: person.map((n) => `person${n}@example.org`),
  email1: person.map((n) => `Person${n}@Example.org`),
  Mobile: person.map((n) => `07700 9${String(n).padStart(5, '0')}`),
  Phone: person.map((n) => `+44 7700 8${String(n).padStart(5, '0')}`),
  'Post code': fc.constantFrom('DN3 3AA', 'dn33aa', 'SW1A 1AA', ''),
  Tags: fc.constantFrom('Housing', 'Tenant', 'Housing; Tenant', 'housing,tenant', ''),
  Unit: fc.constant(''),
  'Member status': fc.constantFrom('member', 'Supporter', 'lapsed', ''),
  Joined: fc.constantFrom('2020-01-31', '31/01/2020', ''),
  ward_code: fc.constantFrom('E05010729', ''),
};
const cellFor = (column: string) => fc.oneof({ arbitrary: fitting[column] ?? text, weight: 5 }, { arbitrary: cell, weight: 1 });

/** A CSV file as people really send them: well quoted or naively joined, LF or CRLF, with or without BOM, ragged, sometimes not UTF-8. */
const csvFile = fc
  .uniqueArray(fc.oneof({ arbitrary: fc.constantFrom(...HEADERS), weight: 4 }, { arbitrary: nasty, weight: 1 }), { minLength: 1, maxLength: 7 })
  .chain((header) =>
    fc.record({
      header: fc.constant(header),
      rows: fc.array(
        fc.oneof(
          { arbitrary: fc.tuple(...header.map(cellFor)), weight: 6 },
          { arbitrary: fc.array(cell, { maxLength: header.length + 2 }), weight: 1 },
        ),
        { maxLength: 12 },
      ),
      quoting: fc.constantFrom('proper', 'proper', 'naive'),
      eol: fc.constantFrom('\n', '\r\n'),
      bom: fc.boolean(),
      garble: fc.oneof({ arbitrary: fc.constant(null), weight: 8 }, { arbitrary: fc.uint8Array({ minLength: 1, maxLength: 4 }), weight: 1 }),
    }),
  )
  .map(({ header, rows, quoting, eol, bom, garble }) => {
    const body = quoting === 'proper'
      ? stringify([header, ...rows], { record_delimiter: eol === '\n' ? 'unix' : 'windows' })
      : [header, ...rows].map((r) => r.join(',')).join(eol) + eol;
    const bytes = Buffer.from((bom ? '\uFEFF' : '') + body);
    return garble ? Buffer.concat([bytes, Buffer.from(garble)]) : bytes;
  });

describe.each(testDatabaseKinds)('random CSV files on %s', (kind) => {
  let t: TestApp;
  let w: PeopleWorld;
  let api: ReturnType<typeof importClient>;
  beforeAll(async () => {
    t = await createTestApp(kind);
    w = await buildPeopleWorld(t);
    api = importClient(t, { token: w.tokens.organiser, unitId: w.b1.id });
    await t.ctx.db.insert(tags).values([{ orgId: w.orgA.id, name: 'Housing', slug: 'housing' }, { orgId: w.orgA.id, name: 'Tenant', slug: 'tenant' }]);
  });
  afterAll(() => t.close());

  it('never fail with a 500: each is refused with a 4xx or imported with per-row errors, exactly as previewed', async () => {
    await fc.assert(
      fc.asyncProperty(csvFile, async (file) => {
        const up = await api.upload(file);
        expect(up.statusCode, up.body).toBeLessThan(500);
        if (up.statusCode !== 201) {
          expect(up.statusCode).toBe(422);
          expect(up.json().error.code).toBe('validation_failed');
          return;
        }
        const job = up.json();
        const pre = await api.preview(job.id, job.mapping, 50);
        expect(pre.statusCode, pre.body).toBeLessThan(500);
        if (pre.statusCode !== 200) {
          // The guessed mapping identifies nobody (no name, email or phone column).
          expect(pre.statusCode).toBe(422);
          expect((await api.start(job.id, job.mapping)).statusCode).toBe(422);
          return;
        }
        const { counts, totalRows } = pre.json();
        expect(totalRows).toBe(job.totalRows);
        expect(counts.create + counts.update + counts.unchanged + counts.error).toBe(totalRows);
        const started = await api.start(job.id, job.mapping);
        expect(started.statusCode, started.body).toBe(202);
        const done = await api.settle(job.id);
        expect(done).toMatchObject({ status: 'completed', committedRows: totalRows, created: counts.create, updated: counts.update, unchanged: counts.unchanged, errorCount: counts.error });
        const report = await t.request({ method: 'GET', url: `/api/imports/${job.id}/errors.csv`, token: w.tokens.organiser });
        expect(report.statusCode).toBe(200);
      }),
      { numRuns: kind === 'pglite' ? 40 : 25 },
    );
  }, 600_000);
});
