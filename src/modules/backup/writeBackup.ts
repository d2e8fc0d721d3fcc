import { createHash } from 'node:crypto';
import { createWriteStream, readFileSync, renameSync, rmSync } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { sql } from 'drizzle-orm';
import type { Database, Db } from '../../db/connection.ts';
import { execute } from '../../db/execute.ts';
import { migrationsFolder } from '../../db/migrate.ts';
import { BACKUP_FORMAT, BACKUP_VERSION, type BackupHeader, type BackupTrailer } from './backupFormat.ts';
import { migrationLevel, quoteIdent, sequenceNames, tablesInDependencyOrder } from './tableOrder.ts';

const FETCH = 1000;

export function readJournal(): { entries: { when: number; tag: string }[] } {
  return JSON.parse(readFileSync(`${migrationsFolder}/meta/_journal.json`, 'utf8')) as { entries: { when: number; tag: string }[] };
}

/** The lines of a backup, read through a cursor so only one batch of rows is held at a time. */
async function* backupLines(tx: Db, kind: Database['kind'], counts: Record<string, number>): AsyncGenerator<string> {
  const hash = createHash('sha256');
  const emit = (line: string) => {
    hash.update(`${line}\n`);
    return `${line}\n`;
  };
  const level = await migrationLevel(tx, readJournal());
  if (!level) throw new Error('the database has no schema yet');
  const header: BackupHeader = { format: BACKUP_FORMAT, version: BACKUP_VERSION, migration: level, createdAt: new Date().toISOString(), source: kind };
  yield emit(`H${JSON.stringify(header)}`);
  for (const table of await tablesInDependencyOrder(tx)) {
    yield emit(`T${JSON.stringify({ name: table.name, columns: table.columns })}`);
    let n = 0;
    await execute(tx, sql.raw(`declare backup_rows no scroll cursor for select to_jsonb(t)::text as r from ${quoteIdent(table.name)} t`));
    for (;;) {
      const rows = await execute<{ r: string }>(tx, sql.raw(`fetch forward ${FETCH} from backup_rows`));
      for (const row of rows) yield emit(`R${row.r}`);
      n += rows.length;
      if (rows.length < FETCH) break;
    }
    counts[table.name] = n;
    await execute(tx, sql.raw('close backup_rows'));
  }
  const sequences = await sequenceNames(tx);
  for (const name of sequences) {
    const [s] = await execute<{ value: string; called: boolean }>(tx, sql.raw(`select last_value::text as value, is_called as called from ${quoteIdent(name)}`));
    yield emit(`S${JSON.stringify({ name, value: s!.value, called: s!.called })}`);
  }
  const trailer: BackupTrailer = { tables: counts, sequences: sequences.length, sha256: hash.digest('hex') };
  yield `E${JSON.stringify(trailer)}\n`;
}

/**
 * Writes every table of the database to `file` as one consistent snapshot (a read-only,
 * repeatable-read transaction, so the server may keep running on PostgreSQL). The file appears
 * only when complete: it is written beside its final name and renamed at the end.
 */
export async function writeBackup(database: Database, file: string): Promise<{ tables: Record<string, number>; rows: number }> {
  const counts: Record<string, number> = {};
  const partial = `${file}.partial`;
  try {
    await database.db.transaction(
      async (tx) => {
        await pipeline(Readable.from(backupLines(tx, database.kind, counts)), createGzip(), createWriteStream(partial, { mode: 0o600 }));
      },
      { isolationLevel: 'repeatable read', accessMode: 'read only' },
    );
    renameSync(partial, file);
  } catch (err) {
    rmSync(partial, { force: true });
    throw err;
  }
  return { tables: counts, rows: Object.values(counts).reduce((a, b) => a + b, 0) };
}
