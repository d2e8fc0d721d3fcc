import type { Session } from '../../api/session.ts';
import type { UnitListItem } from '../units/api.ts';
import { roleRank, type Role } from './api.ts';

export interface PermittedUnit extends UnitListItem {
  /** Highest rank among my roles carrying the permission here; what I may grant goes up to it. */
  rank: number;
}

/**
 * The units (from GET /api/units) where my session holds `permission`, on the unit itself or an
 * ancestor, in tree order. Only for offering choices: the server checks every request.
 */
export function unitsWithPermission(units: UnitListItem[], session: Session | undefined, permission: string): PermittedUnit[] {
  const byId = new Map(units.map((u) => [u.id, u]));
  const granted = new Map<string, number>();
  for (const g of session?.grants ?? []) {
    if (g.permissions.includes(permission)) granted.set(g.unitId, Math.max(granted.get(g.unitId) ?? -1, roleRank[g.role as Role] ?? 0));
  }
  const out: PermittedUnit[] = [];
  for (const unit of units) {
    let rank = -1;
    for (let u: UnitListItem | undefined = unit; u; u = u.parentId ? byId.get(u.parentId) : undefined) rank = Math.max(rank, granted.get(u.id) ?? -1);
    if (rank >= 0) out.push({ ...unit, rank });
  }
  return out;
}
