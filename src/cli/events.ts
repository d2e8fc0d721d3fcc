import type { Command } from 'commander';
import { sendReminders } from '../modules/events/sendReminders.ts';
import { openContext } from './bootstrap.ts';

/** events remind. */
export function registerEventCommands(program: Command): void {
  const events = program.command('events').description('events and their sign-ups');

  events
    .command('remind')
    .description('email the reminders that are due (each RSVP is reminded once, however often this runs; run it every few minutes, e.g. from cron)')
    .action(async () => {
      const ctx = await openContext();
      try {
        const sent = await sendReminders(ctx);
        process.stdout.write(`${sent} reminder${sent === 1 ? '' : 's'} sent\n`);
      } finally {
        await ctx.database.close();
      }
    });
}
