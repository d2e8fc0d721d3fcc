import { sql } from 'drizzle-orm';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import type { Db } from '../../db/connection.ts';
import { execute } from '../../db/execute.ts';
import { migrationsFolder } from '../../db/migrate.ts';
import { quoteIdent } from './tableOrder.ts';

/**
 * Drops everything the migrations created in the application schema (tables, views, sequences,
 * functions, types; not what extensions own) and forgets the applied migrations, inside the
 * caller's transaction, so the schema can be rebuilt at an earlier level for an older backup.
 */
export async function dropApplicationSchema(tx: Db): Promise<void> {
  const notFromExtension = (oid: string) => `not exists (select 1 from pg_depend d where d.objid = ${oid} and d.deptype = 'e')`;
  const relations = await execute<{ name: string; kind: string }>(
    tx,
    sql.raw(`select c.relname as name, c.relkind as kind from pg_class c
             where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'p', 'v', 'm') and ${notFromExtension('c.oid')}`),
  );
  const drop = (kind: string, names: string[]) => (names.length ? execute(tx, sql.raw(`drop ${kind} if exists ${names.join(', ')} cascade`)) : Promise.resolve([]));
  await drop('view', relations.filter((r) => r.kind === 'v').map((r) => quoteIdent(r.name)));
  await drop('materialized view', relations.filter((r) => r.kind === 'm').map((r) => quoteIdent(r.name)));
  await drop('table', relations.filter((r) => r.kind === 'r' || r.kind === 'p').map((r) => quoteIdent(r.name)));
  const sequences = await execute<{ name: string }>(tx, sql.raw(`select c.relname as name from pg_class c where c.relnamespace = 'public'::regnamespace and c.relkind = 'S' and ${notFromExtension('c.oid')}`));
  await drop('sequence', sequences.map((s) => quoteIdent(s.name)));
  const functions = await execute<{ sig: string }>(tx, sql.raw(`select p.oid::regprocedure::text as sig from pg_proc p where p.pronamespace = 'public'::regnamespace and ${notFromExtension('p.oid')}`));
  for (const f of functions) await execute(tx, sql.raw(`drop function if exists ${f.sig} cascade`));
  const types = await execute<{ name: string }>(tx, sql.raw(`select t.typname as name from pg_type t where t.typnamespace = 'public'::regnamespace and t.typtype in ('e', 'd', 'c') and t.typrelid = 0 and ${notFromExtension('t.oid')}`));
  await drop('type', types.map((t) => quoteIdent(t.name)));
  await execute(tx, sql`delete from drizzle.__drizzle_migrations`);
}

/**
 * Applies, in the caller's transaction, the migrations `which` selects (by their journal time),
 * recording each as drizzle's migrator does so that later starts carry on from there.
 */
export async function applyMigrations(tx: Db, which: (when: number) => boolean): Promise<number> {
  let applied = 0;
  for (const m of readMigrationFiles({ migrationsFolder })) {
    if (!which(m.folderMillis)) continue;
    for (const statement of m.sql) if (statement.trim()) await execute(tx, sql.raw(statement));
    await execute(tx, sql`insert into drizzle.__drizzle_migrations (hash, created_at) values (${m.hash}, ${m.folderMillis})`);
    applied += 1;
  }
  return applied;
}
