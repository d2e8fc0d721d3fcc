import type { Command } from 'commander';
import { eq } from 'drizzle-orm';
import { SYSTEM_CHAIN } from '../modules/audit/schema.ts';
import { auditChainKeys, verifyAuditChain, type ChainReport } from '../modules/audit/verifyChain.ts';
import { organisations } from '../modules/units/schema.ts';
import { openContext } from './bootstrap.ts';
import { fail } from './fail.ts';

/** One line per chain: what was verified and the head hash to keep elsewhere, or where the chain breaks. */
export function describeChain(name: string, r: ChainReport): string {
  if (r.problem) return `${name}: BROKEN at position ${r.problem.position}${r.problem.id ? ` (entry ${r.problem.id})` : ''}: ${r.problem.kind} — ${r.problem.message}; intact up to position ${r.verifiedUpTo?.position ?? 0}`;
  if (!r.verifiedUpTo) return `${name}: no entries`;
  return `${name}: ${r.verified} entries verified up to ${r.verifiedUpTo.createdAt} (entry ${r.verifiedUpTo.id}); head ${r.head?.hash ?? ''}`;
}

/** audit verify. */
export function registerAuditCommands(program: Command): void {
  const audit = program.command('audit').description('the audit log');

  audit
    .command('verify')
    .description('check that no audit entry has been altered, removed or inserted (exits 2 when a chain is broken)')
    .option('--org <slug>', 'only this organisation\'s chain (default: every organisation and the chain of sign-ins and refusals)')
    .option('--page <n>', 'entries read at a time', (v) => Number(v), 1000)
    .action(async (o: { org?: string; page: number }) => {
      if (!Number.isInteger(o.page) || o.page < 1 || o.page > 100_000) fail('--page must be a whole number from 1 to 100000');
      const ctx = await openContext();
      let broken = 0;
      try {
        const orgs = await ctx.db.select({ id: organisations.id, slug: organisations.slug }).from(organisations).where(o.org ? eq(organisations.slug, o.org) : undefined);
        if (o.org && orgs.length === 0) fail(`no organisation with slug "${o.org}"`);
        const names = new Map(orgs.map((org) => [org.id, org.slug]));
        const keys = o.org ? orgs.map((org) => org.id) : await auditChainKeys(ctx.db);
        for (const key of keys) {
          const report = await verifyAuditChain(ctx.db, key, o.page);
          const name = key === SYSTEM_CHAIN ? '(sign-ins and refusals)' : names.get(key) ?? `(chain ${key})`;
          if (report.problem) broken += 1;
          (report.problem ? process.stderr : process.stdout).write(`${describeChain(name, report)}\n`);
        }
      } finally {
        await ctx.database.close();
      }
      if (broken > 0) {
        process.stderr.write(`tredegar: ${broken} audit chain${broken === 1 ? ' is' : 's are'} broken\n`);
        process.exit(2);
      }
    });
}
