import { createHash } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/connection.ts';
import { arrayParam } from '../../db/arrayParam.ts';
import { execute } from '../../db/execute.ts';
import { AppError, forbidden, validationFailed } from '../../server/errors.ts';
import { can, inScope, scopePaths, type Actor } from '../accounts/actor.ts';
import type { FieldError } from '../custom-fields/validateCustomFields.ts';
import { checkNewPerson, type CheckedNewPerson } from '../people/checkPersonDetails.ts';
import { createPersonBody, type CreatePersonInput } from '../people/inputs.ts';
import { units } from '../units/schema.ts';
import type { NewPersonInput } from './inputs.ts';

export interface Participant {
  id: string;
  wardCode: string | null;
  isNew: boolean;
}
export interface NewPersonPlan {
  input: CreatePersonInput;
  checked: CheckedNewPerson;
}
export interface CheckedParticipants {
  unit: { id: string; orgId: string; path: string };
  people: Participant[];
  newPeople: NewPersonPlan[];
}

/** A stable id for the n-th new person of a conversation, so a replayed submission names the same people. */
export function derivedPersonId(conversationId: string, index: number): string {
  const h = createHash('sha256').update(`${conversationId}:person:${index}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${'89ab'[parseInt(h[16]!, 16) & 3]}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

async function unitFor(db: Db, actor: Actor, unitId: string) {
  const [unit] = await db.select({ id: units.id, orgId: units.orgId, path: units.path }).from(units).where(eq(units.id, unitId)).limit(1);
  if (!unit || !(can(actor, 'conversations.log', unit.path) || can(actor, 'conversations.read', unit.path) || can(actor, 'people.read', unit.path))) {
    throw validationFailed('Unknown unit.', [{ path: 'unitId', message: 'No unit with this id that you can see.' }]);
  }
  return unit;
}

/**
 * Checks who a conversation was with and which unit it belongs to: known people must be live
 * and readable by the caller (else a 422 naming them), all in one organisation; new people are
 * checked as the people module checks any new person, and need people.create on the unit.
 * Logging needs conversations.log on the unit (403 otherwise).
 */
export async function checkParticipants(db: Db, actor: Actor, conversationId: string, input: { unitId?: string; people: (string | NewPersonInput)[] }, source: string): Promise<CheckedParticipants> {
  const errors: FieldError[] = [];
  const knownIds = input.people.filter((p): p is string => typeof p === 'string');
  const found = knownIds.length === 0 ? [] : await execute<{ id: string; org_id: string; unit_id: string; ward_code: string | null }>(db, sql`
    select p.id, p.org_id, p.unit_id, p.ward_code from people p
    where p.id = any(${arrayParam(knownIds)}::uuid[]) and p.deleted_at is null and ${inScope(actor, 'people.read', sql`p.unit_id`)}`);
  const byId = new Map(found.map((p) => [p.id, p]));

  let unitId = input.unitId ?? knownIds.map((id) => byId.get(id)?.unit_id).find(Boolean);
  if (!unitId) {
    const paths = [...new Set(scopePaths(actor, 'conversations.log'))];
    const grants = actor.grants.filter((g) => paths.includes(g.unitPath));
    if (new Set(grants.map((g) => g.unitId)).size === 1) unitId = grants[0]!.unitId;
    else if (grants.length === 0) throw forbidden();
    else throw validationFailed('Say which unit this conversation belongs to.', [{ path: 'unitId', message: 'Required: you log conversations in more than one unit.' }]);
  }
  const unit = await unitFor(db, actor, unitId);
  if (!can(actor, 'conversations.log', unit.path)) throw forbidden('You cannot log conversations in this unit.');

  const seen = new Set<string>();
  const people: Participant[] = [];
  const newPeople: NewPersonPlan[] = [];
  for (const [i, p] of input.people.entries()) {
    if (typeof p === 'string') {
      const row = byId.get(p);
      if (!row) errors.push({ path: `people.${i}`, message: 'No person with this id that you can see.' });
      else if (row.org_id !== unit.orgId) errors.push({ path: `people.${i}`, message: 'This person belongs to another organisation.' });
      if (seen.has(p)) errors.push({ path: `people.${i}`, message: 'The same person is given twice.' });
      seen.add(p);
      people.push({ id: p, wardCode: row?.ward_code ?? null, isNew: false });
      continue;
    }
    if (!can(actor, 'people.create', unit.path)) throw forbidden('You cannot add people to this unit.');
    const id = p.id ?? derivedPersonId(conversationId, i);
    if (seen.has(id)) errors.push({ path: `people.${i}.id`, message: 'The same person is given twice.' });
    seen.add(id);
    const personInput = createPersonBody.parse({ id, unitId: unit.id, firstName: p.firstName, lastName: p.lastName, contacts: p.contacts, postcode: p.postcode ?? null, source });
    try {
      const checked = await checkNewPerson(db, unit.orgId, personInput);
      newPeople.push({ input: personInput, checked });
      people.push({ id, wardCode: checked.wardCode, isNew: true });
    } catch (err) {
      if (!(err instanceof AppError) || err.status !== 422) throw err;
      const details = Array.isArray(err.details) ? (err.details as FieldError[]) : [];
      errors.push(...details.map((d) => ({ path: `people.${i}.${d.path}`, message: d.message })));
      people.push({ id, wardCode: null, isNew: true });
    }
  }
  if (errors.length > 0) throw validationFailed('Some details are not valid.', errors);
  return { unit, people, newPeople };
}
