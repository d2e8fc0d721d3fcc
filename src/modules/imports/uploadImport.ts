import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/connection.ts';
import { assertCan, type Actor } from '../accounts/actor.ts';
import { fieldRules } from '../custom-fields/queries.ts';
import { getUnit } from '../units/queries.ts';
import { decodeText, textChunks } from './decodeText.ts';
import { guessMapping } from './guessMapping.ts';
import { openCsv } from './readCsv.ts';
import { importFiles, importJobs } from './schema.ts';
import type { ImportJobRow } from './present.ts';

export const PREVIEW_ROWS = 10;
// An upload never started is not kept for ever: it is personal data nobody asked us to store.
const ABANDONED_AFTER = '1 day';

/** Reads a whole stored or uploaded text once: column names, the number of data rows and the first rows. */
export async function surveyCsv(text: string, previewRows = PREVIEW_ROWS) {
  const csv = await openCsv(textChunks(text));
  const preview: string[][] = [];
  let rows = 0;
  for await (const item of csv.rows) {
    rows++;
    if ('cells' in item && preview.length < previewRows) preview.push(item.cells.map((c) => c.slice(0, 500)));
  }
  return { columns: csv.columns, rows, preview };
}

/**
 * Stores an uploaded CSV as an import job in state `uploaded`: the encoding and shape are
 * checked, columns detected, a mapping guessed and the data rows counted. Needs
 * `people.import` on the target unit. Abandoned uploads of the organisation are cleared.
 */
export async function uploadImport(db: Db, actor: Actor, input: { unitId: string; fileName: string; bytes: Buffer }): Promise<{ job: ImportJobRow; preview: string[][] }> {
  const unit = await getUnit(db, input.unitId);
  assertCan(actor, 'people.import', unit.path);
  let text = '';
  for await (const piece of decodeText([input.bytes])) text += piece;
  const survey = await surveyCsv(text);
  const mapping = guessMapping(survey.columns, await fieldRules(db, unit.orgId));
  const job = await db.transaction(async (tx) => {
    await tx.execute(sql`
      delete from import_files f using import_jobs j
      where f.job_id = j.id and j.org_id = ${unit.orgId} and j.status = 'uploaded' and j.created_at < now() - ${ABANDONED_AFTER}::interval`);
    const [row] = await tx
      .insert(importJobs)
      .values({
        orgId: unit.orgId,
        unitId: unit.id,
        accountId: actor.via === 'system' ? null : actor.accountId,
        fileName: input.fileName,
        fileHash: createHash('sha256').update(input.bytes).digest('hex'),
        byteSize: input.bytes.length,
        columns: survey.columns,
        mapping,
        status: 'uploaded',
        totalRows: survey.rows,
      })
      .returning();
    await tx.insert(importFiles).values({ jobId: row!.id, orgId: unit.orgId, content: text });
    return row!;
  });
  return { job, preview: survey.preview };
}
