import { z } from 'zod';
import { isRealDate } from '../custom-fields/validateCustomFields.ts';
import { contactKinds, contactLabels, contactStatuses, membershipStatuses } from './schema.ts';

const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();
const code = z.string().trim().max(20).nullable().optional();

export const tagSlugs = z.array(z.string().trim().min(1).max(100)).max(50);

export const contactInput = z.strictObject({
  kind: z.enum(contactKinds),
  value: z.string().trim().min(1).max(320),
  label: z.enum(contactLabels).optional(),
  isPrimary: z.boolean().optional(),
  status: z.enum(contactStatuses).optional(),
});
export type ContactInput = z.infer<typeof contactInput>;

export const contactPatch = z.strictObject({
  label: z.enum(contactLabels).optional(),
  isPrimary: z.literal(true).optional().describe('make this the primary contact of its kind (set another to move it away)'),
  status: z.enum(contactStatuses).optional(),
});

export const customFieldValues = z
  .record(z.string().max(100), z.unknown())
  .refine((o) => Object.keys(o).length <= 200, 'At most 200 custom fields.');

// Fields a person has that both create and update accept.
const personFields = {
  firstName: z.string().trim().min(1).max(100),
  lastName: z.string().trim().max(100),
  addressLine1: optionalText(200),
  addressLine2: optionalText(200),
  town: optionalText(100),
  postcode: optionalText(12),
  wardCode: code,
  constituencyCode: code,
  membershipStatus: z.enum(membershipStatuses),
  membershipNumber: optionalText(50),
  joinedOn: z.string().refine(isRealDate, 'Must be a real date written YYYY-MM-DD.').nullable().optional(),
  customFields: customFieldValues,
};

export const createPersonBody = z.strictObject({
  id: z.string().uuid().optional().describe('client-generated id: a retry with the same id and content returns the same person'),
  unitId: z.string().uuid(),
  ...personFields,
  lastName: personFields.lastName.default(''),
  membershipStatus: personFields.membershipStatus.default('none'),
  customFields: personFields.customFields.default({}),
  contacts: z.array(contactInput).max(20).default([]),
  tags: tagSlugs.default([]),
  source: optionalText(100),
});
export type CreatePersonInput = z.infer<typeof createPersonBody>;

export const updatePersonBody = z.strictObject({
  unitId: z.string().uuid().optional().describe('move the person to another unit (you need people.update on both)'),
  ...personFields,
  firstName: personFields.firstName.optional(),
  lastName: personFields.lastName.optional(),
  membershipStatus: personFields.membershipStatus.optional(),
  customFields: customFieldValues.optional().describe('keys given are set; a null value clears that field'),
  contacts: z.array(contactInput.extend({ id: z.string().uuid().optional().describe('an existing contact of this person to keep') })).max(20).optional()
    .describe('the person’s contacts become exactly these: an entry with an id keeps that contact (its label, status and primary flag follow; a changed value replaces it), one without is added, and any not listed is removed'),
  tags: tagSlugs.optional().describe('the person’s tags become exactly these'),
});
export type UpdatePersonInput = z.infer<typeof updatePersonBody>;
