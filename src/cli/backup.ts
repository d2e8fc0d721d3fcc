import { resolve } from 'node:path';
import type { Command } from 'commander';
import { restoreBackup } from '../modules/backup/restoreBackup.ts';
import { writeBackup } from '../modules/backup/writeBackup.ts';
import { openContext } from './bootstrap.ts';

/** backup FILE, restore FILE. */
export function registerBackupCommands(program: Command): void {
  program
    .command('backup')
    .argument('<file>', 'where to write the backup (gzip-compressed; keep it encrypted and off this machine)')
    .description('write every table to FILE as one consistent snapshot; on PostgreSQL the server may keep running, with PGlite stop it first')
    .action(async (file: string) => {
      const ctx = await openContext();
      try {
        const started = performance.now();
        const { tables, rows } = await writeBackup(ctx.database, resolve(file));
        process.stdout.write(`backed up ${rows} rows from ${Object.keys(tables).length} tables to ${file} in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
      } finally {
        await ctx.database.close();
      }
    });

  program
    .command('restore')
    .argument('<file>', 'a file written by `tredegar backup` with this version or an earlier one')
    .description('replace the database content with a backup, in one transaction, upgrading an older one (refuses a damaged file, a newer schema, or a non-empty database without --force)')
    .option('--force', 'replace a database that already holds data')
    .action(async (file: string, o: { force?: boolean }) => {
      const ctx = await openContext();
      try {
        const r = await restoreBackup(ctx.database, resolve(file), { force: o.force === true });
        process.stdout.write(
          `restored ${r.rows} rows into ${Object.keys(r.tables).length} tables from the backup of ${r.backup.createdAt} (${r.backup.migration.tag})` +
            `${r.replaced ? ', replacing what was there' : ''}${r.upgraded ? `, and upgraded it through ${r.upgraded} later migrations` : ''}` +
            `${r.hooks.length ? `; then ran ${r.hooks.join(', ')}` : ''}\n`,
        );
      } finally {
        await ctx.database.close();
      }
    });
}
