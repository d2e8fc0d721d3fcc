import { bigint, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** The chain of entries that belong to no organisation (sign-ins, refused requests, API tokens). */
export const SYSTEM_CHAIN = '00000000-0000-0000-0000-000000000000';

/**
 * Append-only record of writes, exports, sign-ins and refused requests. Written in the same
 * transaction as the change it records (refusals in their own). `changes` holds field names
 * with before/after values for ordinary fields only.
 */
export const auditEvents = pgTable(
  'audit_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id'),
    unitId: uuid('unit_id'),
    actorAccountId: uuid('actor_account_id'),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id'),
    changes: jsonb('changes').$type<Record<string, unknown>>(),
    requestId: text('request_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    // The hash chain, filled by the database trigger `audit_events_chain` (see the
    // migration `audit_chain_trigger`) on every insert, whoever writes it; the defaults never survive it.
    chainKey: uuid('chain_key').notNull().default(SYSTEM_CHAIN),
    seq: bigint('seq', { mode: 'number' }).notNull().default(0),
    prevHash: text('prev_hash').notNull().default(''),
    hash: text('hash').notNull().default(''),
  },
  (t) => [
    index('audit_unit_time_idx').on(t.unitId, t.createdAt),
    index('audit_entity_idx').on(t.entityType, t.entityId),
    index('audit_actor_idx').on(t.actorAccountId, t.createdAt),
    // The log is read newest first, whole or by action; these keep both from sorting the table.
    index('audit_time_idx').on(t.createdAt, t.id),
    index('audit_action_time_idx').on(t.action, t.createdAt),
    // Verification walks one chain in order.
    index('audit_chain_seq_idx').on(t.chainKey, t.seq),
  ],
);

/**
 * The last entry of each chain (one per organisation, plus SYSTEM_CHAIN). Appending locks this
 * row until the transaction ends, so concurrent writers to one organisation's log take turns,
 * and the head also shows when entries were cut from the end of a chain.
 */
export const auditChainHeads = pgTable('audit_chain_heads', {
  chainKey: uuid('chain_key').primaryKey(),
  seq: bigint('seq', { mode: 'number' }).notNull(),
  hash: text('hash').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
