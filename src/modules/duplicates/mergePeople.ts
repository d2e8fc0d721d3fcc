import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/connection.ts';
import { arrayParam } from '../../db/arrayParam.ts';
import { forbidden, notFound, validationFailed } from '../../server/errors.ts';
import { can, inScope, type Actor } from '../accounts/actor.ts';
import { diffFields, recordAudit } from '../audit/recordAudit.ts';
import type { PersonRow } from '../people/present.ts';
import { refreshSearchText } from '../people/refreshSearchText.ts';
import { people } from '../people/schema.ts';
import { units } from '../units/schema.ts';
import { personReferences, repointStatements } from './personReferences.ts';
import { auditActorId } from '../accounts/systemActor.ts';

/** Fields of a person a merge can take from any of the records. */
export const mergeFields = [
  'firstName', 'lastName', 'addressLine1', 'addressLine2', 'town', 'postcode', 'wardCode', 'constituencyCode',
  'membershipStatus', 'membershipNumber', 'joinedOn', 'unitId',
] as const;
type MergeField = (typeof mergeFields)[number];

export const mergeBody = z.strictObject({
  survivorId: z.string().uuid().describe('the record that stays'),
  otherIds: z.array(z.string().uuid()).min(1).max(20).describe('records merged into the survivor, then deleted'),
  choices: z
    .record(z.union([z.enum(mergeFields), z.string().regex(/^custom:[a-z][a-z0-9_]{0,39}$/)]), z.string().uuid())
    .default({})
    .describe('field (or custom:<key>) → id of the record whose value to keep; by default the survivor keeps its values and fills gaps from the others in order'),
});
export type MergeInput = z.infer<typeof mergeBody>;

const isEmpty = (field: string, v: unknown) => v === null || v === undefined || v === '' || (field === 'membershipStatus' && v === 'none');

/**
 * Merges people into a survivor in one transaction: chosen field values applied (otherwise
 * the survivor's, with empty ones filled from the others), everything pointing at the others
 * moved to the survivor (contacts, tags, import keys and every table in personReferences),
 * the others soft-deleted with `merged_into`, and the merge audited. Needs people.merge on
 * every record's unit; people the actor cannot read are a 404.
 */
export async function mergePeople(db: Db, actor: Actor, input: MergeInput, requestId?: string): Promise<{ survivor: PersonRow; mergedIds: string[] }> {
  const otherIds = [...new Set(input.otherIds)];
  if (otherIds.includes(input.survivorId)) throw validationFailed('The survivor cannot also be merged into itself.', [{ path: 'otherIds', message: 'Must not contain survivorId.' }]);
  const ids = [input.survivorId, ...otherIds];
  for (const [field, id] of Object.entries(input.choices)) {
    if (!ids.includes(id)) throw validationFailed('A choice names a record that is not part of the merge.', [{ path: `choices.${field}`, message: 'Must be the survivor or one of otherIds.' }]);
  }
  return db.transaction(async (tx) => {
    const found = await tx
      .select({ person: people, unitPath: units.path })
      .from(people)
      .innerJoin(units, sql`${units.id} = ${people.unitId}`)
      .where(sql`${people.id} = any(${arrayParam(ids)}::uuid[]) and ${people.deletedAt} is null and ${inScope(actor, 'people.read', people.unitId)}`)
      .for('update', { of: people });
    if (found.length !== ids.length) throw notFound('Person');
    if (found.some((f) => !can(actor, 'people.merge', f.unitPath))) throw forbidden('You need permission to merge people in every unit involved.');
    const byId = new Map(found.map((f) => [f.person.id, f.person]));
    const survivor = byId.get(input.survivorId)!;
    if (found.some((f) => f.person.orgId !== survivor.orgId)) throw validationFailed('People of different organisations cannot be merged.');
    const others = otherIds.map((id) => byId.get(id)!);

    const before: Record<string, unknown> = { ...survivor, customFields: survivor.customFields };
    const patch: Partial<Record<MergeField, unknown>> = {};
    for (const field of mergeFields) {
      const chosen = input.choices[field];
      if (chosen) patch[field] = byId.get(chosen)![field];
      else if (isEmpty(field, survivor[field])) {
        const donor = others.find((o) => !isEmpty(field, o[field]));
        if (donor) patch[field] = donor[field];
      }
    }
    const custom: Record<string, unknown> = {};
    for (const o of [...others].reverse()) Object.assign(custom, o.customFields);
    Object.assign(custom, survivor.customFields);
    for (const [field, id] of Object.entries(input.choices)) {
      if (!field.startsWith('custom:')) continue;
      const value = byId.get(id)!.customFields[field.slice(7)];
      if (value === undefined) delete custom[field.slice(7)];
      else custom[field.slice(7)] = value;
    }

    for (const ref of personReferences) {
      for (const statement of repointStatements(ref, survivor.id, otherIds)) await tx.execute(statement);
    }
    await tx.execute(sql`update people set deleted_at = now(), merged_into = ${survivor.id}, updated_at = now() where id = any(${arrayParam(otherIds)}::uuid[])`);
    // Records merged into the others earlier now point at the survivor too.
    await tx.execute(sql`update people set merged_into = ${survivor.id} where merged_into = any(${arrayParam(otherIds)}::uuid[])`);
    await tx.update(people).set({ ...(patch as Partial<typeof people.$inferInsert>), customFields: custom, updatedAt: new Date() }).where(sql`${people.id} = ${survivor.id}`);
    await refreshSearchText(tx, survivor.id);
    const [row] = await tx.select().from(people).where(sql`${people.id} = ${survivor.id}`);

    const changes = diffFields(
      Object.fromEntries([...mergeFields, 'customFields'].map((f) => [f, before[f]])),
      Object.fromEntries([...mergeFields, 'customFields'].map((f) => [f, (row as Record<string, unknown>)[f]])),
    );
    await recordAudit(tx, [
      {
        actorAccountId: auditActorId(actor),
        action: 'people.merge',
        entityType: 'person',
        entityId: survivor.id,
        orgId: survivor.orgId,
        unitId: row!.unitId,
        changes: { mergedIds: otherIds, choices: input.choices, fields: changes },
        requestId: requestId ?? null,
      },
      ...others.map((o) => ({
        actorAccountId: auditActorId(actor),
        action: 'people.merged_into',
        entityType: 'person',
        entityId: o.id,
        orgId: o.orgId,
        unitId: o.unitId,
        changes: { survivorId: survivor.id },
        requestId: requestId ?? null,
      })),
    ]);
    return { survivor: row!, mergedIds: otherIds };
  });
}
