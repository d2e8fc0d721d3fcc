import { createWriteStream, rmSync, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import type { Command } from 'commander';
import cliProgress from 'cli-progress';
import { eq } from 'drizzle-orm';
import { systemActor } from '../modules/accounts/systemActor.ts';
import { errorReport } from '../modules/imports/errorReport.ts';
import { importFile } from '../modules/imports/importFile.ts';
import { csvLines, exportPeople } from '../modules/people/exportPeople.ts';
import { peopleFilterSchema } from '../modules/people/filters.ts';
import { getUnit } from '../modules/units/queries.ts';
import { organisations, units } from '../modules/units/schema.ts';
import { AppError } from '../server/errors.ts';
import type { AppContext } from '../server/context.ts';
import { openContext } from './bootstrap.ts';
import { fail } from './fail.ts';

const collect = (value: string, previous: string[]) => [...previous, value];

async function unitByCode(ctx: AppContext, code: string) {
  return getUnit(ctx.db, code).catch(() => fail(`no single unit with code "${code}"`));
}

// Without --unit the export covers the only organisation there is.
async function rootOfOnlyOrganisation(ctx: AppContext) {
  const orgs = await ctx.db.select({ id: organisations.id }).from(organisations).limit(2);
  if (orgs.length !== 1) fail(orgs.length === 0 ? 'there is no organisation yet' : 'there is more than one organisation; say which with --unit CODE');
  const [root] = await ctx.db.select().from(units).where(eq(units.orgId, orgs[0]!.id)).orderBy(units.path).limit(1);
  return root!;
}

async function write(out: WriteStream | NodeJS.WriteStream, text: string) {
  if (!out.write(text)) await once(out, 'drain');
}

const messageOf = (err: unknown) => (err instanceof AppError || err instanceof Error ? err.message : String(err));

/** people import, people export. */
export function registerPeopleCommands(program: Command): void {
  const people = program.command('people').description('import and export people');

  people
    .command('import')
    .description('import people from a CSV file (UTF-8); errors go to FILE.errors.csv; a re-run of the same file resumes or changes nothing')
    .argument('<file>', 'CSV file with a header row')
    .requiredOption('--unit <code>', 'unit code people are imported into (a "unit" column can name another per row)')
    .option('--map <column=field>', 'map a column to a field (repeatable), e.g. --map "Surname=lastName"; fields: firstName, lastName, fullName, email, phone, mobile, addressLine1, addressLine2, town, postcode, wardCode, constituencyCode, membershipStatus, membershipNumber, joinedOn, tags, unit, custom:<key>, ignore', collect, [])
    .option('--dry-run', 'check every row and report what would happen, writing nothing')
    .action(async (file: string, o: { unit: string; map: string[]; dryRun?: boolean }) => {
      const ctx = await openContext();
      const unit = await unitByCode(ctx, o.unit);
      const errorsPath = `${file}.errors.csv`;
      const bar = new cliProgress.SingleBar({ format: 'people [{bar}] {value}/{total} rows', stream: process.stderr }, cliProgress.Presets.shades_classic);
      const tty = process.stderr.isTTY === true;
      let errorsOut: WriteStream | null = null;
      let columns: string[] = [];
      try {
        const result = await importFile(ctx.db, {
          path: file,
          unit,
          actor: systemActor(unit),
          map: o.map,
          dryRun: o.dryRun,
          onStart: (info) => {
            columns = info.columns;
            const mapped = Object.entries(info.mapping).filter(([, f]) => f !== 'ignore').map(([c, f]) => `${c} → ${f}`);
            process.stderr.write(`Columns: ${mapped.join(', ')}\n`);
            if (info.resumeAfter > 0) process.stderr.write(`Resuming after row ${info.resumeAfter} of ${info.totalRows}.\n`);
            if (tty) bar.start(info.totalRows, info.resumeAfter);
          },
          onProgress: (done) => tty && bar.update(done),
          onErrors: async (errors) => {
            if (!errorsOut) {
              errorsOut = createWriteStream(errorsPath);
              await write(errorsOut, `\uFEFF${csvLines([['row', 'field', 'column', 'message', ...columns]])}`);
            }
            await write(errorsOut, csvLines(errors.flatMap((r) => r.errors.map((e) => [String(r.row), e.field, e.column, e.message, ...r.cells]))));
          },
        });
        if (tty) bar.stop();
        if (result.job && result.counts.errors > 0) {
          errorsOut = createWriteStream(errorsPath);
          for await (const chunk of errorReport(ctx.db, result.job)) await write(errorsOut, chunk);
        }
        if (errorsOut) {
          const out = errorsOut as WriteStream;
          out.end();
          await once(out, 'finish');
        } else rmSync(errorsPath, { force: true });
        const c = result.counts;
        const verb = o.dryRun ? 'Dry run (nothing written)' : 'Imported';
        process.stdout.write(
          `${verb}: ${result.totalRows} rows into ${unit.name} — ${c.created} created, ${c.updated} updated, ${c.unchanged} unchanged, ${c.errors} with errors` +
            `${c.errors > 0 ? ` (see ${errorsPath})` : ''}.\n`,
        );
      } catch (err) {
        if (tty) bar.stop();
        await ctx.database.close();
        fail(messageOf(err));
      }
      await ctx.database.close();
    });

  people
    .command('export')
    .description('export people as CSV; runs as the system (every unit of the organisation), audited as people.export with no actor')
    .option('--unit <code>', 'only people in this unit and below (and the organisation to export from)')
    .option('--tag <slug>', 'only people with this tag (repeatable: all of them)', collect, [])
    .option('--area <code>', 'only people in this ward, constituency, local authority or region (ONS code)')
    .option('--q <text>', 'free text over names, emails, phones and postcodes')
    .option('--out <file>', 'write to this file instead of standard output')
    .action(async (o: { unit?: string; tag: string[]; area?: string; q?: string; out?: string }) => {
      const ctx = await openContext();
      const unit = o.unit ? await unitByCode(ctx, o.unit) : await rootOfOnlyOrganisation(ctx);
      const filter = peopleFilterSchema.safeParse({ unit: o.unit ? unit.id : undefined, tag: o.tag.length ? o.tag : undefined, area: o.area, q: o.q });
      if (!filter.success) fail(filter.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
      const out = o.out ? createWriteStream(o.out) : process.stdout;
      try {
        const result = await exportPeople(ctx.db, systemActor(unit), filter.data);
        for await (const chunk of result.chunks) await write(out, chunk);
        if (o.out) {
          (out as WriteStream).end();
          await once(out, 'finish');
        }
        process.stderr.write(`Exported ${result.count} people${o.out ? ` to ${o.out}` : ''}.\n`);
      } catch (err) {
        await ctx.database.close();
        fail(messageOf(err));
      }
      await ctx.database.close();
    });
}
