import { index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const importStatuses = ['uploaded', 'running', 'completed', 'failed'] as const;
export type ImportStatus = (typeof importStatuses)[number];

/**
 * An import run. Rows are committed in batches; `committed_rows` moves forward in the same
 * transaction as each batch, so a killed import resumes exactly where the last batch ended.
 * `committed_rows` and `total_rows` count non-blank data rows.
 */
export const importJobs = pgTable(
  'import_jobs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull(),
    unitId: uuid('unit_id').notNull(),
    /** Null when the command line ran it (as the system). */
    accountId: uuid('account_id'),
    fileName: text('file_name').notNull(),
    fileHash: text('file_hash').notNull(),
    byteSize: integer('byte_size').notNull().default(0),
    /** Column names as detected (blank and repeated headers made unique), in file order. */
    columns: jsonb('columns').$type<string[]>().notNull().default([]),
    mapping: jsonb('mapping').$type<Record<string, string>>().notNull(),
    status: text('status', { enum: importStatuses }).notNull().default('running'),
    totalRows: integer('total_rows').notNull().default(0),
    committedRows: integer('committed_rows').notNull().default(0),
    createdCount: integer('created_count').notNull().default(0),
    updatedCount: integer('updated_count').notNull().default(0),
    unchangedCount: integer('unchanged_count').notNull().default(0),
    errorCount: integer('error_count').notNull().default(0),
    failureMessage: text('failure_message'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    startedAt: timestamp('started_at', { withTimezone: true }),
    /** Moved with every committed batch; a running job whose heartbeat is old was interrupted. */
    heartbeatAt: timestamp('heartbeat_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [index('import_jobs_org_hash_idx').on(t.orgId, t.fileHash), index('import_jobs_org_created_idx').on(t.orgId, t.createdAt, t.id)],
);

/**
 * The uploaded file of a job until the job completes, so the background run (on whichever app
 * server picks it up) can read it. Kept as text: encoding is checked at upload, and a job
 * row stays small for the progress polling that reads it many times.
 */
export const importFiles = pgTable('import_files', {
  jobId: uuid('job_id').primaryKey().references(() => importJobs.id, { onDelete: 'cascade' }),
  orgId: uuid('org_id').notNull(),
  content: text('content').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Rows that could not be imported, with their original cells for the error report. */
export const importErrors = pgTable(
  'import_errors',
  {
    jobId: uuid('job_id').notNull().references(() => importJobs.id, { onDelete: 'cascade' }),
    orgId: uuid('org_id').notNull(),
    rowNumber: integer('row_number').notNull(),
    errors: jsonb('errors').$type<{ field: string | null; column: string | null; message: string }[]>().notNull(),
    cells: jsonb('cells').$type<string[]>().notNull(),
  },
  (t) => [primaryKey({ columns: [t.jobId, t.rowNumber] })],
);

/** Which source rows have already produced a person: re-running a file changes nothing. */
export const importRowKeys = pgTable(
  'import_row_keys',
  {
    orgId: uuid('org_id').notNull(),
    rowHash: text('row_hash').notNull(),
    personId: uuid('person_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.rowHash] }), index('import_row_keys_person_idx').on(t.personId)],
);
