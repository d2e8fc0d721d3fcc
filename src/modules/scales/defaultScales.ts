import type { Db } from '../../db/connection.ts';
import { scales } from './schema.ts';

/** The scales most organising starts with: an organising assessment 1–5 and support 0–10 before and after. */
export const DEFAULT_SCALES: (Omit<typeof scales.$inferInsert, 'orgId'>)[] = [
  {
    key: 'organising',
    label: 'Organising assessment',
    description: 'How ready this person is to act with others, from the first one-to-one.',
    kind: 'organising',
    minValue: 1,
    maxValue: 5,
    pointLabels: { 1: 'Leader: organises others', 2: 'Active: acts and brings others', 3: 'Willing: will act when asked', 4: 'Sympathetic: agrees, not yet acting', 5: 'Not interested' },
    higherIsBetter: false,
    phases: 'single',
    sortOrder: 10,
  },
  {
    key: 'support',
    label: 'Support',
    description: 'How strongly they support us, asked before and after a persuasive conversation.',
    kind: 'support',
    minValue: 0,
    maxValue: 10,
    pointLabels: { 0: 'Strongly against', 5: 'Undecided', 10: 'Strongly for' },
    higherIsBetter: true,
    phases: 'before_after',
    sortOrder: 20,
  },
];

/** Gives an organisation the default scales; scales it already has are kept. */
export async function seedScales(db: Db, orgId: string): Promise<void> {
  await db.insert(scales).values(DEFAULT_SCALES.map((s) => ({ ...s, orgId }))).onConflictDoNothing();
}
