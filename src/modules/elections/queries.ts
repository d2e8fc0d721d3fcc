import { asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/connection.ts';
import { AppError, validationFailed } from '../../server/errors.ts';
import { areas } from '../areas/schema.ts';
import { electionResults, elections } from './schema.ts';

export type Election = typeof elections.$inferSelect;

/** One constituency's result as the calculations use it. */
export interface SeatResult {
  code: string;
  name: string;
  regionCode: string;
  nationCode: string;
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
}

/** An election with all its seats, ready for the calculations. */
export interface ElectionData {
  election: Election;
  seats: SeatResult[];
  /** ONS names of the regions and nations, by code. */
  areaNames: Map<string, string>;
}

/** Every imported election, oldest first (there are only ever a handful). */
export async function listElections(db: Db): Promise<Election[]> {
  return db.select().from(elections).orderBy(asc(elections.heldOn)).limit(200);
}

/** The election with this name, or a 404 that says which exist. */
export async function getElection(db: Db, name: string): Promise<Election> {
  const [found] = await db.select().from(elections).where(eq(elections.name, name));
  if (found) return found;
  const known = (await listElections(db)).map((e) => e.name);
  throw new AppError(404, 'not_found', known.length ? `No election "${name}" has been imported; there are ${known.join(', ')}.` : `No election "${name}" has been imported; import results first.`);
}

// Results change only by re-import (which moves imported_at), so a loaded election can be reused.
const loaded = new Map<string, ElectionData>();

/** Drops every loaded election, so the next load reads the database (benchmarks measure it cold). */
export function forgetLoadedElections(): void {
  loaded.clear();
}

/** Loads an election's seats in one query, with region and nation names. */
export async function loadElection(db: Db, nameOrElection: string | Election): Promise<ElectionData> {
  const election = typeof nameOrElection === 'string' ? await getElection(db, nameOrElection) : nameOrElection;
  const hit = loaded.get(election.id);
  if (hit && hit.election.importedAt.getTime() === election.importedAt.getTime() && hit.election.sourceHash === election.sourceHash) return hit;
  const rows = await db
    .select({
      code: electionResults.constituencyCode, name: electionResults.name, regionCode: electionResults.regionCode, nationCode: electionResults.nationCode,
      electorate: electionResults.electorate, validVotes: electionResults.validVotes, invalidVotes: electionResults.invalidVotes,
      majority: electionResults.majority, winner: electionResults.winner, winnerVotes: electionResults.winnerVotes,
      runnerUp: electionResults.runnerUp, runnerUpVotes: electionResults.runnerUpVotes, votes: electionResults.votes,
      otherVotes: electionResults.otherVotes, otherWinnerVotes: electionResults.otherWinnerVotes, result: electionResults.result,
      memberName: electionResults.memberName,
    })
    .from(electionResults)
    .where(eq(electionResults.electionId, election.id))
    .orderBy(asc(electionResults.name));
  const codes = [...new Set(rows.flatMap((r) => [r.regionCode, r.nationCode]))];
  const names = codes.length ? await db.select({ code: areas.code, name: areas.name }).from(areas).where(inArray(areas.code, codes)) : [];
  const data = { election, seats: rows, areaNames: new Map(names.map((n) => [n.code, n.name])) };
  if (loaded.size >= 20) loaded.delete(loaded.keys().next().value!);
  loaded.set(election.id, data);
  return data;
}

/** The earlier election to compare with, refused when it is on other boundaries or not earlier. */
export function assertComparable(election: Election, compare: Election): void {
  if (compare.id === election.id) throw validationFailed(`Compare election "${election.name}" with a different election.`);
  if (compare.boundarySet !== election.boundarySet) {
    throw validationFailed(
      `Election "${election.name}" is on the ${election.boundarySet} constituency boundaries and "${compare.name}" on the ${compare.boundarySet} boundaries. ` +
        'Comparing across a boundary change needs notional results, which these files do not contain, so it is refused.',
      [{ path: 'compare', message: 'Different boundary sets' }],
    );
  }
  if (compare.heldOn >= election.heldOn) {
    throw validationFailed(`Compare with an earlier election: "${compare.name}" was held on or after "${election.name}".`, [{ path: 'compare', message: 'Not earlier' }]);
  }
}
