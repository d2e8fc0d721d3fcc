import type { Command } from 'commander';
import { eq } from 'drizzle-orm';
import { refreshSalience, todayHere } from '../modules/salience/refreshSalience.ts';
import { organisations } from '../modules/units/schema.ts';
import { openContext } from './bootstrap.ts';
import { fail } from './fail.ts';

/** salience refresh. */
export function registerSalienceCommands(program: Command): void {
  const salience = program.command('salience').description('issue salience');

  salience
    .command('refresh')
    .description('rebuild the precomputed issue salience that answers large scopes for the last 30, 90 and 365 days (run at least daily, e.g. hourly from cron)')
    .option('--org <slug>', 'only this organisation (default: every organisation)')
    .action(async (o: { org?: string }) => {
      const ctx = await openContext();
      try {
        const orgs = o.org
          ? await ctx.db.select({ id: organisations.id, slug: organisations.slug }).from(organisations).where(eq(organisations.slug, o.org))
          : await ctx.db.select({ id: organisations.id, slug: organisations.slug }).from(organisations).orderBy(organisations.slug);
        if (o.org && orgs.length === 0) fail(`no organisation with slug "${o.org}"`);
        const asOf = todayHere();
        for (const org of orgs) {
          const seconds = await refreshSalience(ctx.db, org.id, asOf);
          process.stdout.write(`${org.slug}: salience as of ${asOf} in ${seconds.toFixed(1)} s\n`);
        }
      } finally {
        await ctx.database.close();
      }
    });
}
