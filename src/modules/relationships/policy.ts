import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/connection.ts';
import { arrayParam } from '../../db/arrayParam.ts';
import { execute } from '../../db/execute.ts';
import { forbidden, notFound, validationFailed } from '../../server/errors.ts';
import { can, inScope, type Actor } from '../accounts/actor.ts';

/**
 * Who sees and changes relationships: a link is visible when the caller may read both people
 * (people.read on each one's unit), and changed by callers who may update both. Ids of people
 * the caller cannot read are reported as unknown, never as "forbidden".
 */

/** SQL: the person with id `column` is live and readable by the actor. */
export function readablePersonSql(actor: Actor, column: SQL): SQL {
  return sql`exists (select 1 from people rp where rp.id = ${column} and rp.deleted_at is null and ${inScope(actor, 'people.read', sql`rp.unit_id`)})`;
}

/** SQL: the relationship row aliased `r` is visible to the actor. */
export const relationshipVisibleSql = (actor: Actor) => sql`(${readablePersonSql(actor, sql`r.person_id`)} and ${readablePersonSql(actor, sql`r.other_person_id`)})`;

export interface PairPerson {
  id: string;
  orgId: string;
  unitId: string;
  unitPath: string;
}

/** Loads the two people of a new link: both readable (else 422 naming the field), one organisation, both changeable (else 403). */
export async function loadPairFor(db: Db, actor: Actor, personId: string, otherPersonId: string): Promise<[PairPerson, PairPerson]> {
  const rows = await execute<PairPerson>(db, sql`
    select p.id, p.org_id as "orgId", p.unit_id as "unitId", u.path as "unitPath" from people p join units u on u.id = p.unit_id
    where p.id = any(${arrayParam([personId, otherPersonId])}::uuid[]) and p.deleted_at is null and ${inScope(actor, 'people.read', sql`p.unit_id`)}`);
  const a = rows.find((r) => r.id === personId);
  const b = rows.find((r) => r.id === otherPersonId);
  const missing = [...(a ? [] : ['personId']), ...(b ? [] : ['otherPersonId'])];
  if (missing.length > 0) throw validationFailed('Unknown person.', missing.map((path) => ({ path, message: 'No person with this id that you can see.' })));
  if (a!.orgId !== b!.orgId) throw validationFailed('Both people must belong to the same organisation.', [{ path: 'otherPersonId', message: 'This person is in another organisation.' }]);
  if (!can(actor, 'people.update', a!.unitPath) || !can(actor, 'people.update', b!.unitPath)) throw forbidden();
  return [a!, b!];
}

export interface LoadedRelationship {
  id: string;
  orgId: string;
  type: 'tie' | 'recruited' | 'brought';
  kind: string | null;
  strength: number | null;
  personId: string;
  otherPersonId: string;
  eventName: string | null;
  occurredOn: string | null;
  unitId: string;
  unitPaths: [string, string];
}

/** A relationship to change: 404 unless both people are readable, 403 unless both are changeable. Locks the row. */
export async function loadRelationshipToChange(tx: Db, actor: Actor, id: string): Promise<LoadedRelationship> {
  const [row] = await execute<Omit<LoadedRelationship, 'unitPaths'> & { path_a: string; path_b: string }>(tx, sql`
    select r.id, r.org_id as "orgId", r.type, r.kind, r.strength, r.person_id as "personId", r.other_person_id as "otherPersonId",
      r.event_name as "eventName", r.occurred_on::text as "occurredOn", pa.unit_id as "unitId", ua.path as path_a, ub.path as path_b
    from relationships r
    join people pa on pa.id = r.person_id join units ua on ua.id = pa.unit_id
    join people pb on pb.id = r.other_person_id join units ub on ub.id = pb.unit_id
    where r.id = ${id} and ${relationshipVisibleSql(actor)}
    for update of r`);
  if (!row) throw notFound('Relationship');
  if (!can(actor, 'people.update', row.path_a) || !can(actor, 'people.update', row.path_b)) throw forbidden();
  const { path_a, path_b, ...rest } = row;
  return { ...rest, unitPaths: [path_a, path_b] };
}
