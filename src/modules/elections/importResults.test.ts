import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createTestApp, testDatabaseKinds, type TestApp } from '../../../test/harness.ts';
import { auditEvents } from '../audit/schema.ts';
import { importResults } from './importResults.ts';
import { electionResults, elections } from './schema.ts';
import { ELECTIONS_DIR, loadElectionAreas, resultsFileContent } from './testing.ts';

const cells = (year: string) => parse(resultsFileContent(year), { bom: true }) as string[][];
const csv = (rows: string[][]) => stringify(rows, { record_delimiter: '\r\n' });
const col = (rows: string[][], name: string) => rows[0]!.indexOf(name);
/** The 2019 file with one change made by `edit`. */
const edited = (edit: (rows: string[][]) => void, year = '2019') => {
  const rows = cells(year);
  edit(rows);
  return csv(rows);
};

describe.each(testDatabaseKinds)('importing results on %s', (kind) => {
  let t: TestApp;
  const attempt = (content: string, fileName = 'HoC-GE2019-results-by-constituency.csv', opts: { election?: string; heldOn?: string; replace?: boolean } = {}) =>
    importResults(t.ctx.db, [{ fileName, content }], { ...opts, actorAccountId: null }).then(
      (r) => ({ ok: true as const, r }),
      (e: { status: number; message: string; details?: { path: string; message: string }[] }) => ({ ok: false as const, e }),
    );
  const counts = async () => ({
    elections: (await t.ctx.db.select({ n: count() }).from(elections))[0]!.n,
    results: (await t.ctx.db.select({ n: count() }).from(electionResults))[0]!.n,
  });

  beforeAll(async () => {
    t = await createTestApp(kind);
    await loadElectionAreas(t.ctx.db);
  });
  afterAll(() => t.close());

  const bad: [string, () => string, RegExp][] = [
    ['a CSV from another source', () => readFileSync(join(ELECTIONS_DIR, 'ward_lad_la_pcon_hierarchy.csv'), 'utf8').split('\n').slice(0, 50).join('\n'), /not a House of Commons Library constituency results file/],
    ['a missing column', () => edited((rows) => rows.forEach((r) => r.splice(col(rows, 'Valid votes'), 1))), /no column "Valid votes"/],
    ['non-numeric votes', () => edited((rows) => (rows[7]![col(rows, 'Lab')] = '12,345')), /line 8: Lab.*"12,345" is not a whole number/],
    ['a constituency twice', () => edited((rows) => rows.push([...rows[3]!])), /appears twice \(lines 4 and 652\)/],
    ['an unknown ONS code', () => edited((rows) => (rows[5]![0] = 'E14099999')), /E14099999 is not a known constituency/],
    ['party votes not adding up to valid votes', () => edited((rows) => (rows[9]![col(rows, 'Con')] = String(Number(rows[9]![col(rows, 'Con')]) + 1))), /line 10: Valid votes.*add up to/],
    ['a winner with fewer votes than another party', () => edited((rows) => (rows[2]![col(rows, 'First party')] = 'Green')), /line 3: Majority.*winner Green/],
    ['a majority the votes do not support', () => edited((rows) => (rows[2]![col(rows, 'Majority')] = '7')), /line 3: Majority.*majority of 7 does not match/],
    ['a seat from the other boundary set', () => edited((rows) => (rows[1]![0] = cells('2019')[1]![0]!), '2024'), /do not all belong to one boundary set/],
    ['an unreadable declaration time', () => edited((rows) => (rows[4]![col(rows, 'Declaration time')] = 'soon')), /"soon" is not a date and time/],
    ['a header with no rows', () => resultsFileContent('2019').split('\r\n')[0]!, /no results/],
  ];
  it.each(bad)('refuses %s with a clear message and imports nothing', async (_, content, message) => {
    const before = await counts();
    const res = await attempt(content());
    expect(res.ok).toBe(false);
    if (res.ok) return;
    expect(res.e.status).toBe(422);
    expect([res.e.message, ...(res.e.details ?? []).map((d) => `${d.path}: ${d.message}`)].join('\n')).toMatch(message);
    expect(await counts()).toEqual(before);
  });

  it('imports nothing when one file of several is bad', async () => {
    const res = await importResults(t.ctx.db, [
      { fileName: 'HoC-GE2017-results-by-constituency.csv', content: resultsFileContent('2017') },
      { fileName: 'HoC-GE2019-results-by-constituency.csv', content: edited((rows) => (rows[7]![col(rows, 'Lab')] = 'x')) },
    ], { actorAccountId: null }).catch((e) => e);
    expect(res.status).toBe(422);
    expect(await counts()).toEqual({ elections: 0, results: 0 });
  });

  it('imports once, then changes nothing; a different file needs replace', async () => {
    const first = await attempt(resultsFileContent('2019'));
    expect(first.ok && first.r[0]!.status).toBe('created');
    const audits = (await t.ctx.db.select({ n: count() }).from(auditEvents))[0]!.n;
    const again = await attempt(resultsFileContent('2019'));
    expect(again.ok && again.r[0]!.status).toBe('unchanged');
    expect((await t.ctx.db.select({ n: count() }).from(auditEvents))[0]!.n).toBe(audits);
    expect(await counts()).toEqual({ elections: 1, results: 650 });

    const corrected = edited((rows) => (rows[1]![col(rows, 'Member surname')] = 'Corrected'));
    const refused = await attempt(corrected);
    expect(!refused.ok && refused.e.status).toBe(409);
    const renamed = await attempt(resultsFileContent('2019'), 'results.csv', { election: 'GE 2019 copy', heldOn: '2019-12-12' });
    expect(!renamed.ok && renamed.e.message).toContain('already imported as election "2019"');
    const replaced = await attempt(corrected, 'HoC-GE2019-results-by-constituency.csv', { replace: true });
    expect(replaced.ok && replaced.r[0]!.status).toBe('replaced');
    expect(await counts()).toEqual({ elections: 1, results: 650 });
    const [row] = await t.ctx.db.select().from(electionResults).where(eq(electionResults.constituencyCode, cells('2019')[1]![0]!));
    expect(row!.memberName).toContain('Corrected');
    expect(await t.ctx.db.select().from(auditEvents).where(eq(auditEvents.action, 'elections.replace'))).toHaveLength(1);
  });

  it('needs a name and a polling day for a file that does not say which election it is', async () => {
    const res = await attempt(resultsFileContent('2015'), 'results.csv');
    expect(!res.ok && res.e.details![0]!.message).toContain('Name the election');
    const noDay = await attempt(resultsFileContent('2015'), 'results.csv', { election: 'by-2015' });
    expect(!noDay.ok && noDay.e.details![0]!.message).toContain('polling day');
  });
});
