import { forbidden, notFound, validationFailed } from '../../server/errors.ts';
import { can, type Actor } from '../accounts/actor.ts';
import { rolePermissions, type Permission } from '../accounts/permissions.ts';

/** Organisations in which the actor holds any of `perms` on some unit. */
export function orgsWith(actor: Actor, perms: readonly Permission[]): string[] {
  return [...new Set(actor.grants.filter((g) => perms.some((p) => rolePermissions[g.role].includes(p))).map((g) => g.orgId))];
}

/**
 * The organisation a request about organisation-wide settings (tags, custom fields) is for:
 * the one given, which the caller must hold one of `perms` in (404 otherwise, so other
 * organisations are not confirmed), or the only one the caller has, or a 422 when ambiguous.
 */
export function resolveOrg(actor: Actor, perms: readonly Permission[], orgId?: string): string {
  const orgs = orgsWith(actor, perms);
  if (orgId) {
    if (!orgs.includes(orgId)) throw notFound('Organisation');
    return orgId;
  }
  if (orgs.length === 0) throw forbidden();
  if (orgs.length > 1) {
    throw validationFailed('You work in more than one organisation; say which with orgId.', [{ path: 'orgId', message: 'Required: you have roles in more than one organisation.' }]);
  }
  return orgs[0]!;
}

/**
 * True when the actor holds `perm` on the root unit of the organisation: settings that change
 * things for every unit need authority over every unit.
 */
export function canOrgWide(actor: Actor, perm: Permission, orgId: string): boolean {
  return actor.grants.some((g) => g.orgId === orgId && g.unitPath.split('/').filter(Boolean).length === 1 && can(actor, perm, g.unitPath));
}
