import { sql, type SQL } from 'drizzle-orm';

export const salienceSources = ['conversations', 'meetings'] as const;
export type SalienceSource = (typeof salienceSources)[number];

/** What every source of "people raising issues" yields, one row per person per issue raised. */
export interface SourceFilter {
  orgId: string;
  /** SQL condition over the owning unit column (scope, unit subtree). */
  unitWhere: (unitColumn: SQL) => SQL;
  /** SQL condition over the ward column (area), or null for everywhere. */
  wardWhere: ((wardColumn: SQL) => SQL) | null;
  /** First day counted and the day after the last (dates, Europe/London days). */
  from: string;
  to: string;
}

const startOfDay = (date: string) => sql`(${date}::date::timestamp at time zone 'Europe/London')`;

/**
 * Each source as SQL of rows `(unit_id, ward_code, issue_id, person_key, occurred_at)`: the unit
 * that owns the record (it decides suppression), where the person lives, what they raised, who
 * (a key distinct per person) and when. Both sources key a person by their id, so someone who
 * raised an issue in a conversation and at a meeting counts once. The salience queries union the
 * sources asked for and need nothing else.
 */
export const sourceRows: Record<SalienceSource, (f: SourceFilter) => SQL> = {
  conversations: (f) => sql`
    select ci.unit_id, ci.ward_code, ci.issue_id, ci.person_id as person_key, ci.occurred_at from conversation_issues ci
    where ci.org_id = ${f.orgId} and ci.deleted_at is null and ci.occurred_at >= ${startOfDay(f.from)} and ci.occurred_at < ${startOfDay(f.to)}
      and ${f.unitWhere(sql`ci.unit_id`)} ${f.wardWhere ? sql`and ${f.wardWhere(sql`ci.ward_code`)}` : sql``}`,
  // Attendees named as raising an issue at a meeting (decision 0012: an unnamed count is no person, so it stays in the meeting's own view).
  meetings: (f) => sql`
    select mp.unit_id, mp.ward_code, mp.issue_id, mp.person_id as person_key, mp.occurred_at from meeting_issue_people mp
    where mp.org_id = ${f.orgId} and mp.occurred_at >= ${startOfDay(f.from)} and mp.occurred_at < ${startOfDay(f.to)}
      and ${f.unitWhere(sql`mp.unit_id`)} ${f.wardWhere ? sql`and ${f.wardWhere(sql`mp.ward_code`)}` : sql``}`,
};
