import { index, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { events } from '../events/schema.ts';
import { pollVotes, programmeQuestions, programmes } from './schema.ts';

/**
 * A theme of the open-text answers to one question, confirmed by a facilitator (for their
 * breakout group), a host (for the meeting) or an organiser (for the programme). `scope_key` is
 * `breakout:<id>`, `event:<id>` or `programme:<id>`; `label_key` is the label as compared, so
 * themes with the same label are combined when counts roll up. `unit_id` is the owning unit (the
 * meeting's, or the programme's).
 */
export const pollThemes = pgTable(
  'poll_themes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull(),
    programmeId: uuid('programme_id').notNull().references(() => programmes.id, { onDelete: 'cascade' }),
    questionId: uuid('question_id').notNull().references(() => programmeQuestions.id, { onDelete: 'cascade' }),
    eventId: uuid('event_id').references(() => events.id, { onDelete: 'cascade' }),
    breakoutId: uuid('breakout_id'),
    unitId: uuid('unit_id').notNull(),
    scopeKey: text('scope_key').notNull(),
    label: text('label').notNull(),
    labelKey: text('label_key').notNull(),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('poll_themes_scope_idx').on(t.questionId, t.scopeKey), index('poll_themes_programme_question_idx').on(t.programmeId, t.questionId, t.labelKey)],
);

/** An answer (a vote, never its participant) placed in a confirmed theme: at most one theme per answer in each scope. */
export const pollThemeAnswers = pgTable(
  'poll_theme_answers',
  {
    scopeKey: text('scope_key').notNull(),
    voteId: uuid('vote_id').notNull().references(() => pollVotes.id, { onDelete: 'cascade' }),
    themeId: uuid('theme_id').notNull().references(() => pollThemes.id, { onDelete: 'cascade' }),
    orgId: uuid('org_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.scopeKey, t.voteId] }), index('poll_theme_answers_theme_idx').on(t.themeId), index('poll_theme_answers_vote_idx').on(t.voteId)],
);

/** A suggestion a facilitator rejected in a scope: its key term is not grouped by there again. */
export const pollThemeRejections = pgTable(
  'poll_theme_rejections',
  {
    questionId: uuid('question_id').notNull().references(() => programmeQuestions.id, { onDelete: 'cascade' }),
    scopeKey: text('scope_key').notNull(),
    term: text('term').notNull(),
    orgId: uuid('org_id').notNull(),
    rejectedBy: uuid('rejected_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.questionId, t.scopeKey, t.term] })],
);
