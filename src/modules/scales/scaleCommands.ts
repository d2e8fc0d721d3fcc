import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/connection.ts';
import { execute } from '../../db/execute.ts';
import { conflict, validationFailed } from '../../server/errors.ts';
import { diffFields, recordAudit } from '../audit/recordAudit.ts';
import { rangeProblems, type CreateScaleInput, type UpdateScaleInput } from './inputs.ts';
import { scales } from './schema.ts';
import type { ScaleRow } from './views.ts';

interface Who {
  accountId: string;
  requestId?: string;
}

/** Adds a scale to an organisation; a key already used is a 409. */
export async function createScale(db: Db, orgId: string, input: Omit<CreateScaleInput, 'orgId'>, who: Who): Promise<ScaleRow> {
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(scales).values({ ...input, description: input.description ?? null, orgId }).onConflictDoNothing({ target: [scales.orgId, scales.key] }).returning();
    if (!row) throw conflict(`There is already a scale with the key "${input.key}".`);
    await recordAudit(tx, { actorAccountId: who.accountId, action: 'scale.create', entityType: 'scale', entityId: row.id, orgId, changes: { key: row.key, label: row.label, minValue: row.minValue, maxValue: row.maxValue }, requestId: who.requestId });
    return row;
  });
}

/**
 * Changes a scale. Its range may change only while every assessment already made still fits,
 * so no recorded rating falls off the scale.
 */
export async function updateScale(tx: Db, scale: ScaleRow, patch: UpdateScaleInput, who: Who): Promise<ScaleRow> {
  const { archived, ...rest } = patch;
  const merged = { minValue: rest.minValue ?? scale.minValue, maxValue: rest.maxValue ?? scale.maxValue, pointLabels: rest.pointLabels ?? scale.pointLabels };
  const problems = rangeProblems(merged);
  if (problems.length > 0) throw validationFailed('The scale is not valid.', problems);
  if (merged.minValue > scale.minValue || merged.maxValue < scale.maxValue) {
    const [outside] = await execute<{ n: number }>(tx, sql`select count(*)::int as n from assessments where scale_id = ${scale.id} and deleted_at is null and (value < ${merged.minValue} or value > ${merged.maxValue})`);
    if (outside!.n > 0) throw conflict(`${outside!.n} assessments fall outside the new range; the range can only narrow to fit them.`, { assessments: outside!.n });
  }
  const set: Partial<typeof scales.$inferInsert> = { ...Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined)), updatedAt: new Date() };
  if (archived !== undefined) set.archivedAt = archived ? (scale.archivedAt ?? new Date()) : null;
  const [after] = await tx.update(scales).set(set).where(eq(scales.id, scale.id)).returning();
  const changes = diffFields(scale as unknown as Record<string, unknown>, after as unknown as Record<string, unknown>);
  delete changes.updatedAt;
  await recordAudit(tx, { actorAccountId: who.accountId, action: 'scale.update', entityType: 'scale', entityId: scale.id, orgId: scale.orgId, changes, requestId: who.requestId });
  return after!;
}
