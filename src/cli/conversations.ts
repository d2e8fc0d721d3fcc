import { createWriteStream, rmSync } from 'node:fs';
import { once } from 'node:events';
import type { Command } from 'commander';
import cliProgress from 'cli-progress';
import { eq } from 'drizzle-orm';
import { systemActor } from '../modules/accounts/systemActor.ts';
import { importConversations } from '../modules/conversations/importConversations.ts';
import { csvLines } from '../modules/people/exportPeople.ts';
import { getUnit } from '../modules/units/queries.ts';
import { organisations, units } from '../modules/units/schema.ts';
import { AppError } from '../server/errors.ts';
import { openContext } from './bootstrap.ts';
import { fail } from './fail.ts';

const messageOf = (err: unknown) => (err instanceof AppError || err instanceof Error ? err.message : String(err));

/** conversations import. */
export function registerConversationCommands(program: Command): void {
  const conversations = program.command('conversations').description('conversations typed up from paper');

  conversations
    .command('import')
    .description('import conversation sheets typed up from paper (CSV with a header row: date, organiser email, name, email, phone, postcode, kind, outcome, issues (";"-separated), notes, commitment, follow-up date); errors go to FILE.errors.csv; a re-run of the same file adds nothing')
    .argument('<file>', 'CSV file (UTF-8)')
    .option('--unit <code>', 'unit new people are added to (default: the organiser’s only unit) and the organisation to import into')
    .option('--dry-run', 'check every row and report what would happen, writing nothing')
    .action(async (file: string, o: { unit?: string; dryRun?: boolean }) => {
      const ctx = await openContext();
      let unit;
      if (o.unit) unit = await getUnit(ctx.db, o.unit).catch(() => fail(`no single unit with code "${o.unit}"`));
      else {
        const orgs = await ctx.db.select({ id: organisations.id }).from(organisations).limit(2);
        if (orgs.length !== 1) fail(orgs.length === 0 ? 'there is no organisation yet' : 'there is more than one organisation; say which with --unit CODE');
        [unit] = await ctx.db.select().from(units).where(eq(units.orgId, orgs[0]!.id)).orderBy(units.path).limit(1);
      }
      const errorsPath = `${file}.errors.csv`;
      const errorsOut = createWriteStream(errorsPath);
      let columns: string[] = [];
      let wroteErrors = false;
      const tty = process.stderr.isTTY === true;
      const bar = new cliProgress.SingleBar({ format: 'conversations [{bar}] {value}/{total} rows', stream: process.stderr }, cliProgress.Presets.shades_classic);
      try {
        const result = await importConversations(ctx.db, {
          path: file,
          unit: unit!,
          unitGiven: !!o.unit,
          actor: systemActor(unit!),
          dryRun: o.dryRun,
          onStart: (info) => {
            columns = info.columns;
            if (tty) bar.start(info.totalRows, 0);
          },
          onProgress: (n) => tty && bar.update(n),
          onRowError: async (row, errors, cells) => {
            if (!wroteErrors) {
              wroteErrors = true;
              errorsOut.write(`\uFEFF${csvLines([['row', 'column', 'message', ...columns]])}`);
            }
            if (!errorsOut.write(csvLines(errors.map((e) => [String(row), e.path, e.message, ...cells])))) await once(errorsOut, 'drain');
            if (!tty) process.stderr.write(`row ${row}: ${errors.map((e) => `${e.path}: ${e.message}`).join('; ')}\n`);
          },
        });
        if (tty) bar.stop();
        errorsOut.end();
        await once(errorsOut, 'finish');
        if (!wroteErrors) rmSync(errorsPath, { force: true });
        const verb = o.dryRun ? 'Dry run (nothing written)' : 'Imported';
        process.stdout.write(`${verb}: ${result.totalRows} rows — ${result.created} ${o.dryRun ? 'would be logged' : 'logged'}, ${result.alreadyImported} already imported, ${result.errors} with errors${result.errors > 0 ? ` (see ${errorsPath})` : ''}.\n`);
      } catch (err) {
        if (tty) bar.stop();
        errorsOut.destroy();
        rmSync(errorsPath, { force: true });
        await ctx.database.close();
        fail(messageOf(err));
      }
      await ctx.database.close();
    });
}
