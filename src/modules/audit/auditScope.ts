import { sql, type SQL } from 'drizzle-orm';
import { arrayParam } from '../../db/arrayParam.ts';
import { inScope, type Actor } from '../accounts/actor.ts';
import { rolePermissions } from '../accounts/permissions.ts';

const ROOT_PATH = /^\/[^/]+\/$/;

/** Organisations where the actor may read the audit log at the root unit, and so the whole organisation. */
export function rootAuditOrgs(actor: Actor): string[] {
  return [...new Set(actor.grants.filter((g) => ROOT_PATH.test(g.unitPath) && rolePermissions[g.role].includes('audit.read')).map((g) => g.orgId))];
}

/**
 * Which audit rows (`a` = audit_events) the actor may read, as SQL:
 * - rows on a unit: `audit.read` on that unit or an ancestor;
 * - rows on an organisation but no unit: `audit.read` on that organisation's root unit;
 * - rows on neither (sign-ins, personal API tokens, refused requests — things an account does
 *   rather than things done to a unit): `audit.read` on the root of an organisation in which
 *   that account holds a role.
 * Rows with no organisation, no unit and no known account (requests with a token nobody owns)
 * are for the operators of the server, read from the database directly (see SECURITY.md).
 */
export function auditScopeSql(actor: Actor): SQL {
  const byUnit = inScope(actor, 'audit.read', sql`a.unit_id`);
  const orgs = rootAuditOrgs(actor);
  if (orgs.length === 0) return byUnit;
  const orgList = sql`${arrayParam(orgs)}::uuid[]`;
  return sql`(${byUnit}
    or (a.unit_id is null and a.org_id = any(${orgList}))
    or (a.unit_id is null and a.org_id is null and a.actor_account_id in (
          select g.account_id from role_grants g join units u on u.id = g.unit_id where u.org_id = any(${orgList}))))`;
}
