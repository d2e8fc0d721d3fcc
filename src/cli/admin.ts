import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import type { Command } from 'commander';
import cliProgress from 'cli-progress';
import { createApiToken } from '../modules/accounts/createApiToken.ts';
import { accounts, roleGrants, roles, type Role } from '../modules/accounts/schema.ts';
import { loadAreas } from '../modules/areas/loadAreas.ts';
import { seedDemo } from '../modules/demo/seedDemo.ts';
import { setUpOrganisation } from '../modules/setup/setUpOrganisation.ts';
import { getUnit } from '../modules/units/queries.ts';
import { normaliseEmail } from '../modules/people/normalise.ts';
import type { Db } from '../db/connection.ts';
import { AppError } from '../server/errors.ts';
import { openContext } from './bootstrap.ts';
import { fail } from './fail.ts';

function checkEmail(raw: string): string {
  return normaliseEmail(raw) ?? fail(`"${raw}" is not a valid email address`);
}

/** A refusal's message and its first field error, on one line. */
function oneLine(err: unknown): string {
  if (!(err instanceof AppError)) return err instanceof Error ? err.message : String(err);
  const first = Array.isArray(err.details) ? (err.details[0] as { path?: string; message?: string } | undefined) : undefined;
  return first?.message ? `${err.message} ${first.path ? `${first.path}: ` : ''}${first.message}` : err.message;
}

/** Gives an account (made if new) a role on a unit; holding it already changes nothing. */
async function grantRole(db: Db, g: { email: string; name?: string; role: Role; unitId: string }): Promise<void> {
  const [account] = await db
    .insert(accounts)
    .values({ email: g.email, displayName: g.name ?? g.email.split('@')[0]! })
    .onConflictDoUpdate({ target: accounts.email, set: { email: g.email } })
    .returning();
  await db.insert(roleGrants).values({ accountId: account!.id, unitId: g.unitId, role: g.role }).onConflictDoNothing();
}

/** migrate, seed demo, orgs create, users create, tokens create, areas load. */
export function registerAdminCommands(program: Command): void {
  program
    .command('migrate')
    .description('apply pending database migrations')
    .action(async () => {
      const ctx = await openContext();
      process.stdout.write(`Migrations applied (${ctx.database.kind}).\n`);
      await ctx.database.close();
    });

  program
    .command('seed')
    .description('create sample data')
    .command('demo')
    .description('create the demo organisation on real geography (does nothing if it exists)')
    .option('--people <n>', 'number of synthetic people', '300')
    .action(async (o: { people: string }) => {
      const ctx = await openContext();
      if (ctx.config.NODE_ENV === 'production') fail('refusing to seed demo data with NODE_ENV=production');
      const n = Number(o.people);
      if (!Number.isInteger(n) || n < 0 || n > 1_000_000) fail('--people must be a whole number from 0 to 1000000');
      const { created } = await seedDemo(ctx, { people: n });
      process.stdout.write(created ? 'Demo organisation created.\n' : 'Demo organisation already exists; nothing changed.\n');
      await ctx.database.close();
    });

  program
    .command('users')
    .description('manage accounts')
    .command('create')
    .description('create an account (or add a role to an existing one)')
    .requiredOption('--email <email>', 'email address used to sign in')
    .requiredOption('--role <role>', `one of ${roles.join(', ')}`)
    .requiredOption('--unit <code>', 'unit code the role is granted on')
    .option('--name <name>', 'display name')
    .action(async (o: { email: string; role: string; unit: string; name?: string }) => {
      const email = checkEmail(o.email);
      if (!(roles as readonly string[]).includes(o.role)) fail(`unknown role "${o.role}"; use one of ${roles.join(', ')}`);
      const ctx = await openContext();
      const unit = await getUnit(ctx.db, o.unit).catch(() => fail(`no single unit with code "${o.unit}"`));
      await grantRole(ctx.db, { email, name: o.name, role: o.role as Role, unitId: unit.id });
      process.stdout.write(`Account ${email} has role ${o.role} on ${unit.name}.\n`);
      await ctx.database.close();
    });

  program
    .command('orgs')
    .description('organisations')
    .command('create')
    .description('create an organisation with its national unit and the default issues, scales and ladder')
    .requiredOption('--name <name>', 'the organisation’s name')
    .requiredOption('--slug <slug>', 'short name (lower-case letters, digits, hyphens); also the code of its national unit')
    .option('--admin <email>', 'give this account (made if new) the national admin role on it')
    .action(async (o: { name: string; slug: string; admin?: string }) => {
      const email = o.admin === undefined ? null : checkEmail(o.admin);
      const ctx = await openContext();
      const { org, root } = await setUpOrganisation(ctx.db, { name: o.name, slug: o.slug }).catch((e: unknown) => fail(oneLine(e)));
      process.stdout.write(`Organisation ${org.name} created; its national unit has the code ${root.code}.\n`);
      if (email) {
        await grantRole(ctx.db, { email, role: 'national_admin', unitId: root.id });
        process.stdout.write(`Account ${email} has role national_admin on ${root.name}. Sign in at ${ctx.config.publicUrl}/sign-in\n`);
      }
      await ctx.database.close();
    });

  program
    .command('tokens')
    .description('manage personal API tokens')
    .command('create')
    .description('create an API token for an account; it is printed once')
    .requiredOption('--email <email>', 'account email')
    .requiredOption('--name <name>', 'what the token is for')
    .action(async (o: { email: string; name: string }) => {
      const ctx = await openContext();
      const [account] = await ctx.db.select().from(accounts).where(eq(accounts.email, o.email.trim().toLowerCase()));
      if (!account) fail(`no account with email ${o.email}`);
      const t = await createApiToken(ctx, account.id, o.name);
      process.stdout.write(`${t.token}\n`);
      process.stderr.write('Store this token now: it will not be shown again.\n');
      await ctx.database.close();
    });

  program
    .command('areas')
    .description('real geography')
    .command('load')
    .description('load regions, constituencies (2010 and 2024 sets), local authorities and wards')
    .option('--dir <dir>', 'folder with the ONS/House of Commons Library files (default: ../shared/data/elections)')
    .action(async (o: { dir?: string }) => {
      const ctx = await openContext();
      const dir = o.dir ?? join(ctx.config.TREDEGAR_SHARED_DIR, 'data', 'elections');
      const bar = new cliProgress.SingleBar({ format: 'areas [{bar}] {value}/{total}' }, cliProgress.Presets.shades_classic);
      let started = false;
      const result = await loadAreas(ctx.db, dir, (done, total) => {
        if (!started && process.stderr.isTTY) { bar.start(total, 0); started = true; }
        if (started) bar.update(done);
      }).catch((e: Error) => fail(e.message));
      if (started) bar.stop();
      process.stdout.write(`Loaded ${result.areas} areas and ${result.wardLinks} ward–constituency links.\n`);
      await ctx.database.close();
    });
}
