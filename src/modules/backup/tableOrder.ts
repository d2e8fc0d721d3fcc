import { sql } from 'drizzle-orm';
import type { Db } from '../../db/connection.ts';
import { execute } from '../../db/execute.ts';

export interface TableInfo {
  name: string;
  /** Columns a restore writes: every stored column except generated ones, in table order. */
  columns: string[];
  /** Has a `generated always as identity` column, so inserts must override it. */
  identityAlways: boolean;
}

/**
 * Every table of the application schema, each after the tables it references, so rows can be
 * loaded with foreign keys checked as they go. A table that references itself, or tables that
 * reference each other, have no such order: that is refused rather than guessed.
 */
export async function tablesInDependencyOrder(db: Db): Promise<TableInfo[]> {
  const columns = await execute<{ table_name: string; column_name: string; identity: string }>(
    db,
    sql`select c.relname as table_name, a.attname as column_name, a.attidentity as identity
        from pg_class c
        join pg_namespace n on n.oid = c.relnamespace
        join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped and a.attgenerated = ''
        where n.nspname = 'public' and c.relkind = 'r' and not c.relispartition
        order by c.relname, a.attnum`,
  );
  const edges = await execute<{ child: string; parent: string }>(
    db,
    sql`select distinct ch.relname as child, pa.relname as parent
        from pg_constraint k
        join pg_class ch on ch.oid = k.conrelid
        join pg_class pa on pa.oid = k.confrelid
        join pg_namespace n on n.oid = ch.relnamespace
        where k.contype = 'f' and n.nspname = 'public'`,
  );
  const tables = new Map<string, TableInfo>();
  for (const c of columns) {
    const t = tables.get(c.table_name) ?? { name: c.table_name, columns: [], identityAlways: false };
    t.columns.push(c.column_name);
    if (c.identity === 'a') t.identityAlways = true;
    tables.set(c.table_name, t);
  }
  const parents = new Map<string, Set<string>>([...tables.keys()].map((name) => [name, new Set<string>()]));
  for (const e of edges) parents.get(e.child)?.add(e.parent);
  const ordered: TableInfo[] = [];
  const placed = new Set<string>();
  // Kahn's algorithm, alphabetical among the tables ready at each step so the order is stable.
  for (;;) {
    const ready = [...tables.keys()].filter((name) => !placed.has(name) && [...parents.get(name)!].every((p) => placed.has(p))).sort();
    if (ready.length === 0) break;
    for (const name of ready) {
      placed.add(name);
      ordered.push(tables.get(name)!);
    }
  }
  const stuck = [...tables.keys()].filter((name) => !placed.has(name));
  if (stuck.length > 0) throw new Error(`tables ${stuck.sort().join(', ')} reference themselves or each other, and backups cannot yet order their rows`);
  return ordered;
}

/** Sequences of the application schema (serial and identity columns). */
export async function sequenceNames(db: Db): Promise<string[]> {
  const rows = await execute<{ name: string }>(
    db,
    sql`select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname = 'public' and c.relkind = 'S' order by 1`,
  );
  return rows.map((r) => r.name);
}

/** The newest migration applied to this database. */
export async function migrationLevel(db: Db, journal: { entries: { when: number; tag: string }[] }): Promise<{ tag: string; when: number } | null> {
  const [row] = await execute<{ created_at: string }>(db, sql`select created_at::text as created_at from drizzle.__drizzle_migrations order by created_at desc limit 1`);
  if (!row) return null;
  const when = Number(row.created_at);
  return { when, tag: journal.entries.find((e) => e.when === when)?.tag ?? String(when) };
}

export const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;
