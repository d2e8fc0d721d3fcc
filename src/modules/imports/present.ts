import { z } from 'zod';
import { importFields } from './fields.ts';
import { importStatuses, type importJobs } from './schema.ts';

export type ImportJobRow = typeof importJobs.$inferSelect;

const fieldProblem = z.object({
  field: z.string().nullable().describe('the field (firstName, email, tags, custom:<key>…); null for the row as a whole'),
  column: z.string().nullable().describe('the column the value came from, when one did'),
  message: z.string(),
});

/** An import job as the API shows it. */
export const importJobView = z.object({
  id: z.string().uuid(),
  unitId: z.string().uuid(),
  fileName: z.string(),
  byteSize: z.number().int(),
  status: z.enum(importStatuses),
  totalRows: z.number().int(),
  committedRows: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  errorCount: z.number().int(),
  columns: z.array(z.string()),
  mapping: z.record(z.string(), z.string()),
  failureMessage: z.string().nullable(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
});
export type ImportJobView = z.infer<typeof importJobView>;

/** The upload answer: the job, the first rows as they are in the file, and the fields a column can map to. */
export const uploadView = importJobView.extend({
  preview: z.array(z.array(z.string())).describe('the first rows after the header, as text'),
  fields: z.array(z.string()).describe('mapping targets: these, custom:<key> for each custom field, or ignore'),
});

export const previewRowView = z.object({
  row: z.number().int().describe('row number as a spreadsheet shows it (the header is row 1)'),
  outcome: z.enum(['created', 'updated', 'unchanged', 'error']),
  errors: z.array(fieldProblem),
});

/** A dry run of the whole file with a mapping. */
export const previewView = z.object({
  totalRows: z.number().int(),
  counts: z.object({ create: z.number().int(), update: z.number().int(), unchanged: z.number().int(), error: z.number().int() }),
  rows: z.array(previewRowView).describe('the first rows, with what would happen to each'),
  errors: z.array(z.object({ row: z.number().int(), errors: z.array(fieldProblem) })).describe('the first errors anywhere in the file'),
});

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** Job row → API view. */
export function presentJob(job: ImportJobRow): ImportJobView {
  return {
    id: job.id,
    unitId: job.unitId,
    fileName: job.fileName,
    byteSize: job.byteSize,
    status: job.status,
    totalRows: job.totalRows,
    committedRows: job.committedRows,
    created: job.createdCount,
    updated: job.updatedCount,
    unchanged: job.unchangedCount,
    errorCount: job.errorCount,
    columns: job.columns,
    mapping: job.mapping,
    failureMessage: job.failureMessage,
    createdAt: job.createdAt.toISOString(),
    startedAt: iso(job.startedAt),
    finishedAt: iso(job.finishedAt),
  };
}

/** Standard mapping targets, for a client building a mapping form. */
export const standardFields = importFields.filter((f) => f !== 'ignore');
