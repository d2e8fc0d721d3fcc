import { sql } from 'drizzle-orm';
import { boolean, date, index, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { organisations, units } from '../units/schema.ts';

export const membershipStatuses = ['none', 'supporter', 'member', 'lapsed', 'resigned'] as const;
export type MembershipStatus = (typeof membershipStatuses)[number];

/**
 * A person known to the organisation. `org_id` is on every personal table so that the
 * big tables can later be distributed (Citus) with a person's rows co-located.
 * `search_text` is maintained by the people commands (name, emails, phones, postcode) for
 * trigram search.
 */
export const people = pgTable(
  'people',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull().references(() => organisations.id),
    unitId: uuid('unit_id').notNull().references(() => units.id),
    firstName: text('first_name').notNull(),
    lastName: text('last_name').notNull().default(''),
    addressLine1: text('address_line1'),
    addressLine2: text('address_line2'),
    town: text('town'),
    postcode: text('postcode'),
    wardCode: text('ward_code'),
    constituencyCode: text('constituency_code'),
    membershipStatus: text('membership_status', { enum: membershipStatuses }).notNull().default('none'),
    membershipNumber: text('membership_number'),
    joinedOn: date('joined_on'),
    customFields: jsonb('custom_fields').$type<Record<string, unknown>>().notNull().default({}),
    searchText: text('search_text').notNull().default(''),
    source: text('source'),
    isDemo: boolean('is_demo').notNull().default(false),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
    /** Set with deleted_at when this record was merged: the person it now lives on as. */
    mergedInto: uuid('merged_into'),
  },
  (t) => [
    index('people_unit_name_idx').on(t.unitId, t.lastName, t.firstName, t.id).where(sql`${t.deletedAt} is null`),
    index('people_org_name_idx').on(t.orgId, t.lastName, t.firstName, t.id).where(sql`${t.deletedAt} is null`),
    index('people_ward_idx').on(t.wardCode).where(sql`${t.deletedAt} is null`),
    index('people_constituency_idx').on(t.constituencyCode).where(sql`${t.deletedAt} is null`),
    index('people_search_trgm_idx').using('gin', sql`${t.searchText} gin_trgm_ops`),
    index('people_name_postcode_idx').on(t.orgId, t.postcode, t.lastName),
    index('people_merged_into_idx').on(t.mergedInto).where(sql`${t.mergedInto} is not null`),
    // Newest-first lists walk these (the list query names the caller's organisations for them).
    index('people_org_created_idx').on(t.orgId, t.createdAt, t.id).where(sql`${t.deletedAt} is null`),
    index('people_org_updated_idx').on(t.orgId, t.updatedAt, t.id).where(sql`${t.deletedAt} is null`),
  ],
);

export const contactKinds = ['email', 'phone'] as const;
export const contactLabels = ['home', 'work', 'mobile', 'other'] as const;
export const contactStatuses = ['unverified', 'verified', 'bounced', 'wrong_number', 'opted_out'] as const;

/** Emails and phone numbers, each with its own status so one bad address never hides the rest. */
export const contactPoints = pgTable(
  'contact_points',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull(),
    personId: uuid('person_id').notNull().references(() => people.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: contactKinds }).notNull(),
    value: text('value').notNull(),
    normalised: text('normalised').notNull(),
    label: text('label', { enum: contactLabels }).notNull().default('other'),
    isPrimary: boolean('is_primary').notNull().default(false),
    status: text('status', { enum: contactStatuses }).notNull().default('unverified'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('contact_points_lookup_idx').on(t.orgId, t.kind, t.normalised),
    uniqueIndex('contact_points_person_value_idx').on(t.personId, t.kind, t.normalised),
  ],
);

/** Tags belong to an organisation; applying an unknown tag is an error, never a silent drop. */
export const tags = pgTable(
  'tags',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull().references(() => organisations.id),
    name: text('name').notNull(),
    slug: text('slug').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('tags_org_slug_idx').on(t.orgId, t.slug)],
);

export const personTags = pgTable(
  'person_tags',
  {
    personId: uuid('person_id').notNull().references(() => people.id, { onDelete: 'cascade' }),
    tagId: uuid('tag_id').notNull().references(() => tags.id, { onDelete: 'cascade' }),
    orgId: uuid('org_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.personId, t.tagId] }), index('person_tags_tag_idx').on(t.tagId, t.personId)],
);

export const customFieldTypes = ['text', 'number', 'date', 'single_choice', 'multiple_choice'] as const;
export type CustomFieldType = (typeof customFieldTypes)[number];

/** Organisation-defined fields; values live in people.custom_fields keyed by `key`. */
export const customFieldDefinitions = pgTable(
  'custom_field_definitions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull().references(() => organisations.id),
    key: text('key').notNull(),
    label: text('label').notNull(),
    type: text('type', { enum: customFieldTypes }).notNull(),
    choices: jsonb('choices').$type<string[]>().notNull().default([]),
    required: boolean('required').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('custom_fields_org_key_idx').on(t.orgId, t.key)],
);
