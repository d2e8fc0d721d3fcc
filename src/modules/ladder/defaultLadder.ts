import type { LevelInput } from './inputs.ts';

/** A ladder most organising starts from; organisations change it freely. */
export const DEFAULT_LADDER: LevelInput[] = [
  {
    key: 'supporter', label: 'Supporter', description: 'Has had a conversation with us this year.',
    nextStep: 'Invite them to a one-to-one to hear what matters to them.',
    rule: { all: [{ metric: 'conversations', atLeast: 1, withinDays: 365 }] },
  },
  {
    key: 'active', label: 'Active', description: 'Has had a one-to-one and kept a commitment in the last six months.',
    nextStep: 'Ask them to bring someone they know to the next meeting.',
    rule: { all: [{ metric: 'one_to_ones', atLeast: 1, withinDays: 180 }, { metric: 'commitments_kept', atLeast: 1, withinDays: 180 }] },
  },
  {
    key: 'leader_in_development', label: 'Leader in development', description: 'Brings others in: has recruited someone this year and brought someone to a meeting lately.',
    nextStep: 'Pair them with a mentor and invite them to one-to-one training.',
    rule: { all: [{ metric: 'people_recruited', atLeast: 1, withinDays: 365 }, { metric: 'people_brought', atLeast: 1, withinDays: 180 }] },
  },
  {
    key: 'leader', label: 'Leader', description: 'Has followers: recruits, brings people and holds one-to-ones.',
    nextStep: 'Ask them to run a house meeting and coach a new volunteer.',
    rule: { all: [{ metric: 'people_recruited', atLeast: 3, withinDays: 365 }, { metric: 'people_brought', atLeast: 3, withinDays: 180 }, { metric: 'one_to_ones_held', atLeast: 4, withinDays: 90 }] },
  },
];
