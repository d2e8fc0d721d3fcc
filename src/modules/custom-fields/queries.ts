import { asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/connection.ts';
import { customFieldDefinitions } from '../people/schema.ts';
import type { CustomFieldDefinition } from './validateCustomFields.ts';

/** Most fields an organisation may define, so the list (and a form) is bounded. */
export const MAX_FIELDS_PER_ORG = 200;

/** An organisation's custom field definitions, in the order they were made. */
export async function loadFieldDefinitions(db: Db, orgId: string) {
  return db
    .select()
    .from(customFieldDefinitions)
    .where(eq(customFieldDefinitions.orgId, orgId))
    .orderBy(asc(customFieldDefinitions.createdAt), asc(customFieldDefinitions.key))
    .limit(MAX_FIELDS_PER_ORG);
}

/** Definitions in the shape `validateCustomFields` takes. */
export async function fieldRules(db: Db, orgId: string): Promise<CustomFieldDefinition[]> {
  return (await loadFieldDefinitions(db, orgId)).map((d) => ({ key: d.key, label: d.label, type: d.type, choices: d.choices, required: d.required }));
}
