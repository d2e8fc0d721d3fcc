import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/connection.ts';
import { arrayParam } from '../../db/arrayParam.ts';
import { execute } from '../../db/execute.ts';
import { badRequest } from '../../server/errors.ts';
import { decodeCursor, pageOf } from '../../server/pagination.ts';
import type { Actor } from './actor.ts';
import { managedPrefixes } from './adminScope.ts';
import type { Role } from './schema.ts';

export interface AdminGrant {
  id: string;
  unitId: string;
  unitName: string;
  unitCode: string;
  orgId: string;
  role: Role;
  createdAt: string;
}

export interface AdminAccount {
  id: string;
  email: string;
  displayName: string;
  disabledAt: string | null;
  createdAt: string;
  lastSignInAt: string | null;
  grants: AdminGrant[];
}

export interface AdminAccountFilter {
  unit?: string;
  q?: string;
  role?: Role;
  status?: 'active' | 'disabled';
  limit: number;
  cursor?: string;
}

interface AccountRow {
  id: string;
  email: string;
  display_name: string;
  sort_name: string;
  disabled_at: Date | string | null;
  created_at: Date | string;
  last_sign_in_at: Date | string | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const iso = (v: Date | string | null): string | null => (v === null ? null : new Date(v).toISOString());
const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * Accounts holding at least one role inside the actor's administered subtrees, each with only
 * the grants the actor can see. Scope is part of the SQL, so accounts elsewhere never load.
 */
export async function listAdminAccounts(db: Db, actor: Actor, filter: AdminAccountFilter): Promise<{ items: AdminAccount[]; nextCursor: string | null }> {
  const prefixes = managedPrefixes(actor);
  if (prefixes.length === 0) return { items: [], nextCursor: null };
  const after = decodeCursor(filter.cursor, 2) as [string, string] | null;
  if (after && (typeof after[0] !== 'string' || typeof after[1] !== 'string' || !UUID.test(after[1]))) {
    throw badRequest('The cursor is not valid; start again from the first page.');
  }
  const grantConditions: SQL[] = [sql`u.path like any(${arrayParam(prefixes)}::text[])`];
  if (filter.unit) grantConditions.push(sql`u.path like (select p.path from units p where p.id = ${filter.unit}) || '%'`);
  if (filter.role) grantConditions.push(sql`g.role = ${filter.role}`);
  const conditions: SQL[] = [
    sql`exists (select 1 from role_grants g join units u on u.id = g.unit_id where g.account_id = a.id and ${sql.join(grantConditions, sql` and `)})`,
  ];
  if (filter.q) {
    const pattern = `%${likeEscape(filter.q.toLowerCase())}%`;
    conditions.push(sql`(a.email like ${pattern} or lower(a.display_name) like ${pattern})`);
  }
  if (filter.status === 'active') conditions.push(sql`a.disabled_at is null`);
  if (filter.status === 'disabled') conditions.push(sql`a.disabled_at is not null`);
  if (after) conditions.push(sql`(lower(a.display_name), a.id) > (${after[0]}, ${after[1]}::uuid)`);
  const rows = await execute<AccountRow>(
    db,
    sql`select a.id, a.email, a.display_name, lower(a.display_name) as sort_name, a.disabled_at, a.created_at,
          (select max(s.created_at) from sessions s where s.account_id = a.id) as last_sign_in_at
        from accounts a
        where ${sql.join(conditions, sql` and `)}
        order by lower(a.display_name), a.id
        limit ${filter.limit + 1}`,
  );
  const page = pageOf(rows, filter.limit, (r) => [r.sort_name, r.id]);
  return { items: await withGrants(db, prefixes, page.items), nextCursor: page.nextCursor };
}

/** One account as the actor sees it, or null when it holds no role inside the actor's subtrees. */
export async function getAdminAccount(db: Db, actor: Actor, accountId: string): Promise<AdminAccount | null> {
  const prefixes = managedPrefixes(actor);
  if (prefixes.length === 0) return null;
  const rows = await execute<AccountRow>(
    db,
    sql`select a.id, a.email, a.display_name, lower(a.display_name) as sort_name, a.disabled_at, a.created_at,
          (select max(s.created_at) from sessions s where s.account_id = a.id) as last_sign_in_at
        from accounts a
        where a.id = ${accountId}
          and exists (select 1 from role_grants g join units u on u.id = g.unit_id where g.account_id = a.id and u.path like any(${arrayParam(prefixes)}::text[]))`,
  );
  const [account] = await withGrants(db, prefixes, rows);
  return account ?? null;
}

/** Attaches each account's visible grants with one query for the whole page. */
async function withGrants(db: Db, prefixes: string[], rows: AccountRow[]): Promise<AdminAccount[]> {
  if (rows.length === 0) return [];
  const grants = await execute<{ id: string; account_id: string; unit_id: string; name: string; code: string; org_id: string; role: Role; created_at: Date | string }>(
    db,
    sql`select g.id, g.account_id, g.unit_id, u.name, u.code, u.org_id, g.role, g.created_at
        from role_grants g join units u on u.id = g.unit_id
        where g.account_id = any(${arrayParam(rows.map((r) => r.id))}::uuid[]) and u.path like any(${arrayParam(prefixes)}::text[])
        order by u.path, g.role`,
  );
  const byAccount = new Map<string, AdminGrant[]>();
  for (const g of grants) {
    const list = byAccount.get(g.account_id) ?? [];
    list.push({ id: g.id, unitId: g.unit_id, unitName: g.name, unitCode: g.code, orgId: g.org_id, role: g.role, createdAt: iso(g.created_at)! });
    byAccount.set(g.account_id, list);
  }
  return rows.map((r) => ({
    id: r.id,
    email: r.email,
    displayName: r.display_name,
    disabledAt: iso(r.disabled_at),
    createdAt: iso(r.created_at)!,
    lastSignInAt: iso(r.last_sign_in_at),
    grants: byAccount.get(r.id) ?? [],
  }));
}

/** Every grant an account holds anywhere, with unit paths, for "may this admin act on the whole account" checks. */
export async function allGrantsOf(db: Db, accountId: string): Promise<{ id: string; unitId: string; path: string; orgId: string; role: Role }[]> {
  const rows = await execute<{ id: string; unit_id: string; path: string; org_id: string; role: Role }>(
    db,
    sql`select g.id, g.unit_id, u.path, u.org_id, g.role from role_grants g join units u on u.id = g.unit_id where g.account_id = ${accountId}`,
  );
  return rows.map((r) => ({ id: r.id, unitId: r.unit_id, path: r.path, orgId: r.org_id, role: r.role }));
}
