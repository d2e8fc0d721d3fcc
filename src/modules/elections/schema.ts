import { date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { areas } from '../areas/schema.ts';
import { organisations, units } from '../units/schema.ts';

/**
 * A general election as imported from one House of Commons Library results file. Results are
 * public reference data shared by every organisation, like areas. `boundarySet` is the set all
 * its constituencies belong to; elections on different sets are never compared.
 * `sourceHash` makes re-importing the same file a no-op.
 */
export const elections = pgTable('elections', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull().unique(),
  heldOn: date('held_on').notNull(),
  boundarySet: text('boundary_set').notNull(),
  /** Party codes that have their own vote column in the file, in file order. */
  parties: text('parties').array().notNull(),
  sourceFile: text('source_file').notNull(),
  sourceHash: text('source_hash').notNull(),
  seatCount: integer('seat_count').notNull(),
  importedBy: uuid('imported_by'),
  importedAt: timestamp('imported_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * One constituency's result. `votes` holds the party columns ({Con: 123, …}); `otherVotes` is
 * "All other candidates", of which `otherWinnerVotes` went to a winner without a column.
 * Winner and runner-up votes are null only where the file does not let them be known
 * (an independent beating another independent, for example).
 */
export const electionResults = pgTable(
  'election_results',
  {
    electionId: uuid('election_id').notNull().references(() => elections.id, { onDelete: 'cascade' }),
    constituencyCode: text('constituency_code').notNull().references(() => areas.code),
    name: text('name').notNull(),
    regionCode: text('region_code').notNull(),
    nationCode: text('nation_code').notNull(),
    electorate: integer('electorate').notNull(),
    validVotes: integer('valid_votes').notNull(),
    invalidVotes: integer('invalid_votes').notNull(),
    majority: integer('majority').notNull(),
    winner: text('winner').notNull(),
    winnerVotes: integer('winner_votes'),
    runnerUp: text('runner_up').notNull(),
    runnerUpVotes: integer('runner_up_votes'),
    votes: jsonb('votes').$type<Record<string, number>>().notNull(),
    otherVotes: integer('other_votes').notNull(),
    otherWinnerVotes: integer('other_winner_votes'),
    result: text('result').notNull(),
    memberName: text('member_name'),
    declaredAt: timestamp('declared_at', { mode: 'string' }),
  },
  (t) => [
    primaryKey({ columns: [t.electionId, t.constituencyCode] }),
    index('election_results_region_idx').on(t.electionId, t.regionCode),
    index('election_results_code_idx').on(t.constituencyCode),
  ],
);

/** A unit's saved list of target seats for an election. */
export const targetLists = pgTable(
  'target_lists',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull().references(() => organisations.id),
    unitId: uuid('unit_id').notNull().references(() => units.id, { onDelete: 'cascade' }),
    electionId: uuid('election_id').notNull().references(() => elections.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    notes: text('notes').notNull().default(''),
    /** How the list was made (e.g. a scenario), so it can be explained later. */
    basis: jsonb('basis').$type<Record<string, unknown>>().notNull().default({}),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('target_lists_unit_name_idx').on(t.unitId, t.name), index('target_lists_org_idx').on(t.orgId, t.createdAt)],
);

export const targetListSeats = pgTable(
  'target_list_seats',
  {
    targetListId: uuid('target_list_id').notNull().references(() => targetLists.id, { onDelete: 'cascade' }),
    constituencyCode: text('constituency_code').notNull().references(() => areas.code),
    position: integer('position').notNull(),
  },
  (t) => [primaryKey({ columns: [t.targetListId, t.constituencyCode] })],
);
