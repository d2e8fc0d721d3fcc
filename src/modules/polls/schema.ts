import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { eventRsvps, events } from '../events/schema.ts';
import { organisations, units } from '../units/schema.ts';

export const questionKinds = ['single_choice', 'multiple_choice', 'scale', 'ranking', 'open_text'] as const;
export type QuestionKind = (typeof questionKinds)[number];

/** An answer option; `id` never changes once given, so every stored vote keeps its meaning. */
export interface QuestionOption {
  id: string;
  label: string;
}

/** A listening programme: one question bank asked across many meetings in a unit's subtree. */
export const programmes = pgTable(
  'programmes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull().references(() => organisations.id),
    unitId: uuid('unit_id').notNull().references(() => units.id),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('programmes_unit_created_idx').on(t.unitId, t.createdAt, t.id), index('programmes_org_created_idx').on(t.orgId, t.createdAt, t.id)],
);

/**
 * A question of a programme's bank. Its id is what every meeting's schedule and every vote
 * refer to, so the wording and options of a question that has answers are frozen (an edit is
 * refused; a new question is asked instead).
 */
export const programmeQuestions = pgTable(
  'programme_questions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull(),
    programmeId: uuid('programme_id').notNull().references(() => programmes.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    kind: text('kind', { enum: questionKinds }).notNull(),
    prompt: text('prompt').notNull(),
    options: jsonb('options').$type<QuestionOption[]>().notNull().default([]),
    scaleMin: integer('scale_min'),
    scaleMax: integer('scale_max'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('programme_questions_programme_idx').on(t.programmeId, t.position)],
);

/** A meeting (event) taking part in a programme, with the questions it asks in order. An event is in one programme at most. */
export const programmeMeetings = pgTable(
  'programme_meetings',
  {
    eventId: uuid('event_id').primaryKey().references(() => events.id, { onDelete: 'cascade' }),
    programmeId: uuid('programme_id').notNull().references(() => programmes.id, { onDelete: 'cascade' }),
    orgId: uuid('org_id').notNull(),
    questionIds: uuid('question_ids').array().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('programme_meetings_programme_idx').on(t.programmeId, t.createdAt)],
);

export const sessionStatuses = ['open', 'closed'] as const;

/** The live poll of one meeting: participants join it by `join_code` (or its QR code). */
export const pollSessions = pgTable(
  'poll_sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull(),
    eventId: uuid('event_id').notNull().references(() => events.id, { onDelete: 'cascade' }),
    programmeId: uuid('programme_id').notNull().references(() => programmes.id, { onDelete: 'cascade' }),
    joinCode: text('join_code').notNull(),
    status: text('status', { enum: sessionStatuses }).notNull().default('open'),
    openedBy: uuid('opened_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('poll_sessions_event_idx').on(t.eventId), uniqueIndex('poll_sessions_code_idx').on(t.joinCode), index('poll_sessions_programme_idx').on(t.programmeId)],
);

export const questionStates = ['open', 'closed'] as const;

/** A question as put in one session: opened once, and once closed its votes are final. */
export const pollSessionQuestions = pgTable(
  'poll_session_questions',
  {
    sessionId: uuid('session_id').notNull().references(() => pollSessions.id, { onDelete: 'cascade' }),
    questionId: uuid('question_id').notNull().references(() => programmeQuestions.id),
    state: text('state', { enum: questionStates }).notNull(),
    openedAt: timestamp('opened_at', { withTimezone: true }).notNull().defaultNow(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.questionId] })],
);

/** Someone taking part without an account: only the hash of their random token is kept; `rsvp_id` when they linked their ticket. */
export const pollParticipants = pgTable(
  'poll_participants',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull(),
    sessionId: uuid('session_id').notNull().references(() => pollSessions.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull(),
    rsvpId: uuid('rsvp_id').references(() => eventRsvps.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('poll_participants_token_idx').on(t.tokenHash), index('poll_participants_session_idx').on(t.sessionId)],
);

/**
 * A participant's current answer to a question, one row per participant and question: a changed
 * vote replaces the row, so every tally is a plain count over current rows. The programme, meeting
 * and unit are copied on so roll-ups read one table; `breakout_id` names the published breakout
 * group of a participant linked to their RSVP (null otherwise).
 */
export const pollVotes = pgTable(
  'poll_votes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull(),
    programmeId: uuid('programme_id').notNull().references(() => programmes.id, { onDelete: 'cascade' }),
    eventId: uuid('event_id').notNull().references(() => events.id, { onDelete: 'cascade' }),
    unitId: uuid('unit_id').notNull(),
    sessionId: uuid('session_id').notNull().references(() => pollSessions.id, { onDelete: 'cascade' }),
    breakoutId: uuid('breakout_id'),
    questionId: uuid('question_id').notNull().references(() => programmeQuestions.id),
    participantId: uuid('participant_id').notNull().references(() => pollParticipants.id, { onDelete: 'cascade' }),
    optionIds: text('option_ids').array().notNull().default(sql`'{}'::text[]`),
    value: integer('value'),
    text: text('text'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('poll_votes_participant_question_idx').on(t.participantId, t.questionId),
    index('poll_votes_programme_question_idx').on(t.programmeId, t.questionId),
    index('poll_votes_session_question_idx').on(t.sessionId, t.questionId),
    index('poll_votes_question_idx').on(t.questionId),
  ],
);
