import { sql } from 'drizzle-orm';
import type { Database, Db } from '../../db/connection.ts';
import { execute } from '../../db/execute.ts';
import { badRequest, conflict } from '../../server/errors.ts';
import { BadBackupError, checkBackup, forEachLine, type CheckedBackup } from './backupFormat.ts';
import { keepBeforeRestore, replayAfterRestore } from './backupHooks.ts';
import { applyMigrations, dropApplicationSchema } from './rebuildSchema.ts';
import { migrationLevel, quoteIdent, sequenceNames, tablesInDependencyOrder, type TableInfo } from './tableOrder.ts';
import { readJournal } from './writeBackup.ts';

const BATCH_ROWS = 1000;
const BATCH_CHARS = 8 * 1024 * 1024;

export interface RestoreResult {
  tables: Record<string, number>;
  rows: number;
  replaced: boolean;
  /** Migrations applied after loading a backup from an older schema. */
  upgraded: number;
  hooks: string[];
  backup: CheckedBackup['header'];
}

/**
 * Replaces the database's content with a backup's, in one transaction: either all of it is
 * restored or nothing changes. The file is read through once before the database is touched
 * (a truncated or altered file is refused whole). A backup from a newer schema is refused; one
 * from an older schema is loaded into the schema rebuilt at its level, then upgraded by the later
 * migrations, all in the same transaction. A database that holds any row is replaced only with
 * `force`. Audit entries keep the links they
 * were stored with (the chain trigger stands aside), so the chain verifies as it did.
 */
export async function restoreBackup(database: Database, file: string, opts: { force?: boolean } = {}): Promise<RestoreResult> {
  let checked: CheckedBackup;
  try {
    checked = await checkBackup(file);
  } catch (err) {
    if (err instanceof BadBackupError) throw badRequest(`The file ${file} cannot be restored: ${err.message}.`);
    throw err;
  }
  const { header, trailer } = checked;
  const here = await migrationLevel(database.db, readJournal());
  if (!here) throw badRequest('The database has no schema yet.');
  if (header.migration.when > here.when) {
    throw badRequest(`The backup is from a newer schema (${header.migration.tag}) than this installation (${here.tag}); upgrade Tredegar first.`);
  }
  const older = header.migration.when < here.when;
  if (older && !readJournal().entries.some((e) => e.when === header.migration.when)) {
    throw badRequest(`The backup's schema level (${header.migration.tag}) is not one this version knows; it cannot be restored here.`);
  }
  const tables = await tablesInDependencyOrder(database.db);
  if (!older) matchTables(checked, tables);

  let replaced = false;
  let upgraded = 0;
  let hookNames: string[] = [];
  await database.db.transaction(async (tx) => {
    // The audit chain trigger keeps restored entries' stored links instead of appending them anew.
    await execute(tx, sql`select set_config('tredegar.restoring', 'on', true)`);
    const [filled] = await execute<{ name: string }>(
      tx,
      sql.raw(`${tables.map((t) => `select '${t.name}' as name where exists (select 1 from ${quoteIdent(t.name)})`).join(' union all ')} limit 1`),
    );
    if (filled && !opts.force) {
      throw conflict(`The database is not empty (table ${filled.name} has rows); restoring would replace everything in it. Add --force to do so.`);
    }
    const kept = await keepBeforeRestore(tx);
    replaced = Boolean(filled);
    let target = tables;
    if (older) {
      // Rebuild the schema as it was when the backup was made, load it, then upgrade it like any
      // database of that age: the later migrations transform the restored rows.
      await dropApplicationSchema(tx);
      await applyMigrations(tx, (when) => when <= header.migration.when);
      target = await tablesInDependencyOrder(tx);
      matchTables(checked, target);
    } else if (filled) {
      await execute(tx, sql.raw(`truncate table ${tables.map((t) => quoteIdent(t.name)).join(', ')} restart identity`));
    }
    await loadRows(tx, file, new Map(target.map((t) => [t.name, t])), new Set(await sequenceNames(tx)));
    const counted = await execute<{ name: string; n: number }>(
      tx,
      sql.raw(checked.tables.map((t) => `select '${t.name}' as name, count(*)::int as n from ${quoteIdent(t.name)}`).join(' union all ')),
    );
    const wrong = counted.find((c) => c.n !== trailer.tables[c.name]);
    if (wrong) throw new Error(`restoring ${wrong.name} gave ${wrong.n} rows where the backup holds ${trailer.tables[wrong.name]}`);
    if (older) upgraded = await applyMigrations(tx, (when) => when > header.migration.when);
    hookNames = await replayAfterRestore(tx, kept, header);
  });
  return { tables: trailer.tables, rows: Object.values(trailer.tables).reduce((a, b) => a + b, 0), replaced, upgraded, hooks: hookNames, backup: header };
}

/** The backup's tables and columns must be exactly the database's at the same schema level. */
function matchTables(checked: CheckedBackup, tables: TableInfo[]): void {
  const byName = new Map(tables.map((t) => [t.name, t]));
  for (const t of checked.tables) {
    const mine = byName.get(t.name);
    if (!mine || t.columns.join(',') !== mine.columns.join(',')) throw badRequest(`The backup's table ${t.name} does not match this database's; it cannot be restored here.`);
  }
}

/** Inserts the file's rows table by table in batches; PostgreSQL itself turns each JSON row back into a typed row. */
async function loadRows(tx: Db, file: string, tables: Map<string, TableInfo>, sequences: Set<string>): Promise<void> {
  let table: TableInfo | null = null;
  let batch: string[] = [];
  let chars = 0;
  const flush = async () => {
    if (!table || batch.length === 0) return;
    const cols = table.columns.map(quoteIdent).join(', ');
    await execute(
      tx,
      sql`${sql.raw(`insert into ${quoteIdent(table.name)} (${cols}) ${table.identityAlways ? 'overriding system value ' : ''}select ${cols} from jsonb_populate_recordset(null::${quoteIdent(table.name)}, `)}${`[${batch.join(',')}]`}::jsonb)`,
    );
    batch = [];
    chars = 0;
  };
  await forEachLine(file, async (line) => {
    const kind = line[0];
    if (kind === 'R') {
      batch.push(line.slice(1));
      chars += line.length;
      if (batch.length >= BATCH_ROWS || chars >= BATCH_CHARS) await flush();
    } else if (kind === 'T') {
      await flush();
      table = tables.get((JSON.parse(line.slice(1)) as { name: string }).name)!;
    } else if (kind === 'S') {
      await flush();
      table = null;
      const s = JSON.parse(line.slice(1)) as { name: string; value: string; called: boolean };
      if (sequences.has(s.name)) await execute(tx, sql`select setval(${quoteIdent(s.name)}::regclass, ${s.value}::bigint, ${s.called})`);
    }
  });
  await flush();
}
