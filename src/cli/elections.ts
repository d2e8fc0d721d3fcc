import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Command } from 'commander';
import { eq } from 'drizzle-orm';
import { stringify } from 'csv-stringify/sync';
import type { Actor } from '../modules/accounts/actor.ts';
import { systemActor } from '../modules/accounts/systemActor.ts';
import { importResults } from '../modules/elections/importResults.ts';
import { listSeats } from '../modules/elections/listSeats.ts';
import { listElections, loadElection, assertComparable } from '../modules/elections/queries.ts';
import { runScenario } from '../modules/elections/scenario.ts';
import { resolveScope } from '../modules/elections/scope.ts';
import { buildSummary, nationalSummaries, regionalSummaries, swingPair, type Summary } from '../modules/elections/summary.ts';
import { listTargetLists } from '../modules/elections/targetListQueries.ts';
import { ATTRIBUTION } from '../modules/elections/views.ts';
import { evaluateImpact } from '../modules/impact/evaluateImpact.ts';
import { organisedFromRecords } from '../modules/impact/organisedFromRecords.ts';
import { organisingBySeat, recordsDescription } from '../modules/impact/organisingSources.ts';
import { readOrganisedList } from '../modules/impact/readOrganisedList.ts';
import { getUnit } from '../modules/units/queries.ts';
import { organisations, units } from '../modules/units/schema.ts';
import { AppError } from '../server/errors.ts';
import type { AppContext } from '../server/context.ts';
import { openContext } from './bootstrap.ts';
import { fail } from './fail.ts';

type Out = { json?: boolean; csv?: boolean };
type ScopeOpts = { region?: string; nation?: string; constituency?: string; gb?: boolean };

const num = (x: number | null | undefined, places = 1) => (x === null || x === undefined ? '–' : x.toFixed(places));
const signed = (x: number | null | undefined) => {
  if (x === null || x === undefined) return '–';
  const r = Math.round(x * 10) / 10;
  return r === 0 ? '0.0' : `${r > 0 ? '+' : '-'}${Math.abs(r).toFixed(1)}`;
};
const int = (x: number | null | undefined) => (x === null || x === undefined ? '–' : x.toLocaleString('en-GB'));

/** A plain text table: the first row is the header; numbers line up on the right. */
function table(rows: (string | number)[][]): string {
  const cells = rows.map((r) => r.map(String));
  const widths = cells[0]!.map((_, i) => Math.max(...cells.map((r) => r[i]!.length)));
  const right = cells[0]!.map((_, i) => cells.slice(1).every((r) => /^[-+−–]?[\d,.]+%?$|^–$/.test(r[i]!)));
  return cells.map((r) => r.map((c, i) => (right[i] ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ').trimEnd()).join('\n');
}

/** Prints JSON (with the attribution inside it), CSV (attribution as the last line) or text (attribution below). */
function emit(o: Out, json: object, csvRows: (string | number | null)[][], text: string): void {
  if (o.json) process.stdout.write(`${JSON.stringify({ ...json, attribution: ATTRIBUTION }, null, 2)}\n`);
  else if (o.csv) process.stdout.write(`${stringify(csvRows)}${stringify([[ATTRIBUTION]])}`);
  else process.stdout.write(`${text}\n\n${ATTRIBUTION}\n`);
}

/** Runs a command with a database, printing an error's details (such as every bad row) before failing. */
function withContext(fn: (ctx: AppContext) => Promise<void>) {
  return async () => {
    const ctx = await openContext();
    try {
      await fn(ctx);
    } catch (e) {
      if (e instanceof AppError) {
        const details = Array.isArray(e.details) ? (e.details as { path?: string; message?: string }[]) : [];
        for (const d of details.slice(0, 50)) process.stderr.write(`  ${d.path ? `${d.path}: ` : ''}${d.message ?? ''}\n`);
        if (details.length > 50) process.stderr.write(`  … and ${details.length - 50} more\n`);
        await ctx.database.close();
        fail(e.message);
      }
      throw e;
    }
    await ctx.database.close();
  };
}

/** The command line acts for an organisation as its national root (it has the database anyway). */
async function organisationActor(ctx: AppContext, slug?: string): Promise<Actor> {
  const orgs = await ctx.db.select().from(organisations).where(slug ? eq(organisations.slug, slug) : undefined).limit(2);
  if (orgs.length !== 1) fail(slug ? `no organisation "${slug}"` : 'there is more than one organisation; choose one with --org');
  const [root] = await ctx.db.select().from(units).where(eq(units.orgId, orgs[0]!.id)).orderBy(units.path).limit(1);
  return systemActor(root!);
}

function summaryText(s: Summary): string {
  const head = `${s.area.name}, ${s.election.name}${s.compare ? ` (change since ${s.compare.name})` : ''}`;
  const rows: (string | number)[][] = [['party', 'votes', 'share %', 'change', 'seats', 'seat change']];
  for (const p of s.parties) rows.push([p.party, int(p.votes), num(p.sharePct), signed(p.changePts), p.seats, signed(p.seatChange === null ? null : p.seatChange).replace('.0', '')]);
  const lines = [
    head,
    `${s.seats} seats; electorate ${int(s.electorate)}; valid votes ${int(s.validVotes)}; turnout ${num(s.turnoutPct)}%${s.turnoutChangePts !== null ? ` (${signed(s.turnoutChangePts)})` : ''}`,
    ...(s.swing ? [`Butler swing: ${s.swing.points.toFixed(1)} points from ${s.swing.from} to ${s.swing.to}`] : []),
    '',
    table(rows),
    ...s.notes.map((n) => `Note: ${n}`),
  ];
  return lines.join('\n');
}

/** `tredegar elections import|list|summary|seats|scenario|targets` and `tredegar impact evaluate|organising`. */
export function registerElectionCommands(program: Command): void {
  const elections = program.command('elections').description('general election results: import, shares, swing, seats in peril, targets');

  elections
    .command('import')
    .description('import House of Commons Library constituency results files (all or nothing; the same file twice changes nothing)')
    .argument('<files...>', 'results CSV files, e.g. HoC-GE2019-results-by-constituency.csv')
    .option('--election <name>', 'election name (one file only; default: the year in the file name)')
    .option('--held-on <date>', 'polling day YYYY-MM-DD (known for 2010–2024)')
    .option('--replace', 'replace an election already imported from a different file')
    .option('--json', 'print JSON')
    .action((files: string[], o: { election?: string; heldOn?: string; replace?: boolean; json?: boolean }) =>
      withContext(async (ctx) => {
        const read = files.map((f) => {
          try {
            return { fileName: basename(f), content: readFileSync(f) };
          } catch {
            return fail(`cannot read ${f}`);
          }
        });
        const results = await importResults(ctx.db, read, { election: o.election, heldOn: o.heldOn, replace: o.replace, actorAccountId: null });
        const text = results.map((r) => `${r.election}: ${r.status} (${r.seats} seats, ${r.boundarySet} boundaries, held ${r.heldOn})`).join('\n');
        emit({ json: o.json }, { results }, [], text);
      })(),
    );

  elections
    .command('list')
    .description('imported elections')
    .option('--json', 'print JSON')
    .action((o: Out) =>
      withContext(async (ctx) => {
        const rows = (await listElections(ctx.db)).map((e) => ({ name: e.name, heldOn: e.heldOn, boundarySet: e.boundarySet, seats: e.seatCount, sourceFile: e.sourceFile }));
        emit(o, { items: rows }, [], rows.length ? table([['election', 'held on', 'boundaries', 'seats', 'file'], ...rows.map((r) => [r.name, r.heldOn, r.boundarySet, r.seats, r.sourceFile])]) : 'No elections imported yet.');
      })(),
    );

  elections
    .command('summary')
    .description('votes, shares, change, Butler swing, turnout and seats for the UK, GB, a nation, a region or a constituency')
    .requiredOption('--election <name>', 'election, e.g. 2019')
    .option('--compare <name>', 'an earlier election on the same boundaries')
    .option('--region <name>', 'a region (name or ONS code)')
    .option('--nation <name>', 'England, Scotland, Wales or Northern Ireland')
    .option('--constituency <name>', 'a constituency (name or ONS code)')
    .option('--gb', 'Great Britain')
    .option('--breakdown <level>', 'instead, one summary per "region" or per "nation" (UK, GB and each nation)')
    .option('--swing-a <party>', 'first party of the Butler swing pair (default Con)')
    .option('--swing-b <party>', 'second party of the Butler swing pair (default Lab)')
    .option('--json', 'print JSON')
    .option('--csv', 'print CSV')
    .action((o: ScopeOpts & Out & { election: string; compare?: string; breakdown?: string; swingA?: string; swingB?: string }) =>
      withContext(async (ctx) => {
        const data = await loadElection(ctx.db, o.election);
        const before = o.compare ? await loadElection(ctx.db, o.compare) : null;
        if (before) assertComparable(data.election, before.election);
        const pair = swingPair(data, o.swingA, o.swingB);
        let items: Summary[];
        if (o.breakdown) {
          if (o.breakdown !== 'region' && o.breakdown !== 'nation') fail('--breakdown must be "region" or "nation"');
          items = o.breakdown === 'region' ? regionalSummaries(data, before, pair) : nationalSummaries(data, before, pair);
        } else {
          items = [buildSummary(data, before, resolveScope(data, o), pair)];
        }
        const csv: (string | number | null)[][] = [['area', 'area_code', 'election', 'compare', 'party', 'votes', 'share_pct', 'change_pts', 'seats', 'seat_change', 'turnout_pct', 'swing']];
        for (const s of items) {
          for (const p of s.parties) {
            csv.push([s.area.name, s.area.code, s.election.name, s.compare?.name ?? null, p.party, p.votes, p.sharePct, p.changePts, p.seats, p.seatChange, s.turnoutPct, s.swing ? `${s.swing.points} ${s.swing.from} to ${s.swing.to}` : null]);
          }
        }
        emit(o, o.breakdown ? { items } : items[0]!, csv, items.map(summaryText).join('\n\n'));
      })(),
    );

  elections
    .command('seats')
    .description('seats with majority, runner-up and the uniform swing that flips them (seats in peril, targets)')
    .requiredOption('--election <name>', 'election, e.g. 2019')
    .option('--compare <name>', 'an earlier election on the same boundaries (adds each seat\'s change)')
    .option('--held-by <party>', 'only seats this party won')
    .option('--challenger <party>', 'seats this party did not win, ordered by the swing it needs')
    .option('--max-majority-pct <n>', 'only seats with a majority up to this % of valid votes')
    .option('--region <name>', 'a region (name or ONS code)')
    .option('--nation <name>', 'a nation')
    .option('--limit <n>', 'at most this many seats', '650')
    .option('--json', 'print JSON')
    .option('--csv', 'print CSV')
    .action((o: ScopeOpts & Out & { election: string; compare?: string; heldBy?: string; challenger?: string; maxMajorityPct?: string; limit: string }) =>
      withContext(async (ctx) => {
        const data = await loadElection(ctx.db, o.election);
        const before = o.compare ? await loadElection(ctx.db, o.compare) : null;
        const max = o.maxMajorityPct === undefined ? undefined : Number(o.maxMajorityPct);
        if (max !== undefined && !Number.isFinite(max)) fail('--max-majority-pct must be a number');
        const limit = Number(o.limit);
        if (!Number.isInteger(limit) || limit < 1) fail('--limit must be a whole number above 0');
        const all = listSeats(data, before, { scope: resolveScope(data, o), heldBy: o.heldBy, challenger: o.challenger, maxMajorityPct: max });
        const items = all.slice(0, limit);
        const csv: (string | number | null)[][] = [['rank', 'code', 'name', 'region', 'winner', 'runner_up', 'majority', 'majority_pct', 'swing_to_flip_pts', 'challenger_swing_pts', 'turnout_pct']];
        for (const s of items) csv.push([s.rank, s.code, s.name, s.regionName, s.winner, s.runnerUp, s.majority, s.majorityPct, s.swingToFlipPts, s.challengerSwingPts, s.turnoutPct]);
        const text = table([
          ['#', 'seat', 'region', 'won by', 'runner-up', 'majority', 'maj %', o.challenger ? 'swing needed' : 'swing to flip'],
          ...items.map((s) => [s.rank, s.name, s.regionName, s.winner, s.runnerUp, int(s.majority), num(s.majorityPct), num(s.challengerSwingPts ?? s.swingToFlipPts)]),
        ]);
        emit(o, { total: all.length, items }, csv, `${all.length} seats${all.length > items.length ? ` (first ${items.length} shown)` : ''}\n\n${text}`);
      })(),
    );

  elections
    .command('scenario')
    .description('a uniform swing between two parties in an area, and the seats that change hands')
    .requiredOption('--election <name>', 'election, e.g. 2019')
    .requiredOption('--from <party>', 'party losing share')
    .requiredOption('--to <party>', 'party gaining share')
    .requiredOption('--swing <points>', 'points of swing')
    .option('--region <name>', 'a region')
    .option('--nation <name>', 'a nation')
    .option('--gb', 'Great Britain')
    .option('--json', 'print JSON')
    .option('--csv', 'print CSV')
    .action((o: ScopeOpts & Out & { election: string; from: string; to: string; swing: string }) =>
      withContext(async (ctx) => {
        const data = await loadElection(ctx.db, o.election);
        const swing = Number(o.swing);
        if (!Number.isFinite(swing)) fail('--swing must be a number of points');
        const r = runScenario(data, { from: o.from, to: o.to, swing, scope: resolveScope(data, o) });
        const csv: (string | number | null)[][] = [['code', 'name', 'region', 'before', 'after', 'majority_pct_before', 'margin_pct_after'], ...r.changes.map((c) => [c.code, c.name, c.regionName, c.before, c.after, c.majorityPctBefore, c.marginPctAfter])];
        const text = [
          `A ${r.swing}-point swing from ${r.from} to ${r.to} in ${r.area.name}: ${r.changes.length} of ${r.seatsInArea} seats change hands.`,
          '',
          r.changes.length ? table([['seat', 'region', 'from', 'to', 'majority % before'], ...r.changes.map((c) => [c.name, c.regionName, c.before, c.after, num(c.majorityPctBefore)])]) : 'No seat changes hands.',
        ].join('\n');
        emit(o, r, csv, text);
      })(),
    );

  elections
    .command('targets')
    .description('saved target lists')
    .option('--unit <code>', 'only this unit\'s lists')
    .option('--org <slug>', 'organisation (when there is more than one)')
    .option('--json', 'print JSON')
    .action((o: Out & { unit?: string; org?: string }) =>
      withContext(async (ctx) => {
        const actor = await organisationActor(ctx, o.org);
        const unit = o.unit ? await getUnit(ctx.db, o.unit, actor.grants[0]!.orgId) : null;
        const rows = (await listTargetLists(ctx.db, actor, { unitId: unit?.id, limit: 200, after: null })).slice(0, 200);
        const items = rows.map((r) => ({ id: r.id, unit: r.unitName, election: r.election, name: r.name, seats: r.seatCount, createdAt: r.createdAt.toISOString() }));
        emit(o, { items }, [], items.length ? table([['list', 'unit', 'election', 'seats', 'created'], ...items.map((i) => [i.name, i.unit, i.election, i.seats, i.createdAt.slice(0, 10)])]) : 'No target lists.');
      })(),
    );

  const impact = program.command('impact').description('where organising happened, and whether it made a measurable difference');

  impact
    .command('evaluate')
    .description('change in a party\'s share in organised seats against comparable seats, with a bootstrap interval')
    .requiredOption('--party <party>', 'party, e.g. Lab')
    .requiredOption('--from <election>', 'the earlier election')
    .requiredOption('--to <election>', 'the later election (same boundaries)')
    .option('--organised <file>', 'a list of organised seats (ONS codes: a CSV column or one a line)')
    .option('--activity-since <date>', 'organising from Tredegar\'s records since this date (up to polling day)')
    .option('--min-activity <n>', 'records needed for a seat to count as organised (with --activity-since)', '1')
    .option('--region <name>', 'only this region')
    .option('--nation <name>', 'only this nation')
    .option('--seed <n>', 'random seed for the bootstrap', '1')
    .option('--resamples <n>', 'bootstrap resamples', '10000')
    .option('--org <slug>', 'organisation whose records to use (when there is more than one)')
    .option('--json', 'print JSON')
    .action((o: Out & { party: string; from: string; to: string; organised?: string; activitySince?: string; minActivity: string; region?: string; nation?: string; seed: string; resamples: string; org?: string }) =>
      withContext(async (ctx) => {
        if (!o.organised === !o.activitySince) fail('give exactly one of --organised FILE or --activity-since DATE');
        const seed = Number(o.seed);
        const resamples = Number(o.resamples);
        if (!Number.isInteger(seed) || seed < 0) fail('--seed must be a whole number');
        if (!Number.isInteger(resamples) || resamples < 100 || resamples > 1_000_000) fail('--resamples must be a whole number from 100 to 1000000');
        const [from, to] = [await loadElection(ctx.db, o.from), await loadElection(ctx.db, o.to)];
        let organised: string[];
        let source: { kind: 'list' | 'records'; description: string };
        if (o.organised) {
          let content: string;
          try {
            content = readFileSync(o.organised, 'utf8');
          } catch {
            return fail(`cannot read ${o.organised}`);
          }
          organised = readOrganisedList(content);
          source = { kind: 'list', description: `A list of ${organised.length} organised seats (${basename(o.organised)}).` };
        } else {
          if (!/^\d{4}-\d{2}-\d{2}$/.test(o.activitySince!)) fail('--activity-since must be a date, YYYY-MM-DD');
          const found = await organisedFromRecords(ctx.db, await organisationActor(ctx, o.org), to, o.activitySince!, Number(o.minActivity));
          organised = found.codes;
          source = { kind: 'records', description: found.description };
        }
        const area = o.region || o.nation ? resolveScope(to, { region: o.region, nation: o.nation }) : null;
        const r = evaluateImpact({ party: o.party, from, to, organised, area, source, seed, resamples });
        const text = [
          r.statement,
          '',
          table([
            ['', 'seats', 'mean change in share (points)'],
            ['organised', r.organised.seats, signed(r.organised.meanChangePts)],
            ['comparable', r.comparison.seats, signed(r.comparison.meanChangePts)],
            ['difference', '', `${signed(r.difference.pts)} (95% interval ${signed(r.difference.lowPts)} to ${signed(r.difference.highPts)})`],
            [`all of ${r.regional.regions.join(', ')}`, '', signed(r.regional.changePts)],
          ]),
          '',
          'Caveats:',
          ...r.caveats.map((c) => `- ${c}`),
          ...(r.excluded.length ? ['', 'Left out:', ...r.excluded.map((e) => `- ${e.name} (${e.code}): ${e.reason}`)] : []),
        ].join('\n');
        emit({ json: o.json }, r, [], text);
      })(),
    );

  impact
    .command('organising')
    .description('where organising happened: per constituency, counts from Tredegar\'s records in a date range')
    .requiredOption('--election <name>', 'election whose constituencies to count in')
    .option('--since <date>', 'from this date')
    .option('--until <date>', 'up to this date')
    .option('--org <slug>', 'organisation (when there is more than one)')
    .option('--json', 'print JSON')
    .option('--csv', 'print CSV')
    .action((o: Out & { election: string; since?: string; until?: string; org?: string }) =>
      withContext(async (ctx) => {
        const data = await loadElection(ctx.db, o.election);
        const window = { since: o.since ?? null, until: o.until ?? null };
        const seats = new Map(data.seats.map((s) => [s.code, s]));
        const rows = await organisingBySeat(ctx.db, await organisationActor(ctx, o.org), [...seats.keys()], window);
        const items = rows.map((r) => ({ code: r.code, name: seats.get(r.code)!.name, counts: r.counts, organised: r.organised }));
        const keys = Object.keys(items[0]?.counts ?? {});
        const csv: (string | number | null)[][] = [['code', 'name', ...keys, 'organised'], ...items.map((i) => [i.code, i.name, ...keys.map((k) => i.counts[k] ?? null), i.organised ? 'yes' : 'no'])];
        const text = items.length
          ? table([['seat', ...keys, 'organised'], ...items.map((i) => [i.name, ...keys.map((k) => (i.counts[k] === null ? 'not recorded' : String(i.counts[k]))), i.organised ? 'yes' : 'no'])])
          : 'No organising recorded in these constituencies.';
        emit(o, { window, items, description: recordsDescription(window, 1) }, csv, `${text}\n\n${recordsDescription(window, 1)}`);
      })(),
    );
}
