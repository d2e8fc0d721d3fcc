import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { areas } from '../areas/schema.ts';
import { events } from '../events/schema.ts';
import { issues } from '../issues/schema.ts';
import { people } from '../people/schema.ts';
import { organisations, units } from '../units/schema.ts';

/** The organising cycle, in order. A campaign may move forward freely; moving back needs a reason. */
export const campaignPhases = ['build_relationships', 'identify_issues', 'choose_issue', 'organise_act', 'close_evaluate'] as const;
export type CampaignPhase = (typeof campaignPhases)[number];

/**
 * A campaign run by a unit: the issue it takes on (from the organisation's taxonomy), what it
 * demands, its goal and deadline, and where it stands in the organising cycle. `phase` is the
 * current phase; every change of phase is in `campaign_phase_changes`.
 */
export const campaigns = pgTable(
  'campaigns',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull().references(() => organisations.id),
    unitId: uuid('unit_id').notNull().references(() => units.id),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    issueId: uuid('issue_id').references(() => issues.id),
    demand: text('demand').notNull().default(''),
    goal: text('goal').notNull().default(''),
    deadline: date('deadline', { mode: 'string' }),
    phase: text('phase', { enum: campaignPhases }).notNull().default('build_relationships'),
    phaseChangedAt: timestamp('phase_changed_at', { withTimezone: true }).notNull().defaultNow(),
    createdBy: uuid('created_by'),
    updatedBy: uuid('updated_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('campaigns_unit_created_idx').on(t.unitId, t.createdAt, t.id),
    index('campaigns_org_created_idx').on(t.orgId, t.createdAt, t.id),
    index('campaigns_issue_idx').on(t.issueId).where(sql`${t.issueId} is not null`),
  ],
);

/** The areas (ONS codes) a campaign covers: its listening evidence is counted among people living there. */
export const campaignAreas = pgTable(
  'campaign_areas',
  {
    campaignId: uuid('campaign_id').notNull().references(() => campaigns.id, { onDelete: 'cascade' }),
    areaCode: text('area_code').notNull().references(() => areas.code),
  },
  (t) => [primaryKey({ columns: [t.campaignId, t.areaCode] })],
);

/** Every change of phase, the first (the campaign starting) included; `reason` is required for a move backwards. Append-only. */
export const campaignPhaseChanges = pgTable(
  'campaign_phase_changes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull(),
    campaignId: uuid('campaign_id').notNull().references(() => campaigns.id, { onDelete: 'cascade' }),
    fromPhase: text('from_phase', { enum: campaignPhases }),
    toPhase: text('to_phase', { enum: campaignPhases }).notNull(),
    reason: text('reason'),
    changedBy: uuid('changed_by'),
    changedAt: timestamp('changed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('campaign_phase_changes_campaign_idx').on(t.campaignId, t.changedAt, t.id)],
);

/** The people on a campaign's team, with their role in it; leaders are marked. */
export const campaignTeam = pgTable(
  'campaign_team',
  {
    campaignId: uuid('campaign_id').notNull().references(() => campaigns.id, { onDelete: 'cascade' }),
    personId: uuid('person_id').notNull().references(() => people.id, { onDelete: 'cascade' }),
    orgId: uuid('org_id').notNull(),
    role: text('role').notNull().default(''),
    isLeader: boolean('is_leader').notNull().default(false),
    addedBy: uuid('added_by'),
    addedAt: timestamp('added_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.campaignId, t.personId] }), index('campaign_team_person_idx').on(t.personId)],
);

export const actorKinds = ['person', 'institution'] as const;
export type ActorKind = (typeof actorKinds)[number];
export const targetMarks = ['primary', 'secondary'] as const;
export type TargetMark = (typeof targetMarks)[number];

/**
 * Someone on a campaign's power map: a person in our records (`person_id`) or a person or
 * institution outside them, named in free text. `institution_id` is left for partner
 * institutions when they are records of their own. Influence 1–5, stance −2 (opposed) to +2
 * (supportive); `target` marks the primary and secondary targets of the demand.
 */
export const powerMapActors = pgTable(
  'power_map_actors',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull(),
    campaignId: uuid('campaign_id').notNull().references(() => campaigns.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: actorKinds }).notNull(),
    personId: uuid('person_id').references(() => people.id, { onDelete: 'set null' }),
    institutionId: uuid('institution_id'),
    name: text('name').notNull(),
    position: text('position').notNull().default(''),
    influence: integer('influence').notNull(),
    stance: integer('stance').notNull(),
    selfInterest: text('self_interest').notNull().default(''),
    target: text('target', { enum: targetMarks }),
    notes: text('notes').notNull().default(''),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('power_map_actors_campaign_idx').on(t.campaignId, t.influence, t.id),
    index('power_map_actors_person_idx').on(t.personId).where(sql`${t.personId} is not null`),
    check('power_map_actors_influence_range', sql`${t.influence} between 1 and 5`),
    check('power_map_actors_stance_range', sql`${t.stance} between -2 and 2`),
  ],
);

/** A relationship between two actors of one power map ("funds", "answers to", "sits on the board of"). */
export const powerMapLinks = pgTable(
  'power_map_links',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull(),
    campaignId: uuid('campaign_id').notNull().references(() => campaigns.id, { onDelete: 'cascade' }),
    fromActorId: uuid('from_actor_id').notNull().references(() => powerMapActors.id, { onDelete: 'cascade' }),
    toActorId: uuid('to_actor_id').notNull().references(() => powerMapActors.id, { onDelete: 'cascade' }),
    description: text('description').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('power_map_links_pair_idx').on(t.fromActorId, t.toActorId),
    index('power_map_links_campaign_idx').on(t.campaignId),
    index('power_map_links_to_idx').on(t.toActorId),
    check('power_map_links_not_self', sql`${t.fromActorId} <> ${t.toActorId}`),
  ],
);

/** One of our people who has a relationship with an actor: the way in to them. */
export const powerMapContacts = pgTable(
  'power_map_contacts',
  {
    actorId: uuid('actor_id').notNull().references(() => powerMapActors.id, { onDelete: 'cascade' }),
    personId: uuid('person_id').notNull().references(() => people.id, { onDelete: 'cascade' }),
    orgId: uuid('org_id').notNull(),
    campaignId: uuid('campaign_id').notNull().references(() => campaigns.id, { onDelete: 'cascade' }),
    relationship: text('relationship').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.actorId, t.personId] }), index('power_map_contacts_person_idx').on(t.personId), index('power_map_contacts_campaign_idx').on(t.campaignId)],
);

/**
 * Something a campaign won. `description` and the headline may appear on the unit's public wins
 * page, so they must not name people; `evidence` (links, letters, minutes) stays inside.
 */
export const wins = pgTable(
  'wins',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull(),
    unitId: uuid('unit_id').notNull().references(() => units.id),
    campaignId: uuid('campaign_id').notNull().references(() => campaigns.id, { onDelete: 'cascade' }),
    wonOn: date('won_on', { mode: 'string' }).notNull(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    evidence: text('evidence').notNull().default(''),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('wins_unit_won_idx').on(t.unitId, t.wonOn, t.id),
    index('wins_campaign_idx').on(t.campaignId, t.wonOn),
  ],
);

/** Whether a unit's wins page is public (served without signing in, no personal data). No row: private. */
export const winsPages = pgTable('wins_pages', {
  unitId: uuid('unit_id').primaryKey().references(() => units.id),
  orgId: uuid('org_id').notNull(),
  isPublic: boolean('is_public').notNull().default(false),
  changedBy: uuid('changed_by'),
  changedAt: timestamp('changed_at', { withTimezone: true }).notNull().defaultNow(),
});

export const actionStatuses = ['planned', 'done', 'cancelled'] as const;
export type ActionStatus = (typeof actionStatuses)[number];
/** How the target answered the asks. */
export const responseOutcomes = ['none', 'refused', 'partial', 'conceded'] as const;
export type ResponseOutcome = (typeof responseOutcomes)[number];

/**
 * A public action of a campaign: a title, a date, an optional event of kind "action" (in the
 * campaign's unit or below) that people check in at, an optional target from the campaign's
 * power map, the asks put to them, a turnout goal and the target's response. Actual turnout is
 * `turnout` when someone recorded it, else the linked event's check-ins. The evaluation (what
 * went well, what to improve, and the leaders who stepped up in `campaign_action_leaders`) is
 * written once the action is done.
 */
export const campaignActions = pgTable(
  'campaign_actions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull(),
    unitId: uuid('unit_id').notNull().references(() => units.id),
    campaignId: uuid('campaign_id').notNull().references(() => campaigns.id, { onDelete: 'cascade' }),
    eventId: uuid('event_id').references(() => events.id, { onDelete: 'set null' }),
    targetActorId: uuid('target_actor_id').references(() => powerMapActors.id, { onDelete: 'set null' }),
    title: text('title').notNull(),
    actionOn: date('action_on', { mode: 'string' }).notNull(),
    asks: jsonb('asks').$type<string[]>().notNull().default([]),
    turnoutGoal: integer('turnout_goal'),
    turnout: integer('turnout'),
    responseText: text('response_text').notNull().default(''),
    responseOutcome: text('response_outcome', { enum: responseOutcomes }).notNull().default('none'),
    status: text('status', { enum: actionStatuses }).notNull().default('planned'),
    wentWell: text('went_well'),
    toImprove: text('to_improve'),
    evaluatedAt: timestamp('evaluated_at', { withTimezone: true }),
    evaluatedBy: uuid('evaluated_by'),
    createdBy: uuid('created_by'),
    updatedBy: uuid('updated_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('campaign_actions_campaign_idx').on(t.campaignId, t.actionOn, t.id),
    index('campaign_actions_event_idx').on(t.eventId).where(sql`${t.eventId} is not null`),
    index('campaign_actions_target_idx').on(t.targetActorId).where(sql`${t.targetActorId} is not null`),
    check('campaign_actions_goal_range', sql`${t.turnoutGoal} is null or ${t.turnoutGoal} >= 0`),
    check('campaign_actions_turnout_range', sql`${t.turnout} is null or ${t.turnout} >= 0`),
    check('campaign_actions_evaluated_done', sql`${t.evaluatedAt} is null or ${t.status} = 'done'`),
  ],
);

/** The people an action's evaluation names as leaders who stepped up (they count on the ladder as actions led). */
export const campaignActionLeaders = pgTable(
  'campaign_action_leaders',
  {
    actionId: uuid('action_id').notNull().references(() => campaignActions.id, { onDelete: 'cascade' }),
    personId: uuid('person_id').notNull().references(() => people.id, { onDelete: 'cascade' }),
    orgId: uuid('org_id').notNull(),
    campaignId: uuid('campaign_id').notNull().references(() => campaigns.id, { onDelete: 'cascade' }),
    addedBy: uuid('added_by'),
    addedAt: timestamp('added_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.actionId, t.personId] }), index('campaign_action_leaders_person_idx').on(t.personId)],
);
