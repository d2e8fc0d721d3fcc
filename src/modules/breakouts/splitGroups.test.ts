import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitGroups, type SplitAttendee } from './splitGroups.ts';

const attendees = fc.uniqueArray(
  fc.record({ id: fc.uuid(), ward: fc.option(fc.constantFrom('W1', 'W2', 'W3', 'W4'), { nil: null }), level: fc.integer({ min: -1, max: 4 }) }),
  { selector: (a) => a.id, maxLength: 60 },
);
const facilitators = fc.uniqueArray(fc.uuid(), { maxLength: 12 });

describe('splitGroups', () => {
  it('places everyone once, evenly, with facilitators spread and wards spread', () => {
    fc.assert(fc.property(attendees, facilitators, fc.integer({ min: 1, max: 12 }), fc.integer(), (people: SplitAttendee[], fs, size, seed) => {
      const groups = splitGroups(people, fs, size, seed);
      expect(groups.length).toBe(Math.ceil(people.length / size));
      const placed = groups.flatMap((g) => g.members);
      expect([...placed].sort()).toEqual(people.map((p) => p.id).sort());
      const sizes = groups.map((g) => g.members.length);
      if (groups.length > 0) expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
      if (groups.length > 0) expect(Math.max(...sizes)).toBeLessThanOrEqual(size);
      // One facilitator per group at most, and none lacks one while facilitators are left over.
      const given = groups.map((g) => g.facilitator).filter((f) => f !== null);
      expect(new Set(given).size).toBe(given.length);
      expect(given.length).toBe(Math.min(groups.length, fs.length));
      // A ward of k people has at most ceil(k / groups) in any one group.
      const wardOf = new Map(people.map((p) => [p.id, p.ward]));
      for (const ward of new Set(people.map((p) => p.ward).filter((w) => w !== null))) {
        const k = people.filter((p) => p.ward === ward).length;
        for (const g of groups) expect(g.members.filter((m) => wardOf.get(m) === ward).length).toBeLessThanOrEqual(Math.ceil(k / groups.length));
      }
      expect(splitGroups([...people].reverse(), fs, size, seed)).toEqual(groups);
    }), { numRuns: 300 });
  });

  it('spreads the most experienced of a ward across groups', () => {
    const people: SplitAttendee[] = [
      { id: 'a', ward: 'W1', level: 3 }, { id: 'b', ward: 'W1', level: 3 }, { id: 'c', ward: 'W1', level: 0 }, { id: 'd', ward: 'W1', level: 0 },
    ];
    const groups = splitGroups(people, ['f1', 'f2'], 2, 7);
    expect(groups.map((g) => g.members.filter((m) => m === 'a' || m === 'b').length)).toEqual([1, 1]);
    expect(groups.map((g) => g.facilitator)).toEqual(['f1', 'f2']);
  });
});
