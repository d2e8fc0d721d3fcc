import type { Db } from '../../db/connection.ts';
import { issueCategories, issues } from './schema.ts';
import { issueSlug } from './slug.ts';

/** A starting taxonomy of what people raise on the doorstep; organisations change it freely. */
export const DEFAULT_TAXONOMY: { category: string; issues: string[] }[] = [
  { category: 'Housing', issues: ['Housing conditions', 'Damp and mould', 'Rents', 'Repairs', 'Homelessness', 'Social housing waiting list'] },
  { category: 'Work and pay', issues: ['Wages', 'Jobs', 'Insecure work', 'Workplace rights'] },
  { category: 'Cost of living', issues: ['Cost of living', 'Energy bills', 'Food prices', 'Benefits'] },
  { category: 'Transport', issues: ['Buses', 'Trains', 'Roads and potholes'] },
  { category: 'Health and care', issues: ['NHS', 'GP appointments', 'Social care', 'Mental health'] },
  { category: 'Education and childcare', issues: ['Schools', 'Childcare', 'Special educational needs'] },
  { category: 'Community and safety', issues: ['Crime and safety', 'Anti-social behaviour', 'Youth services', 'Parks and green spaces'] },
  { category: 'Environment', issues: ['Litter and fly-tipping', 'Flooding', 'Air pollution'] },
];

/** Gives an organisation the default taxonomy (approved issues in categories); existing entries are kept. */
export async function seedTaxonomy(db: Db, orgId: string): Promise<void> {
  const cats = await db.insert(issueCategories)
    .values(DEFAULT_TAXONOMY.map((c, i) => ({ orgId, slug: issueSlug(c.category), label: c.category, sortOrder: (i + 1) * 10 })))
    .onConflictDoNothing().returning();
  const bySlug = new Map(cats.map((c) => [c.slug, c.id]));
  await db.insert(issues).values(DEFAULT_TAXONOMY.flatMap((c) => c.issues.map((label) => ({
    orgId, slug: issueSlug(label), label, categoryId: bySlug.get(issueSlug(c.category)) ?? null, status: 'approved' as const, decidedAt: new Date(),
  })))).onConflictDoNothing();
}
