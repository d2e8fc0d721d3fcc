import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { Database } from '../../src/db/connection.ts';

/** A table with one text column per CSV header: the narrowest home the same rows can have. */
export async function createNarrowTable(database: Database, table: string, headers: string[]): Promise<void> {
  await database.query(`drop table if exists ${table}`);
  await database.query(`create table ${table} (${headers.map((h) => `"${h}" text`).join(', ')})`);
}

/**
 * Times `\copy table from file csv header` in psql against PostgreSQL: the raw bulk-load limit
 * for these rows on this machine. Returns wall seconds (psql start-up included, a few ms) and
 * the CPU seconds of the server process that did the COPY.
 */
export async function psqlCopy(databaseUrl: string, table: string, csvPath: string): Promise<{ seconds: number; postgresCpu: number }> {
  // The backend reports its own pid; its CPU counters are read just before and after the COPY.
  const script = [
    'select pg_backend_pid() as pid \\gset',
    '\\setenv BPID :pid',
    `\\! cut -d')' -f2 /proc/$BPID/stat | cut -d' ' -f13,14`,
    `\\copy ${table} from '${csvPath}' with (format csv, header)`,
    `\\! cut -d')' -f2 /proc/$BPID/stat | cut -d' ' -f13,14`,
  ].join('\n');
  const t0 = performance.now();
  const out = await new Promise<string>((resolve, reject) => {
    const p = spawn('psql', [databaseUrl, '-v', 'ON_ERROR_STOP=1', '-q', '-At'], { stdio: ['pipe', 'pipe', 'pipe'] });
    let err = '';
    let stdout = '';
    p.stdout.on('data', (d) => (stdout += d));
    p.stderr.on('data', (d) => (err += d));
    p.on('error', reject);
    p.on('exit', (code) => (code === 0 ? resolve(stdout) : reject(new Error(`psql \\copy failed (${code}): ${err}`))));
    p.stdin.end(`${script}\n`);
  });
  const seconds = (performance.now() - t0) / 1000;
  const ticks = out.trim().split('\n').slice(-2).map((l) => l.split(' ').map(Number).reduce((a, b) => a + b, 0));
  return { seconds, postgresCpu: (ticks[1]! - ticks[0]!) / 100 };
}

/** The same COPY inside PGlite (it reads the file from a Blob); the read of the file is timed too. */
export async function pgliteCopy(database: Database, table: string, csvPath: string): Promise<{ seconds: number }> {
  if (database.raw.kind !== 'pglite') throw new Error('pgliteCopy needs PGlite');
  const t0 = performance.now();
  const blob = new Blob([readFileSync(csvPath)]);
  await database.raw.client.query(`copy ${table} from '/dev/blob' with (format csv, header)`, [], { blob });
  return { seconds: (performance.now() - t0) / 1000 };
}
