import type { Db } from '../../db/connection.ts';
import { auditEvents } from './schema.ts';

export interface AuditEntry {
  actorAccountId: string | null;
  action: string;
  entityType: string;
  entityId?: string | null;
  orgId?: string | null;
  unitId?: string | null;
  changes?: Record<string, unknown> | null;
  requestId?: string | null;
}

/** Appends audit entries; pass the write's own transaction so the record and the change commit together. */
export async function recordAudit(db: Db, entries: AuditEntry | AuditEntry[]): Promise<void> {
  const list = Array.isArray(entries) ? entries : [entries];
  if (list.length === 0) return;
  await db.insert(auditEvents).values(
    list.map((e) => ({
      actorAccountId: e.actorAccountId,
      action: e.action,
      entityType: e.entityType,
      entityId: e.entityId ?? null,
      orgId: e.orgId ?? null,
      unitId: e.unitId ?? null,
      changes: e.changes ?? null,
      requestId: e.requestId ?? null,
    })),
  );
}

/** Field-level difference between two records, as `{field: [before, after]}`; only changed fields. */
export function diffFields(before: Record<string, unknown>, after: Record<string, unknown>): Record<string, [unknown, unknown]> {
  const out: Record<string, [unknown, unknown]> = {};
  for (const key of Object.keys(after)) {
    if (JSON.stringify(before[key] ?? null) !== JSON.stringify(after[key] ?? null)) out[key] = [before[key] ?? null, after[key] ?? null];
  }
  return out;
}
