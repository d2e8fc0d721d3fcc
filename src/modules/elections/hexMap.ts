import { readFileSync } from 'node:fs';
import { validationFailed } from '../../server/errors.ts';
import type { ElectionData } from './queries.ts';

export interface Hex {
  code: string;
  name: string;
  q: number;
  r: number;
}

interface HexJson {
  layout: string;
  hexes: Record<string, { n: string; q: number; r: number }>;
}

/** Hex cartograms shipped with Tredegar, by boundary set (see data/ATTRIBUTION.md). */
const FILES: Record<string, URL> = {
  '2010': new URL('./data/constituencies_2010-2023.hexjson', import.meta.url),
};
const cache = new Map<string, { layout: string; hexes: Hex[] }>();

/** The hex layout for an election's boundaries; refused (422) where none is shipped. */
export function hexLayout(data: ElectionData): { layout: string; hexes: Hex[] } {
  const set = data.election.boundarySet;
  const file = FILES[set];
  if (!file) {
    throw validationFailed(`No hex map of the ${set} constituency boundaries is shipped; the results are in the tables.`, [{ path: 'election', message: 'No hex map for these boundaries' }]);
  }
  let layout = cache.get(set);
  if (!layout) {
    const json = JSON.parse(readFileSync(file, 'utf8')) as HexJson;
    layout = { layout: json.layout, hexes: Object.entries(json.hexes).map(([code, h]) => ({ code, name: h.n, q: h.q, r: h.r })) };
    cache.set(set, layout);
  }
  return layout;
}
