import { eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '../../db/connection.ts';
import { execute } from '../../db/execute.ts';
import { conflict, validationFailed } from '../../server/errors.ts';
import { diffFields, recordAudit } from '../audit/recordAudit.ts';
import { customFieldDefinitions } from '../people/schema.ts';
import type { createFieldBody, updateFieldBody } from './inputs.ts';
import { MAX_FIELDS_PER_ORG } from './queries.ts';

type Field = typeof customFieldDefinitions.$inferSelect;
interface AuditInfo { actorAccountId: string; requestId?: string }

/** Defines a new custom field; keys are unique in the organisation. */
export async function createField(tx: Db, orgId: string, input: z.infer<typeof createFieldBody>, info: AuditInfo): Promise<Field> {
  // Serialises definitions per organisation so the cap below holds under concurrent requests.
  await tx.execute(sql`select 1 from organisations where id = ${orgId} for update`);
  const [n] = await execute<{ n: number }>(tx, sql`select count(*)::int as n from custom_field_definitions where org_id = ${orgId}`);
  if ((n?.n ?? 0) >= MAX_FIELDS_PER_ORG) throw validationFailed(`An organisation can have at most ${MAX_FIELDS_PER_ORG} custom fields.`);
  const [field] = await tx
    .insert(customFieldDefinitions)
    .values({ orgId, key: input.key, label: input.label, type: input.type, choices: input.choices, required: input.required })
    .onConflictDoNothing()
    .returning();
  if (!field) throw conflict(`A custom field with the key "${input.key}" already exists.`, [{ path: 'key', message: 'Already used.' }]);
  await recordAudit(tx, { actorAccountId: info.actorAccountId, action: 'custom_field.create', entityType: 'custom_field', entityId: field.id, orgId, changes: { key: field.key, label: field.label, type: field.type, choices: field.choices, required: field.required }, requestId: info.requestId });
  return field;
}

/** Changes a field's label, choices or whether it is required (key and type never change). */
export async function updateField(tx: Db, field: Field, patch: z.infer<typeof updateFieldBody>, info: AuditInfo): Promise<Field> {
  const isChoice = field.type === 'single_choice' || field.type === 'multiple_choice';
  if (patch.choices !== undefined && (isChoice ? patch.choices.length === 0 : patch.choices.length > 0)) {
    throw validationFailed('Choices do not fit this field.', [{ path: 'choices', message: isChoice ? 'A choice field needs at least one choice.' : 'Only choice fields have choices.' }]);
  }
  const changes = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
  const diff = diffFields(field as unknown as Record<string, unknown>, changes);
  if (Object.keys(diff).length === 0) return field;
  const [after] = await tx.update(customFieldDefinitions).set(changes).where(eq(customFieldDefinitions.id, field.id)).returning();
  await recordAudit(tx, { actorAccountId: info.actorAccountId, action: 'custom_field.update', entityType: 'custom_field', entityId: field.id, orgId: field.orgId, changes: { key: field.key, ...diff }, requestId: info.requestId });
  return after!;
}

/** Deletes a field and its values from every person of the organisation (data not kept without purpose). */
export async function deleteField(tx: Db, field: Field, info: AuditInfo): Promise<void> {
  await tx.delete(customFieldDefinitions).where(eq(customFieldDefinitions.id, field.id));
  const cleared = await execute<{ id: string }>(tx, sql`
    update people set custom_fields = custom_fields - ${field.key}
    where org_id = ${field.orgId} and custom_fields ? ${field.key} returning id`);
  await recordAudit(tx, { actorAccountId: info.actorAccountId, action: 'custom_field.delete', entityType: 'custom_field', entityId: field.id, orgId: field.orgId, changes: { key: field.key, label: field.label, cleared: cleared.length }, requestId: info.requestId });
}
