import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/connection.ts';
import { execute } from '../../db/execute.ts';
import type { Actor } from '../accounts/actor.ts';
import { badRequest } from '../../server/errors.ts';
import { decodeCursor, pageOf } from '../../server/pagination.ts';
import { auditScopeSql } from './auditScope.ts';

export interface AuditFilter {
  unit?: string;
  actor?: string;
  action?: string;
  entityType?: string;
  entityId?: string;
  from?: string;
  to?: string;
  limit: number;
  cursor?: string;
}

export interface AuditItem {
  id: string;
  createdAt: string;
  action: string;
  entityType: string;
  entityId: string | null;
  orgId: string | null;
  unitId: string | null;
  unitName: string | null;
  actor: { id: string; displayName: string | null } | null;
  changes: Record<string, unknown> | null;
  requestId: string | null;
}

interface Row {
  id: string;
  created_at: Date | string;
  created_key: string;
  action: string;
  entity_type: string;
  entity_id: string | null;
  org_id: string | null;
  unit_id: string | null;
  unit_name: string | null;
  actor_account_id: string | null;
  actor_name: string | null;
  changes: Record<string, unknown> | string | null;
  request_id: string | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const TIME_KEY = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;
const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * The audit log as the actor may see it, newest first, filtered and scoped in SQL. The cursor
 * keeps the database's microsecond timestamps, so rows written in the same millisecond are
 * neither skipped nor repeated between pages.
 */
export async function listAuditEvents(db: Db, actor: Actor, filter: AuditFilter): Promise<{ items: AuditItem[]; nextCursor: string | null }> {
  const after = decodeCursor(filter.cursor, 2) as [string, string] | null;
  if (after && !(typeof after[0] === 'string' && TIME_KEY.test(after[0]) && typeof after[1] === 'string' && UUID.test(after[1]))) {
    throw badRequest('The cursor is not valid; start again from the first page.');
  }
  const where: SQL[] = [auditScopeSql(actor)];
  if (filter.unit) where.push(sql`a.unit_id in (select u.id from units u where u.path like (select p.path from units p where p.id = ${filter.unit}) || '%')`);
  if (filter.actor) where.push(sql`a.actor_account_id = ${filter.actor}`);
  if (filter.action?.endsWith('.*')) where.push(sql`a.action like ${`${likeEscape(filter.action.slice(0, -1))}%`}`);
  else if (filter.action) where.push(sql`a.action = ${filter.action}`);
  if (filter.entityType) where.push(sql`a.entity_type = ${filter.entityType}`);
  if (filter.entityId) where.push(sql`a.entity_id = ${filter.entityId}`);
  if (filter.from) where.push(sql`a.created_at >= ${filter.from}::timestamptz`);
  if (filter.to) where.push(sql`a.created_at < ${filter.to}::timestamptz`);
  if (after) where.push(sql`(a.created_at, a.id) < (${after[0]}::timestamptz, ${after[1]}::uuid)`);
  const rows = await execute<Row>(
    db,
    sql`select a.id, a.created_at, to_char(a.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as created_key,
          a.action, a.entity_type, a.entity_id, a.org_id, a.unit_id, u.name as unit_name,
          a.actor_account_id, ac.display_name as actor_name, a.changes, a.request_id
        from audit_events a
        left join units u on u.id = a.unit_id
        left join accounts ac on ac.id = a.actor_account_id
        where ${sql.join(where, sql` and `)}
        order by a.created_at desc, a.id desc
        limit ${filter.limit + 1}`,
  );
  const page = pageOf(rows, filter.limit, (r) => [r.created_key, r.id]);
  return {
    items: page.items.map((r) => ({
      id: r.id,
      createdAt: new Date(r.created_at).toISOString(),
      action: r.action,
      entityType: r.entity_type,
      entityId: r.entity_id,
      orgId: r.org_id,
      unitId: r.unit_id,
      unitName: r.unit_name,
      actor: r.actor_account_id ? { id: r.actor_account_id, displayName: r.actor_name } : null,
      changes: typeof r.changes === 'string' ? (JSON.parse(r.changes) as Record<string, unknown>) : r.changes,
      requestId: r.request_id,
    })),
    nextCursor: page.nextCursor,
  };
}
