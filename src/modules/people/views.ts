import { z } from 'zod';
import { contactKinds, contactLabels, contactStatuses, membershipStatuses } from './schema.ts';

export const tagRef = z.object({ slug: z.string(), name: z.string() });
export const areaRef = z.object({ code: z.string(), name: z.string() });

/** A person in a list. */
export const personSummaryView = z.object({
  id: z.string().uuid(),
  firstName: z.string(),
  lastName: z.string(),
  unit: z.object({ id: z.string().uuid(), name: z.string() }),
  primaryEmail: z.string().nullable(),
  primaryPhone: z.string().nullable(),
  postcode: z.string().nullable(),
  ward: areaRef.nullable(),
  membershipStatus: z.enum(membershipStatuses),
  tags: z.array(tagRef),
  updatedAt: z.string(),
});
export type PersonSummary = z.infer<typeof personSummaryView>;

export const contactView = z.object({
  id: z.string().uuid(),
  kind: z.enum(contactKinds),
  value: z.string(),
  label: z.enum(contactLabels),
  isPrimary: z.boolean(),
  status: z.enum(contactStatuses),
});
export type ContactView = z.infer<typeof contactView>;

/** One person in full. */
export const personDetailView = personSummaryView.extend({
  orgId: z.string().uuid(),
  addressLine1: z.string().nullable(),
  addressLine2: z.string().nullable(),
  town: z.string().nullable(),
  constituency: areaRef.nullable(),
  membershipNumber: z.string().nullable(),
  joinedOn: z.string().nullable(),
  contacts: z.array(contactView),
  customFields: z.record(z.string(), z.unknown()),
  source: z.string().nullable(),
  createdAt: z.string(),
  isDemo: z.boolean(),
});
export type PersonDetail = z.infer<typeof personDetailView>;
