import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { StringDecoder } from 'node:string_decoder';
import { createGunzip } from 'node:zlib';

/**
 * A backup is gzip-compressed text, one record a line, each line's first character saying what
 * it is:
 *   H{header}            format, version, the schema's migration level, when and from what
 *   T{"name","columns"}  the rows that follow belong to this table (tables in dependency order)
 *   R{row}               one row as PostgreSQL's own `to_jsonb` text, never decoded on the way
 *   S{"name","value","called"}  a sequence's position
 *   E{trailer}           rows per table and the SHA-256 of every line before it
 * A file without its trailer, or whose lines do not hash to it, is refused whole.
 */
export const BACKUP_FORMAT = 'tredegar-backup';
export const BACKUP_VERSION = 1;

export interface MigrationLevel {
  tag: string;
  /** The migration's timestamp in the journal, as drizzle records it in `__drizzle_migrations`. */
  when: number;
}

export interface BackupHeader {
  format: typeof BACKUP_FORMAT;
  version: number;
  migration: MigrationLevel;
  createdAt: string;
  source: 'pglite' | 'postgres';
}

export interface BackupTrailer {
  tables: Record<string, number>;
  sequences: number;
  sha256: string;
}

export interface CheckedBackup {
  header: BackupHeader;
  trailer: BackupTrailer;
  /** Tables in file order, with their columns. */
  tables: { name: string; columns: string[] }[];
}

export class BadBackupError extends Error {}

/** Calls `fn` with each line of a gzip file in order, holding one line at a time. */
export async function forEachLine(file: string, fn: (line: string) => Promise<void> | void): Promise<void> {
  await pipeline(createReadStream(file), createGunzip(), async (source: AsyncIterable<Buffer>) => {
    const decoder = new StringDecoder('utf8');
    let rest = '';
    for await (const chunk of source) {
      rest += decoder.write(chunk);
      let start = 0;
      for (let end = rest.indexOf('\n'); end >= 0; end = rest.indexOf('\n', start)) {
        await fn(rest.slice(start, end));
        start = end + 1;
      }
      rest = rest.slice(start);
    }
    rest += decoder.end();
    if (rest.length > 0) await fn(rest);
  });
}

function parseJson<T>(text: string, what: string): T {
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new BadBackupError(`the ${what} is not valid`);
  }
}

/**
 * Reads the whole file once without touching any database: it must decompress cleanly, start
 * with a header this version understands, hold rows only inside a table, and end with a trailer
 * whose counts and hash match what came before.
 */
export async function checkBackup(file: string): Promise<CheckedBackup> {
  const hash = createHash('sha256');
  let header: BackupHeader | null = null;
  let trailer: BackupTrailer | null = null;
  const tables: CheckedBackup['tables'] = [];
  const counts: Record<string, number> = {};
  let sequences = 0;
  let current: string | null = null;
  try {
    await forEachLine(file, (line) => {
      if (trailer) throw new BadBackupError('there is data after the end of the backup');
      const kind = line[0];
      if (!header) {
        if (kind !== 'H') throw new BadBackupError('it is not a Tredegar backup');
        header = parseJson<BackupHeader>(line.slice(1), 'header');
        if (header.format !== BACKUP_FORMAT) throw new BadBackupError('it is not a Tredegar backup');
        if (header.version !== BACKUP_VERSION) throw new BadBackupError(`it is in backup format ${header.version}, which this version does not read`);
      } else if (kind === 'T') {
        const t = parseJson<{ name: string; columns: string[] }>(line.slice(1), 'table line');
        if (typeof t.name !== 'string' || !Array.isArray(t.columns) || t.name in counts) throw new BadBackupError('a table line is not valid');
        tables.push(t);
        counts[t.name] = 0;
        current = t.name;
      } else if (kind === 'R') {
        if (!current) throw new BadBackupError('a row comes before any table');
        counts[current]! += 1;
      } else if (kind === 'S') {
        sequences += 1;
        current = null;
      } else if (kind === 'E') {
        const t = parseJson<BackupTrailer>(line.slice(1), 'trailer');
        if (t.sha256 !== hash.digest('hex')) throw new BadBackupError('its content does not match its checksum');
        trailer = t;
        return;
      } else {
        throw new BadBackupError('a line is not valid');
      }
      hash.update(`${line}\n`);
    });
  } catch (err) {
    if (err instanceof BadBackupError) throw err;
    throw new BadBackupError(`it cannot be read (${(err as Error).message})`);
  }
  if (!header) throw new BadBackupError('it is empty');
  if (!trailer) throw new BadBackupError('it is incomplete (the end of the backup is missing)');
  const t: BackupTrailer = trailer;
  const names = Object.keys(counts);
  if (names.length !== Object.keys(t.tables).length || names.some((n) => t.tables[n] !== counts[n]) || t.sequences !== sequences) {
    throw new BadBackupError('its row counts do not match its content');
  }
  return { header, trailer: t, tables };
}
