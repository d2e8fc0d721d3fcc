import { seededRandom } from '../impact/random.ts';

/** Someone to place in a group: their ward (null when unknown) and their ladder position (higher is more experienced; -1 for none). */
export interface SplitAttendee {
  id: string;
  ward: string | null;
  level: number;
}

export interface SplitGroup {
  members: string[];
  facilitator: string | null;
}

function shuffled<T>(items: T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/**
 * Splits attendees into ceil(n / size) groups. People are lined up ward by ward (largest ward
 * first, people of no known ward last), the most experienced first within a ward, and dealt
 * round the groups in turn: consecutive places land in different groups, so a ward of k people
 * puts at most ceil(k / groups) in any group, and sizes differ by at most one. Ties are broken
 * by a seeded shuffle, so the same input and seed give the same groups. Facilitators are given
 * one per group in the order chosen; any beyond the number of groups are left out.
 */
export function splitGroups(attendees: SplitAttendee[], facilitators: string[], size: number, seed: number): SplitGroup[] {
  if (!Number.isInteger(size) || size < 1) throw new RangeError('size must be a positive integer');
  const count = Math.ceil(attendees.length / size);
  if (count === 0) return [];
  const random = seededRandom(seed);
  const byWard = new Map<string | null, SplitAttendee[]>();
  for (const a of shuffled([...attendees].sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0)), random)) {
    const list = byWard.get(a.ward) ?? [];
    list.push(a);
    byWard.set(a.ward, list);
  }
  const wards = [...byWard.entries()]
    .filter(([ward]) => ward !== null)
    .sort(([wa, a], [wb, b]) => b.length - a.length || (wa! < wb! ? -1 : 1));
  const line: SplitAttendee[] = [];
  for (const [, people] of wards) line.push(...people.sort((x, y) => y.level - x.level));
  line.push(...(byWard.get(null) ?? []).sort((x, y) => y.level - x.level));
  const groups: SplitGroup[] = Array.from({ length: count }, () => ({ members: [], facilitator: null }));
  line.forEach((a, i) => groups[i % count]!.members.push(a.id));
  [...new Set(facilitators)].slice(0, count).forEach((f, i) => { groups[i]!.facilitator = f; });
  return groups;
}
