import { sql } from 'drizzle-orm';
import { check, date, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { accounts } from '../accounts/schema.ts';
import { people } from '../people/schema.ts';
import { organisations } from '../units/schema.ts';

export const relationshipTypes = ['tie', 'recruited', 'brought'] as const;
export type RelationshipType = (typeof relationshipTypes)[number];
export const relationshipKinds = ['family', 'friend', 'neighbour', 'housemate', 'co_worker', 'congregation', 'union', 'other'] as const;
export type RelationshipKind = (typeof relationshipKinds)[number];

/**
 * A link between two people of one organisation.
 * - `tie`: a mutual relationship (kind and strength 1–5); one per pair, whichever way round it was entered.
 * - `recruited`: `person_id` recruited `other_person_id` (on `occurred_on`); a person has one recruiter.
 * - `brought`: `person_id` brought `other_person_id` to an event, named in free text with its date
 *   until events exist (`event_id` will point at one then).
 * Both ends cascade with the person, so erasing someone removes their links.
 */
export const relationships = pgTable(
  'relationships',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull().references(() => organisations.id),
    type: text('type', { enum: relationshipTypes }).notNull(),
    personId: uuid('person_id').notNull().references(() => people.id, { onDelete: 'cascade' }),
    otherPersonId: uuid('other_person_id').notNull().references(() => people.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: relationshipKinds }),
    strength: integer('strength'),
    eventName: text('event_name'),
    eventId: uuid('event_id'),
    occurredOn: date('occurred_on'),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('relationships_not_self', sql`${t.personId} <> ${t.otherPersonId}`),
    check('relationships_tie_shape', sql`(${t.type} = 'tie') = (${t.kind} is not null and ${t.strength} is not null)`),
    check('relationships_strength_range', sql`${t.strength} is null or ${t.strength} between 1 and 5`),
    check('relationships_brought_shape', sql`${t.type} <> 'brought' or (${t.eventName} is not null and ${t.occurredOn} is not null)`),
    uniqueIndex('relationships_tie_pair_idx').on(t.orgId, sql`least(${t.personId}, ${t.otherPersonId})`, sql`greatest(${t.personId}, ${t.otherPersonId})`).where(sql`${t.type} = 'tie'`),
    uniqueIndex('relationships_recruited_once_idx').on(t.otherPersonId).where(sql`${t.type} = 'recruited'`),
    uniqueIndex('relationships_brought_once_idx').on(t.personId, t.otherPersonId, t.eventName, t.occurredOn).where(sql`${t.type} = 'brought'`),
    index('relationships_person_idx').on(t.personId, t.type, t.occurredOn),
    index('relationships_other_idx').on(t.otherPersonId, t.type),
  ],
);

/** People a volunteer has put on their own list ("my people"), beside those they spoke with or recruited. */
export const myPeople = pgTable(
  'my_people',
  {
    accountId: uuid('account_id').notNull().references(() => accounts.id, { onDelete: 'cascade' }),
    personId: uuid('person_id').notNull().references(() => people.id, { onDelete: 'cascade' }),
    orgId: uuid('org_id').notNull(),
    addedAt: timestamp('added_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.accountId, t.personId] }), index('my_people_person_idx').on(t.personId)],
);
