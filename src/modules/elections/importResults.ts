import { createHash } from 'node:crypto';
import { eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/connection.ts';
import { conflict, validationFailed } from '../../server/errors.ts';
import { areas } from '../areas/schema.ts';
import { recordAudit } from '../audit/recordAudit.ts';
import { parseResultsCsv, ResultsFileError, type ParsedResult, type RowProblem } from './parseResultsCsv.ts';
import { electionResults, elections } from './schema.ts';

/** Polling days of the general elections whose files name only the year. */
const POLLING_DAYS: Record<string, string> = {
  '2010': '2010-05-06', '2015': '2015-05-07', '2017': '2017-06-08', '2019': '2019-12-12', '2024': '2024-07-04',
};
const NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9 ._-]{0,39}$/;

export interface ResultsFile {
  fileName: string;
  content: string | Buffer;
}

export interface ImportOptions {
  /** Name of the election; only with a single file. Defaults to the year in the file name (GE2019 → "2019"). */
  election?: string;
  /** Polling day (YYYY-MM-DD); known for the general elections 2010–2024. */
  heldOn?: string;
  /** Replace an election already imported from a different file. */
  replace?: boolean;
  actorAccountId: string | null;
  requestId?: string;
}

export interface ImportOutcome {
  election: string;
  status: 'created' | 'replaced' | 'unchanged';
  seats: number;
  boundarySet: string;
  heldOn: string;
}

interface Prepared {
  name: string;
  heldOn: string;
  fileName: string;
  hash: string;
  parties: string[];
  rows: ParsedResult[];
}

/**
 * Imports House of Commons Library results files, all or nothing: every row of every file is
 * checked (votes add up, constituencies known and in one boundary set, no repeats) and any
 * problem aborts the whole import. Importing a file already imported changes nothing.
 */
export async function importResults(db: Db, files: ResultsFile[], opts: ImportOptions): Promise<ImportOutcome[]> {
  if (files.length === 0) throw validationFailed('Give at least one results file.');
  if (files.length > 1 && opts.election) throw validationFailed('An election name can only be given when importing one file.');
  const problems: RowProblem[] = [];
  const prepared: Prepared[] = [];
  for (const f of files) {
    const name = opts.election?.trim() || /GE\s*(\d{4})/i.exec(f.fileName)?.[1];
    if (!name || !NAME_PATTERN.test(name)) {
      problems.push({ path: f.fileName, message: name ? `"${name}" is not a usable election name (letters, digits, spaces, . _ -; up to 40).` : 'Name the election: the file name has no year such as GE2019.' });
      continue;
    }
    const heldOn = opts.heldOn ?? POLLING_DAYS[name];
    if (!heldOn || !/^\d{4}-\d{2}-\d{2}$/.test(heldOn) || Number.isNaN(Date.parse(heldOn))) {
      problems.push({ path: f.fileName, message: `Give the polling day of election "${name}" as YYYY-MM-DD.` });
      continue;
    }
    try {
      const parsed = parseResultsCsv(f.content);
      problems.push(...parsed.problems.map((p) => ({ path: `${f.fileName} ${p.path}`, message: p.message })));
      prepared.push({ name, heldOn, fileName: f.fileName, hash: createHash('sha256').update(f.content).digest('hex'), parties: parsed.parties, rows: parsed.rows });
    } catch (e) {
      if (!(e instanceof ResultsFileError)) throw e;
      problems.push({ path: f.fileName, message: e.message });
    }
  }
  const names = prepared.map((p) => p.name);
  const repeated = names.find((n, i) => names.indexOf(n) !== i);
  if (repeated) problems.push({ path: 'files', message: `Two files would both be election "${repeated}".` });
  if (problems.length > 0) throw refused(problems);

  return db.transaction(async (tx) => {
    const out: ImportOutcome[] = [];
    const located = await locate(tx, prepared);
    if (located.problems.length > 0) throw refused(located.problems);
    for (const p of prepared) {
      const boundarySet = located.boundarySets.get(p.name)!;
      const [existing] = await tx.select().from(elections).where(eq(elections.name, p.name));
      const [sameFile] = await tx.select({ name: elections.name }).from(elections).where(eq(elections.sourceHash, p.hash));
      if (sameFile && sameFile.name !== p.name) throw conflict(`${p.fileName} was already imported as election "${sameFile.name}".`);
      if (existing && existing.sourceHash === p.hash) {
        out.push({ election: p.name, status: 'unchanged', seats: existing.seatCount, boundarySet: existing.boundarySet, heldOn: existing.heldOn });
        continue;
      }
      if (existing && !opts.replace) {
        throw conflict(`Election "${p.name}" was already imported from a different file; ask to replace it to load these results instead.`);
      }
      const values = { name: p.name, heldOn: p.heldOn, boundarySet, parties: p.parties, sourceFile: p.fileName, sourceHash: p.hash, seatCount: p.rows.length, importedBy: opts.actorAccountId };
      let id: string;
      if (existing) {
        id = existing.id;
        await tx.update(elections).set({ ...values, importedAt: sql`now()` }).where(eq(elections.id, id));
        await tx.delete(electionResults).where(eq(electionResults.electionId, id));
      } else {
        [{ id }] = (await tx.insert(elections).values(values).returning({ id: elections.id })) as [{ id: string }];
      }
      await tx.insert(electionResults).values(
        p.rows.map((r) => ({
          electionId: id, constituencyCode: r.constituencyCode, name: r.name, regionCode: r.regionCode,
          nationCode: located.nations.get(r.regionCode)!, electorate: r.electorate, validVotes: r.validVotes,
          invalidVotes: r.invalidVotes, majority: r.majority, winner: r.winner, winnerVotes: r.winnerVotes, runnerUp: r.runnerUp,
          runnerUpVotes: r.runnerUpVotes, votes: r.votes, otherVotes: r.otherVotes, otherWinnerVotes: r.otherWinnerVotes,
          result: r.result, memberName: r.memberName, declaredAt: r.declaredAt,
        })),
      );
      await recordAudit(tx, {
        actorAccountId: opts.actorAccountId, action: existing ? 'elections.replace' : 'elections.import', entityType: 'election', entityId: id,
        changes: { name: p.name, file: p.fileName, sha256: p.hash, seats: p.rows.length }, requestId: opts.requestId ?? null,
      });
      out.push({ election: p.name, status: existing ? 'replaced' : 'created', seats: p.rows.length, boundarySet, heldOn: p.heldOn });
    }
    return out;
  });
}

function refused(problems: RowProblem[]) {
  const n = problems.length;
  return validationFailed(`The results have ${n === 1 ? 'a problem' : `${n} problems`}; nothing was imported.`, problems);
}

/** Checks every code against the areas and finds each file's boundary set and each region's nation. */
async function locate(db: Db, prepared: Prepared[]) {
  const codes = [...new Set(prepared.flatMap((p) => p.rows.flatMap((r) => [r.constituencyCode, r.regionCode])))];
  const found = new Map(
    (await db.select({ code: areas.code, kind: areas.kind, parentCode: areas.parentCode, boundarySets: areas.boundarySets }).from(areas).where(inArray(areas.code, codes)))
      .map((a) => [a.code, a]),
  );
  const problems: RowProblem[] = [];
  const nations = new Map<string, string>();
  const boundarySets = new Map<string, string>();
  for (const p of prepared) {
    let common: string[] | null = null;
    for (const r of p.rows) {
      const area = found.get(r.constituencyCode);
      if (!area || area.kind !== 'constituency') {
        problems.push({ path: `${p.fileName} line ${r.line}: ONS ID`, message: `${r.constituencyCode} is not a known constituency; load the areas first or check the code.` });
        continue;
      }
      const region = found.get(r.regionCode);
      if (!region || (region.kind !== 'region' && region.kind !== 'nation')) {
        problems.push({ path: `${p.fileName} line ${r.line}: ONS region ID`, message: `${r.regionCode} is not a known region or nation.` });
        continue;
      }
      nations.set(r.regionCode, region.kind === 'nation' ? region.code : region.parentCode!);
      common = common === null ? [...area.boundarySets] : common.filter((s) => area.boundarySets.includes(s));
    }
    if (common !== null && common.length === 0) {
      problems.push({ path: p.fileName, message: 'The constituencies in this file do not all belong to one boundary set.' });
    } else if (common) {
      boundarySets.set(p.name, [...common].sort().at(-1)!);
    }
  }
  return { problems, nations, boundarySets };
}
