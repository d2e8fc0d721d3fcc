import type { Command } from 'commander';
import cliProgress from 'cli-progress';
import { eq, sql } from 'drizzle-orm';
import '../modules/ladder/activity.ts';
import { recomputeOrganisation } from '../modules/ladder/recomputeOrganisation.ts';
import { organisations } from '../modules/units/schema.ts';
import { openContext } from './bootstrap.ts';
import { fail } from './fail.ts';

/** ladder recompute. */
export function registerLadderCommands(program: Command): void {
  const ladder = program.command('ladder').description('the ladder of engagement');

  ladder
    .command('recompute')
    .description('recompute everyone’s level from their activity (after changing the rules, and daily so that time windows move on)')
    .option('--org <slug>', 'only this organisation (default: every organisation with a ladder)')
    .option('--batch <n>', 'people per transaction', '50000')
    .action(async (o: { org?: string; batch: string }) => {
      const batchSize = Number(o.batch);
      if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 1_000_000) fail('--batch must be a whole number from 1 to 1,000,000');
      const ctx = await openContext();
      try {
        const orgs = o.org
          ? await ctx.db.select({ id: organisations.id, slug: organisations.slug }).from(organisations).where(eq(organisations.slug, o.org))
          : await ctx.db.select({ id: organisations.id, slug: organisations.slug }).from(organisations)
            .where(sql`exists (select 1 from ladder_levels l where l.org_id = ${organisations.id})`).orderBy(organisations.slug);
        if (o.org && orgs.length === 0) fail(`no organisation with slug "${o.org}"`);
        for (const org of orgs) {
          const bar = new cliProgress.SingleBar({ format: `${org.slug} [{bar}] {value}/{total} people`, stream: process.stderr }, cliProgress.Presets.shades_classic);
          let started = false;
          const r = await recomputeOrganisation(ctx.db, org.id, {
            batchSize,
            onProgress: (done, total) => {
              if (!process.stderr.isTTY) return;
              if (!started) bar.start(total, done);
              started = true;
              bar.update(done);
            },
          });
          if (started) bar.stop();
          process.stdout.write(`${org.slug}: ${r.people} people in ${r.batches} batches, ${r.moved} level changes, ${r.written} standings written, ${r.seconds.toFixed(1)} s\n`);
        }
      } finally {
        await ctx.database.close();
      }
    });
}
