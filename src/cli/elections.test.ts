import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postgresUrl } from '../../test/databases.ts';
import { runCli } from '../../test/runCli.ts';
import { resultsFile, resultsFileContent } from '../modules/elections/testing.ts';

const ATTRIBUTION = 'Contains Parliamentary information licensed under the Open Parliament Licence v3.0.';
const dir = mkdtempSync(join(tmpdir(), 'tredegar-elections-cli-'));
const dbName = `tredegar_test_cli_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
let env: NodeJS.ProcessEnv;

const run = (...args: string[]) => runCli(env, ...args);
const json = async (...args: string[]) => {
  const r = await run(...args, '--json');
  expect(r.code, r.err).toBe(0);
  return JSON.parse(r.out);
};

// The commands run against PostgreSQL when a server is here (quicker to start), else embedded PGlite.
describe('tredegar elections and impact commands', () => {
  beforeAll(async () => {
    const url = await postgresUrl();
    let databaseUrl = '';
    if (url) {
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      await admin.query(`create database ${dbName}`);
      await admin.end();
      const u = new URL(url);
      u.pathname = `/${dbName}`;
      databaseUrl = u.toString();
    }
    env = { ...process.env, TREDEGAR_DATA_DIR: dir, DATABASE_URL: databaseUrl, LOG_LEVEL: 'silent', NODE_ENV: 'development' };
    expect((await run('areas', 'load')).code).toBe(0);
  }, 300_000);
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    const url = await postgresUrl();
    if (url) {
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      await admin.query(`drop database if exists ${dbName} with (force)`);
      await admin.end();
    }
  }, 300_000);

  it('imports all five files once; the same file again changes nothing', async () => {
    const first = await run('elections', 'import', ...['2010', '2015', '2017', '2019', '2024'].map(resultsFile));
    expect(first.code, first.err).toBe(0);
    expect(first.out).toContain('2010: created (650 seats, 2010 boundaries');
    expect(first.out).toContain('2024: created (650 seats, 2024 boundaries');
    expect(first.out).toContain(ATTRIBUTION);
    expect((await json('elections', 'import', resultsFile('2019'))).results[0].status).toBe('unchanged');
  }, 300_000);

  it('refuses a bad file with every problem listed and a non-zero exit', async () => {
    const bad = join(dir, 'HoC-GE2019-bad.csv');
    writeFileSync(bad, resultsFileContent('2019').replace(/(\r\nE14000530,[^\r]*?),(\d+),(\d+),(\d+),/, '$1,$2,abc,$4,'));
    const r = await run('elections', 'import', bad, '--election', 'broken', '--held-on', '2019-12-12');
    expect(r.code).toBe(1);
    expect(r.err).toContain('is not a whole number');
    expect(r.err).toContain('nothing was imported');
    expect((await json('elections', 'list')).items.map((e: { name: string }) => e.name)).toEqual(['2010', '2015', '2017', '2019', '2024']);
  }, 300_000);

  it('gives the same figures as the files for a summary, with the attribution', async () => {
    const rows = parse(resultsFileContent('2019'), { columns: true, bom: true }) as Record<string, string>[];
    const valid = rows.reduce((a, r) => a + Number(r['Valid votes']), 0);
    const con = rows.reduce((a, r) => a + Number(r['Con']), 0);
    const s = await json('elections', 'summary', '--election', '2019', '--compare', '2017');
    expect(s.parties.find((p: { party: string }) => p.party === 'Con').sharePct).toBeCloseTo((con / valid) * 100, 3);
    expect(s.attribution).toBe(ATTRIBUTION);
    const text = await run('elections', 'summary', '--election', '2019', '--region', 'Wales');
    expect(text.out).toContain('Wales, 2019');
    expect(text.out).toContain(ATTRIBUTION);
    const regions = await json('elections', 'summary', '--election', '2019', '--compare', '2017', '--breakdown', 'region');
    expect(regions.items).toHaveLength(12);
    const csv = await run('elections', 'summary', '--election', '2019', '--csv');
    expect(csv.out.trim().split('\n').at(-1)).toBe(ATTRIBUTION);
  }, 300_000);

  it('refuses a comparison across the 2024 boundary change', async () => {
    const r = await run('elections', 'summary', '--election', '2024', '--compare', '2019');
    expect(r.code).toBe(1);
    expect(r.err).toContain('boundary change');
  }, 300_000);

  it('lists seats in peril and runs a scenario', async () => {
    const rows = parse(resultsFileContent('2019'), { columns: true, bom: true }) as Record<string, string>[];
    const peril = await json('elections', 'seats', '--election', '2019', '--held-by', 'Lab', '--max-majority-pct', '5');
    expect(peril.total).toBe(rows.filter((r) => r['First party'] === 'Lab' && Number(r['Majority']) / Number(r['Valid votes']) <= 0.05).length);
    const sc = await json('elections', 'scenario', '--election', '2019', '--from', 'Lab', '--to', 'Con', '--swing', '4', '--region', 'Yorkshire and The Humber');
    expect(sc.seatsInArea).toBe(54);
    expect(sc.changes.length).toBeGreaterThan(0);
    const unknown = await run('elections', 'seats', '--election', '2019', '--held-by', 'Whig');
    expect(unknown.err).toContain('Party "Whig" is not in the 2019 results');
  }, 300_000);

  it('evaluates impact reproducibly from a list of organised seats', async () => {
    const list = join(dir, 'organised.csv');
    writeFileSync(list, 'ONS ID\nE14000664\nE14000665\nE14000857\nE14000858\nE14000689\nE14000610\n');
    const a = await json('impact', 'evaluate', '--party', 'Lab', '--from', '2017', '--to', '2019', '--organised', list, '--resamples', '2000');
    expect(a.organised.seats).toBe(6);
    expect(a.statement).toContain('not proof');
    expect(await json('impact', 'evaluate', '--party', 'Lab', '--from', '2017', '--to', '2019', '--organised', list, '--resamples', '2000')).toEqual(a);
    const text = await run('impact', 'evaluate', '--party', 'Lab', '--from', '2017', '--to', '2019', '--organised', list);
    expect(text.out).toContain('Caveats:');
    expect(text.out).toContain(ATTRIBUTION);
    const neither = await run('impact', 'evaluate', '--party', 'Lab', '--from', '2017', '--to', '2019');
    expect(neither.err).toContain('exactly one of --organised FILE or --activity-since DATE');
  }, 300_000);
});
