import { parse } from 'csv-parse/sync';
import { OTHER, partyCode } from './parties.ts';

/** One constituency row, checked and with its runner-up derived from the votes. */
export interface ParsedResult {
  line: number;
  constituencyCode: string;
  name: string;
  regionCode: string;
  countryName: string;
  electorate: number;
  validVotes: number;
  invalidVotes: number;
  majority: number;
  winner: string;
  winnerVotes: number | null;
  runnerUp: string;
  runnerUpVotes: number | null;
  votes: Record<string, number>;
  otherVotes: number;
  otherWinnerVotes: number | null;
  result: string;
  memberName: string | null;
  declaredAt: string | null;
}

export interface RowProblem {
  path: string;
  message: string;
}

export interface ParsedResultsFile {
  parties: string[];
  rows: ParsedResult[];
  problems: RowProblem[];
}

const REQUIRED = [
  'ONS ID', 'ONS region ID', 'Constituency name', 'Region name', 'Country name', 'Result', 'First party', 'Second party',
  'Electorate', 'Valid votes', 'Invalid votes', 'Majority', 'All other candidates',
] as const;
const OTHER_WINNER = 'Of which other winner';
const MAX_PROBLEMS = 200;

/** Thrown for a file that cannot be read as results at all (wrong columns, not CSV). */
export class ResultsFileError extends Error {
  constructor(message: string, readonly problems: RowProblem[] = []) {
    super(message);
  }
}

/**
 * Reads one House of Commons Library constituency results file and checks every row. Pure:
 * it never touches the database; area codes are checked by the importer. Problems are listed
 * per row ("line 12: Lab: …"), never silently repaired.
 */
export function parseResultsCsv(content: string | Buffer): ParsedResultsFile {
  let records: string[][];
  try {
    records = parse(content, { bom: true, skip_empty_lines: true, relax_column_count: true }) as string[][];
  } catch (e) {
    throw new ResultsFileError(`The file is not readable CSV: ${(e as Error).message}`);
  }
  const header = (records[0] ?? []).map((h) => h.trim());
  const missing = REQUIRED.filter((c) => !header.includes(c));
  if (missing.length > 0) {
    throw new ResultsFileError(
      `This is not a House of Commons Library constituency results file: it has no column ${missing.map((m) => `"${m}"`).join(', ')}.`,
      missing.map((m) => ({ path: 'header', message: `Missing column "${m}"` })),
    );
  }
  const seen = new Set<string>();
  for (const h of header) {
    if (h && seen.has(h)) throw new ResultsFileError(`The column "${h}" appears twice.`, [{ path: 'header', message: `Repeated column "${h}"` }]);
    seen.add(h);
  }
  // Party columns sit between "Majority" and "All other candidates"; which parties they are differs by year.
  const partyHeaders = header.slice(header.indexOf('Majority') + 1, header.indexOf('All other candidates'));
  const parties = partyHeaders.map(partyCode);
  if (parties.length < 2 || parties.some((p) => !p) || new Set(parties).size !== parties.length) {
    throw new ResultsFileError('The party vote columns between "Majority" and "All other candidates" are missing or repeated.');
  }
  const col = Object.fromEntries(header.map((h, i) => [h, i]));
  const hasOtherWinner = OTHER_WINNER in col;

  const rows: ParsedResult[] = [];
  const problems: RowProblem[] = [];
  const firstLine = new Map<string, number>();
  for (let i = 1; i < records.length && problems.length < MAX_PROBLEMS; i++) {
    const line = i + 1;
    const cells = records[i]!;
    const rowProblems: RowProblem[] = [];
    const problem = (column: string, message: string) => rowProblems.push({ path: `line ${line}: ${column}`, message });
    if (cells.length !== header.length) {
      problems.push({ path: `line ${line}`, message: `Has ${cells.length} cells; the header has ${header.length}.` });
      continue;
    }
    const text = (name: string) => (cells[col[name]!] ?? '').trim();
    const count = (name: string): number => {
      const raw = text(name);
      if (!/^\d{1,9}$/.test(raw)) {
        problem(name, raw === '' ? 'Is empty; a whole number of votes is needed.' : `"${raw}" is not a whole number.`);
        return 0;
      }
      return Number(raw);
    };
    const code = text('ONS ID');
    if (!/^[ENSW]\d{8}$/.test(code)) problem('ONS ID', `"${code}" is not an ONS constituency code.`);
    const earlier = firstLine.get(code);
    if (earlier !== undefined) problem('ONS ID', `Constituency ${code} appears twice (lines ${earlier} and ${line}).`);
    else firstLine.set(code, line);
    const regionCode = text('ONS region ID');
    if (!/^[ENSW]\d{8}$/.test(regionCode)) problem('ONS region ID', `"${regionCode}" is not an ONS region or nation code.`);

    const votes: Record<string, number> = {};
    partyHeaders.forEach((h, j) => (votes[parties[j]!] = count(h)));
    const otherVotes = count('All other candidates');
    const otherWinnerVotes = hasOtherWinner ? count(OTHER_WINNER) : null;
    const electorate = count('Electorate');
    const validVotes = count('Valid votes');
    const invalidVotes = count('Invalid votes');
    const majority = count('Majority');
    const winner = partyCode(text('First party'));
    const label = partyCode(text('Second party'));
    if (!winner) problem('First party', 'Is empty.');
    const declaredAt = parseDeclaration(text('Declaration time'));
    if (declaredAt === undefined) problem('Declaration time', `"${text('Declaration time')}" is not a date and time.`);
    if (rowProblems.length === 0) {
      const sum = Object.values(votes).reduce((a, b) => a + b, 0) + otherVotes;
      if (sum !== validVotes) problem('Valid votes', `Party votes and all other candidates add up to ${sum}, not ${validVotes}.`);
      if (validVotes > electorate) problem('Valid votes', `${validVotes} valid votes is more than the electorate of ${electorate}.`);
      if (otherWinnerVotes !== null && otherWinnerVotes > otherVotes) problem(OTHER_WINNER, `${otherWinnerVotes} is more than all other candidates (${otherVotes}).`);
    }
    if (rowProblems.length === 0) {
      const derived = deriveRunnerUp({ parties, votes, otherVotes, otherWinnerVotes, winner, label, majority });
      if (typeof derived === 'string') problem('Majority', derived);
      else {
        rows.push({
          line, constituencyCode: code, name: text('Constituency name'), regionCode, countryName: text('Country name'),
          electorate, validVotes, invalidVotes, majority, winner, votes, otherVotes, otherWinnerVotes,
          ...derived,
          result: text('Result'),
          memberName: [text('Member first name'), text('Member surname')].filter(Boolean).join(' ') || null,
          declaredAt: declaredAt ?? null,
        });
      }
    }
    problems.push(...rowProblems);
  }
  if (records.length < 2) problems.push({ path: 'file', message: 'The file has a header but no results.' });
  return { parties, rows, problems: problems.slice(0, MAX_PROBLEMS) };
}

/**
 * Winner and runner-up with their votes. The runner-up comes from the vote columns, not the
 * file's "Second party" label (wrong in a few dozen 2010 rows). When the runner-up stood
 * without a party column, its votes are only known through the published majority, and the
 * label names it. Returns a message when the votes and the majority cannot both be right.
 */
function deriveRunnerUp(r: {
  parties: string[]; votes: Record<string, number>; otherVotes: number; otherWinnerVotes: number | null;
  winner: string; label: string; majority: number;
}): { winnerVotes: number | null; runnerUp: string; runnerUpVotes: number | null } | string {
  const named = r.parties.includes(r.winner);
  let top: { party: string; votes: number } | null = null;
  for (const p of r.parties) {
    if (p === r.winner) continue;
    const v = r.votes[p]!;
    if (!top || v > top.votes) top = { party: p, votes: v };
  }
  if (!top) return 'No party other than the winner has a vote column.';
  const winnerVotes: number | null = named ? r.votes[r.winner]! : r.otherWinnerVotes && r.otherWinnerVotes > 0 ? r.otherWinnerVotes : null;
  if (named && top.votes > winnerVotes!) return `The winner ${r.winner} has ${winnerVotes} votes but ${top.party} has ${top.votes}.`;
  // Votes of candidates without a column who did not win: an upper bound for an unlisted runner-up.
  const otherLosers = r.otherVotes - (named ? 0 : (winnerVotes ?? 0));
  if (winnerVotes === null) {
    // An unlisted winner in a file without "Of which other winner": the majority over a listed runner-up gives its votes.
    if (r.parties.includes(r.label) || otherLosers <= 0) return { winnerVotes: top.votes + r.majority, runnerUp: top.party, runnerUpVotes: top.votes };
    return { winnerVotes: null, runnerUp: r.label || OTHER, runnerUpVotes: null };
  }
  const runnerUpVotes = winnerVotes - r.majority;
  if (runnerUpVotes === top.votes) return { winnerVotes, runnerUp: top.party, runnerUpVotes };
  if (runnerUpVotes > top.votes && runnerUpVotes <= otherLosers && !r.parties.includes(r.label)) {
    return { winnerVotes, runnerUp: r.label || OTHER, runnerUpVotes };
  }
  return `A majority of ${r.majority} does not match the votes: ${r.winner} has ${winnerVotes} and the best of the rest, ${top.party}, has ${top.votes}.`;
}

/**
 * "5/7/10 3:05" (2010) or "08/05/2015 03:19" (later) as an ISO local time; null when empty,
 * undefined when unreadable. The 2010 file writes month/day/two-digit year (its by-election
 * day after the postponed poll is "5/28/10"); the later files write day/month/four-digit year.
 */
function parseDeclaration(raw: string): string | null | undefined {
  if (raw === '') return null;
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4}) (\d{1,2}):(\d{2})$/.exec(raw);
  if (!m) return undefined;
  const [, a, b, y, h, mi] = m;
  const short = y!.length === 2;
  const [d, mo] = short ? [Number(b), Number(a)] : [Number(a), Number(b)];
  const year = short ? 2000 + Number(y) : Number(y);
  const date = new Date(Date.UTC(year, mo - 1, d, Number(h), Number(mi)));
  if (date.getUTCDate() !== d || date.getUTCMonth() !== mo - 1 || Number(h) > 23) return undefined;
  return date.toISOString().slice(0, 16).replace('T', ' ');
}
