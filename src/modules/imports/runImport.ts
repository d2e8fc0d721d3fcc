import { sql } from 'drizzle-orm';
import type { Db } from '../../db/connection.ts';
import { arrayParam } from '../../db/arrayParam.ts';
import { execute } from '../../db/execute.ts';
import { conflict } from '../../server/errors.ts';
import { applyPlan } from './applyPlan.ts';
import { newPlanState, planBatch, type PlanState, type RowOutcome } from './planBatch.ts';
import type { CsvItem } from './readCsv.ts';
import { validateRows, type FieldProblem, type ImportSetup, type RowErrors } from './validateRows.ts';

/**
 * Rows per batch when the caller does not fix one: the first two batches are small, so the
 * first progress (and the first error) shows within a second, then each doubles up to
 * MAX_BATCH_SIZE, which spreads each batch's fixed cost (its transaction, lock, lookups and a
 * dozen statements) over many rows. Every size is a whole number of thousands.
 */
export const DEFAULT_BATCH_SIZE = 1000;
export const MAX_BATCH_SIZE = 10_000;

/** The size of batch number `n` (from 0) when the caller fixed none. */
export function batchSizeAt(n: number): number {
  return Math.min(MAX_BATCH_SIZE, DEFAULT_BATCH_SIZE * 2 ** Math.max(0, n - 1));
}

export interface ImportCounts {
  created: number;
  updated: number;
  unchanged: number;
  errors: number;
}

/** The job a real run writes progress to; without one the run is a dry run. */
export interface RunJob {
  id: string;
  committedRows: number;
  fileName: string;
  accountId: string | null;
}

export interface PreviewRow {
  row: number;
  outcome: RowOutcome | 'error';
  errors: FieldProblem[];
}

export interface RunOptions {
  setup: ImportSetup;
  rows: AsyncIterable<CsvItem>;
  job?: RunJob;
  /** Rows per batch; by default batches grow from 1,000 to MAX_BATCH_SIZE (see batchSizeAt). */
  batchSize?: number;
  /** Outcomes of the first this many rows are returned (for a preview). */
  previewRows?: number;
  /** How many errors to return from anywhere in the file. */
  sampleErrors?: number;
  signal?: AbortSignal;
  /** After each batch (committed, in a real run). */
  onProgress?: (rowsDone: number, counts: ImportCounts) => void;
  /** Every batch's errors, in row order (a dry run has nowhere else to keep them). */
  onErrors?: (errors: RowErrors[]) => void | Promise<void>;
}

export interface RunResult {
  rows: number;
  counts: ImportCounts;
  preview: PreviewRow[];
  errors: RowErrors[];
}

type Checked = Awaited<ReturnType<typeof validateRows>>;

/** Thrown between batches when the run is asked to stop (the server is shutting down). */
export class ImportStopped extends Error {}

async function commitBatch(db: Db, setup: ImportSetup, job: RunJob, items: CsvItem[], checked: Checked, rowsBefore: number, counts: ImportCounts) {
  const { valid, invalid } = checked;
  return db.transaction(async (tx) => {
    // Imports into one organisation take turns, so two files with the same new person cannot both create them.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`import:${setup.orgId}`}))`);
    const plan = await planBatch(tx, setup.orgId, valid, newPlanState());
    await applyPlan(tx, { orgId: setup.orgId, source: `import: ${job.fileName}`.slice(0, 200), createdBy: job.accountId }, plan);
    if (invalid.length > 0) {
      await tx.execute(sql`
        insert into import_errors (job_id, org_id, row_number, errors, cells)
        select ${job.id}::uuid, ${setup.orgId}::uuid, r, e, c
        from unnest(${arrayParam(invalid.map((i) => i.row))}::int[], ${arrayParam(invalid.map((i) => JSON.stringify(i.errors)))}::jsonb[],
          ${arrayParam(invalid.map((i) => JSON.stringify(i.cells.slice(0, 500).map((c) => c.slice(0, 1000)))))}::jsonb[]) as x(r, e, c)
        on conflict do nothing`);
    }
    const batch = tally(plan.outcomes, invalid.length);
    const rowsAfter = rowsBefore + items.length;
    // Progress moves in the same transaction as the rows, and only from where this run
    // expects it to be: a second process running the same job finds it moved and stops.
    const moved = await execute<{ id: string }>(tx, sql`
      update import_jobs set committed_rows = ${rowsAfter}, created_count = created_count + ${batch.created},
        updated_count = updated_count + ${batch.updated}, unchanged_count = unchanged_count + ${batch.unchanged},
        error_count = error_count + ${batch.errors}, heartbeat_at = now()
      where id = ${job.id} and committed_rows = ${rowsBefore} and status = 'running'
      returning id`);
    if (moved.length === 0) throw conflict('This import is being run by another process.');
    add(counts, batch);
    return { plan, invalid };
  });
}

function tally(outcomes: Map<number, RowOutcome>, errors: number): ImportCounts {
  const c: ImportCounts = { created: 0, updated: 0, unchanged: 0, errors };
  for (const o of outcomes.values()) c[o]++;
  return c;
}

function add(into: ImportCounts, more: ImportCounts) {
  into.created += more.created;
  into.updated += more.updated;
  into.unchanged += more.unchanged;
  into.errors += more.errors;
}

/**
 * Imports parsed rows in batches. With a job, each batch is validated, matched and written in
 * one transaction that also moves the job's progress, and rows the job already committed are
 * skipped, so an interrupted run resumes where it stopped. Without a job nothing is written:
 * the same validation and matching report what would happen (a dry run).
 */
export async function runImport(db: Db, opts: RunOptions): Promise<RunResult> {
  let batches = 0;
  const sizeOfNext = () => opts.batchSize ?? batchSizeAt(batches);
  const previewLimit = opts.previewRows ?? 0;
  const sampleLimit = opts.sampleErrors ?? 0;
  const skip = opts.job?.committedRows ?? 0;
  const counts: ImportCounts = { created: 0, updated: 0, unchanged: 0, errors: 0 };
  const preview: PreviewRow[] = [];
  const sample: RowErrors[] = [];
  const dryState: PlanState | null = opts.job ? null : newPlanState();
  let seen = 0;
  let done = skip;
  let batch: CsvItem[] = [];

  const write = async (items: CsvItem[], checked: Checked) => {
    let outcomes: Map<number, RowOutcome>;
    const invalid = checked.invalid;
    if (opts.job) {
      ({ plan: { outcomes } } = await commitBatch(db, opts.setup, opts.job, items, checked, done, counts));
    } else {
      outcomes = (await planBatch(db, opts.setup.orgId, checked.valid, dryState!)).outcomes;
      add(counts, tally(outcomes, invalid.length));
    }
    done += items.length;
    invalid.sort((a, b) => a.row - b.row);
    if (sample.length < sampleLimit) sample.push(...invalid.slice(0, sampleLimit - sample.length));
    if (preview.length < previewLimit) {
      const errorsByRow = new Map(invalid.map((i) => [i.row, i.errors]));
      for (const item of items.slice(0, previewLimit - preview.length)) {
        const errors = errorsByRow.get(item.row);
        preview.push({ row: item.row, outcome: errors ? 'error' : (outcomes.get(item.row) ?? 'unchanged'), errors: errors ?? [] });
      }
    }
    if (invalid.length > 0) await opts.onErrors?.(invalid);
    opts.onProgress?.(done, { ...counts });
  };

  // Batches are written strictly in order, but the next one is read and validated while the
  // previous one is being written, so parsing and checking overlap with the database's work.
  let writing: Promise<void> = Promise.resolve();
  const flush = async () => {
    if (batch.length === 0) return;
    if (opts.signal?.aborted) throw new ImportStopped('The import was stopped.');
    const items = batch;
    batch = [];
    batches++;
    const checking = validateRows(db, opts.setup, items);
    checking.catch(() => undefined);
    const previous = writing;
    writing = previous.then(async () => write(items, await checking));
    writing.catch(() => undefined);
    await previous;
  };

  try {
    for await (const item of opts.rows) {
      seen++;
      if (seen <= skip) continue;
      batch.push(item);
      if (batch.length >= sizeOfNext()) await flush();
    }
    await flush();
  } catch (err) {
    // Never leave a batch being written behind: the caller may close the database next.
    await writing.catch(() => undefined);
    throw err;
  }
  await writing;
  return { rows: done, counts, preview, errors: sample };
}
