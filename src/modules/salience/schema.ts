import { sql } from 'drizzle-orm';
import { date, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Issue salience precomputed for the standard periods (the last 30, 90 and 365 days up to the
 * end of `as_of`), so large scopes (a region, the whole organisation) are answered from a few
 * thousand rows instead of millions of raised issues. Each person counts once per issue in a
 * period, in the unit and ward of their latest raising of it there; cells are kept for every
 * unit on the owning unit's path (`scope_unit_id`), so any subtree is read directly. `ward_code`
 * '' means all wards and a null `issue_id` any issue. `owner_unit_id` is the one owning unit of
 * every person counted, when there is one (it decides suppression); `rank` orders a ward's
 * issues by people (1 = most), for naming each ward's top issue without reading them all.
 * Rebuilt whole by `tredegar salience refresh`; the rows are aggregates, never people.
 */
export const salienceCells = pgTable(
  'salience_cells',
  {
    orgId: uuid('org_id').notNull(),
    periodDays: integer('period_days').notNull(),
    asOf: date('as_of').notNull(),
    scopeUnitId: uuid('scope_unit_id').notNull(),
    wardCode: text('ward_code').notNull(),
    issueId: uuid('issue_id'),
    people: integer('people').notNull(),
    ownerUnitId: uuid('owner_unit_id'),
    rank: integer('rank'),
  },
  (t) => [
    // Rankings (all-wards cells per issue), and one issue (or any issue) in every ward.
    index('salience_cells_issue_idx').on(t.orgId, t.periodDays, t.scopeUnitId, t.issueId, t.wardCode),
    // Rankings and totals: the all-wards cells alone.
    index('salience_cells_all_wards_idx').on(t.orgId, t.periodDays, t.scopeUnitId, t.issueId).where(sql`${t.wardCode} = ''`),
    // Each ward's leading issues, without reading the others.
    index('salience_cells_top_idx').on(t.orgId, t.periodDays, t.scopeUnitId, t.wardCode).where(sql`${t.rank} <= 3`),
    // An area's ward cells for every issue (its ranking and total), without reading the whole period.
    index('salience_cells_ward_idx').on(t.orgId, t.periodDays, t.scopeUnitId, t.wardCode),
  ],
);

/** Weekly distinct people per issue (null: any issue) for every unit on the owning unit's path, for trends. */
export const salienceWeekCells = pgTable(
  'salience_week_cells',
  {
    orgId: uuid('org_id').notNull(),
    week: date('week').notNull(),
    scopeUnitId: uuid('scope_unit_id').notNull(),
    issueId: uuid('issue_id'),
    people: integer('people').notNull(),
    ownerUnitId: uuid('owner_unit_id'),
  },
  (t) => [index('salience_week_cells_lookup_idx').on(t.orgId, t.scopeUnitId, t.issueId, t.week)],
);

/** When each organisation's summaries were last rebuilt, and for which day. */
export const salienceRefreshes = pgTable('salience_refreshes', {
  orgId: uuid('org_id').primaryKey(),
  asOf: date('as_of').notNull(),
  refreshedAt: timestamp('refreshed_at', { withTimezone: true }).notNull(),
  seconds: integer('seconds').notNull(),
});
