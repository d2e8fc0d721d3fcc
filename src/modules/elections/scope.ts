import { validationFailed } from '../../server/errors.ts';
import type { ElectionData, SeatResult } from './queries.ts';

export const UK = 'K02000001';
export const NORTHERN_IRELAND = 'N92000002';
const GB_NAME = 'Great Britain';

export type ScopeLevel = 'uk' | 'gb' | 'nation' | 'region' | 'constituency';

/** A part of the country the figures are for. */
export interface Scope {
  level: ScopeLevel;
  code: string | null;
  name: string;
}

export interface ScopeQuery {
  region?: string;
  nation?: string;
  constituency?: string;
  gb?: boolean;
}

const norm = (s: string) => s.trim().toLowerCase().replace(/\s+/g, ' ');

/**
 * Resolves "--region Yorkshire and The Humber", "--nation Wales", a code, or GB into a scope.
 * Scotland, Wales and Northern Ireland are both nations and (in the results files) regions.
 */
export function resolveScope(data: ElectionData, q: ScopeQuery): Scope {
  const given = [q.region, q.nation, q.constituency, q.gb ? 'gb' : undefined].filter((x) => x !== undefined && x !== '');
  if (given.length > 1) throw validationFailed('Choose one of region, nation, constituency or Great Britain.');
  if (q.gb) return { level: 'gb', code: null, name: GB_NAME };
  if (q.region) return findArea(data, q.region, 'region', new Set(data.seats.map((s) => s.regionCode)));
  if (q.nation) return findArea(data, q.nation, 'nation', new Set(data.seats.map((s) => s.nationCode)));
  if (q.constituency) {
    const wanted = norm(q.constituency);
    const seat = data.seats.find((s) => s.code.toLowerCase() === wanted || norm(s.name) === wanted);
    if (!seat) throw validationFailed(`No constituency "${q.constituency}" in election "${data.election.name}".`, [{ path: 'constituency', message: 'Unknown constituency' }]);
    return { level: 'constituency', code: seat.code, name: seat.name };
  }
  return { level: 'uk', code: UK, name: 'United Kingdom' };
}

function findArea(data: ElectionData, input: string, level: 'region' | 'nation', codes: Set<string>): Scope {
  const wanted = norm(input);
  for (const code of codes) {
    const name = data.areaNames.get(code) ?? code;
    if (code.toLowerCase() === wanted || norm(name) === wanted) return { level, code, name };
  }
  const names = [...codes].map((c) => data.areaNames.get(c) ?? c).sort();
  throw validationFailed(`No ${level} "${input}" in election "${data.election.name}"; use one of: ${names.join(', ')}.`, [{ path: level, message: `Unknown ${level}` }]);
}

/** True when the seat lies in the scope. */
export function inScope(scope: Scope, seat: SeatResult): boolean {
  switch (scope.level) {
    case 'uk': return true;
    case 'gb': return seat.nationCode !== NORTHERN_IRELAND;
    case 'nation': return seat.nationCode === scope.code;
    case 'region': return seat.regionCode === scope.code;
    case 'constituency': return seat.code === scope.code;
  }
}
