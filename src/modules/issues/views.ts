import { z } from 'zod';
import { issueStatuses } from './schema.ts';

export const issueCategoryView = z.object({
  id: z.string().uuid(),
  slug: z.string(),
  label: z.string(),
  sortOrder: z.number().int(),
  archived: z.boolean(),
});
export type IssueCategoryView = z.infer<typeof issueCategoryView>;

export const issueView = z.object({
  id: z.string().uuid(),
  orgId: z.string().uuid(),
  slug: z.string(),
  label: z.string(),
  description: z.string().nullable(),
  categoryId: z.string().uuid().nullable(),
  status: z.enum(issueStatuses),
  mergedIntoId: z.string().uuid().nullable(),
  proposedByMe: z.boolean(),
  decidedAt: z.string().nullable(),
});
export type IssueView = z.infer<typeof issueView>;

/** The taxonomy as a client draws it: categories in order, then every issue the caller may see. */
export const taxonomyView = z.object({
  orgId: z.string().uuid(),
  categories: z.array(issueCategoryView),
  issues: z.array(issueView),
});
