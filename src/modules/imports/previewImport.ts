import type { Db } from '../../db/connection.ts';
import { conflict } from '../../server/errors.ts';
import type { Actor } from '../accounts/actor.ts';
import { fieldRules } from '../custom-fields/queries.ts';
import { textChunks } from './decodeText.ts';
import { checkMapping, type Mapping } from './fields.ts';
import type { ImportJobRow } from './present.ts';
import { loadJobFile } from './queries.ts';
import { openCsv } from './readCsv.ts';
import { runImport } from './runImport.ts';

/**
 * A dry run of a job's whole file with a mapping: what each of the first `rows` rows would do,
 * counts for every row, and the first errors anywhere. Nothing is written.
 */
export async function previewImport(db: Db, actor: Actor, job: ImportJobRow, mapping: Mapping, rows: number) {
  const customFields = await fieldRules(db, job.orgId);
  checkMapping(mapping, job.columns, customFields.map((f) => f.key));
  const content = await loadJobFile(db, job.id);
  if (content === null) throw conflict('The uploaded file is no longer stored; upload it again.');
  const csv = await openCsv(textChunks(content));
  try {
    const result = await runImport(db, {
      setup: { orgId: job.orgId, unitId: job.unitId, columns: csv.columns, mapping, customFields, actor },
      rows: csv.rows,
      previewRows: rows,
      sampleErrors: 50,
    });
    const c = result.counts;
    return {
      totalRows: result.rows,
      counts: { create: c.created, update: c.updated, unchanged: c.unchanged, error: c.errors },
      rows: result.preview,
      errors: result.errors.map((e) => ({ row: e.row, errors: e.errors })),
    };
  } finally {
    csv.close();
  }
}
