import { Command, CommanderError } from 'commander';
import { AppError } from '../server/errors.ts';
import { registerAdminCommands } from './admin.ts';
import { registerAuditCommands } from './audit.ts';
import { registerBackupCommands } from './backup.ts';
import { registerConversationCommands } from './conversations.ts';
import { registerElectionCommands } from './elections.ts';
import { registerEventCommands } from './events.ts';
import { registerLadderCommands } from './ladder.ts';
import { registerPeopleCommands } from './people.ts';
import { registerSalienceCommands } from './salience.ts';
import { serve } from './serve.ts';

const program = new Command();
program.name('tredegar').description('Relational community organising: server and administration').version('0.1.0');
program.exitOverride();

program
  .command('serve')
  .description('start the server (migrates, and seeds the demo organisation outside production)')
  .option('--no-seed', 'do not create the demo organisation')
  .action((o: { seed: boolean }) => serve(o));

registerAdminCommands(program);
registerElectionCommands(program);
registerPeopleCommands(program);
registerConversationCommands(program);
registerLadderCommands(program);
registerSalienceCommands(program);
registerEventCommands(program);
registerAuditCommands(program);
registerBackupCommands(program);

try {
  await program.parseAsync(process.argv);
} catch (err) {
  if (err instanceof CommanderError) process.exit(err.exitCode);
  const message = err instanceof AppError ? err.message : err instanceof Error ? err.message : String(err);
  process.stderr.write(`tredegar: ${message.split('\n').join('\n  ')}\n`);
  process.exit(1);
}
