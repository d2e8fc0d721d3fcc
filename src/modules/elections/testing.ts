import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Db } from '../../db/connection.ts';
import { readAreaFiles } from '../areas/loadAreas.ts';
import { areas } from '../areas/schema.ts';

/** The shipped House of Commons Library files, for tests and benchmarks. */
export const ELECTIONS_DIR = join(process.cwd(), '..', 'shared', 'data', 'elections');
export const YEARS = ['2010', '2015', '2017', '2019', '2024'] as const;
export const resultsFile = (year: string) => join(ELECTIONS_DIR, `HoC-GE${year}-results-by-constituency.csv`);
export const resultsFileContent = (year: string) => readFileSync(resultsFile(year), 'utf8');

/**
 * Loads the nations, regions and constituencies of both boundary sets (not wards, which the
 * election calculations do not need) so tests and benchmarks start quickly.
 */
export async function loadElectionAreas(db: Db): Promise<void> {
  const rows = readAreaFiles(ELECTIONS_DIR).areas.filter((a) => a.kind !== 'ward' && a.kind !== 'local_authority');
  for (let i = 0; i < rows.length; i += 500) await db.insert(areas).values(rows.slice(i, i + 500)).onConflictDoNothing();
}
