import { and, asc, eq, gt } from 'drizzle-orm';
import type { Db } from '../../db/connection.ts';
import { csvLines } from '../people/exportPeople.ts';
import type { ImportJobRow } from './present.ts';
import { importErrors } from './schema.ts';

const PAGE = 1000;

/**
 * A job's error report as CSV, a page of rows at a time: one line per problem with the row
 * number, field, column and message, then the row's original cells under the file's own
 * headers (so the report can be corrected and imported again). Cells are formula-escaped.
 */
export async function* errorReport(db: Db, job: ImportJobRow): AsyncGenerator<string> {
  yield `\uFEFF${csvLines([['row', 'field', 'column', 'message', ...job.columns]])}`;
  let after = 0;
  for (;;) {
    const rows = await db
      .select()
      .from(importErrors)
      .where(and(eq(importErrors.jobId, job.id), gt(importErrors.rowNumber, after)))
      .orderBy(asc(importErrors.rowNumber))
      .limit(PAGE);
    if (rows.length === 0) return;
    yield csvLines(rows.flatMap((r) => r.errors.map((e) => [String(r.rowNumber), e.field, e.column, e.message, ...r.cells])));
    if (rows.length < PAGE) return;
    after = rows[rows.length - 1]!.rowNumber;
  }
}
