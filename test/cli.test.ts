import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from './runCli.ts';
import { afterAll, describe, expect, it } from 'vitest';

const dataDir = mkdtempSync(join(tmpdir(), 'tredegar-cli-'));
const env = { ...process.env, TREDEGAR_DATA_DIR: dataDir, DATABASE_URL: '', LOG_LEVEL: 'silent', NODE_ENV: 'development' };

const run = (...args: string[]) => runCli(env, ...args);

describe('the tredegar command', () => {
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('has help for every command', { timeout: 300_000 }, async () => {
    const top = await run('--help');
    expect(top.code).toBe(0);
    for (const cmd of ['serve', 'migrate', 'seed', 'orgs', 'users', 'tokens', 'areas']) expect(top.out).toContain(cmd);
    for (const sub of [['orgs', 'create'], ['users', 'create'], ['tokens', 'create'], ['areas', 'load'], ['seed', 'demo']]) {
      expect((await run(...sub, '--help')).code).toBe(0);
    }
  });

  it('seeds the demo organisation once, creates a user and a token', { timeout: 300_000 }, async () => {
    expect((await run('seed', 'demo', '--people', '20')).out).toContain('Demo organisation created');
    expect((await run('seed', 'demo')).out).toContain('already exists');
    const user = await run('users', 'create', '--email', 'Sam.Organiser@Example.org', '--role', 'organiser', '--unit', 'doncaster-central');
    expect(user.code).toBe(0);
    expect(user.out).toContain('sam.organiser@example.org has role organiser on Doncaster Central CLP');
    const token = await run('tokens', 'create', '--email', 'sam.organiser@example.org', '--name', 'script');
    expect(token.code).toBe(0);
    expect(token.out.trim()).toMatch(/^tdg_[\w-]{40,}$/);
  });

  it('sets up a real organisation with its first admin, and refuses a second with the same short name', { timeout: 300_000 }, async () => {
    const made = await run('orgs', 'create', '--name', 'Valleys Tenants Union', '--slug', 'valleys-tenants', '--admin', 'Chair@Example.org');
    expect(made.code, made.err).toBe(0);
    expect(made.out).toContain('Organisation Valleys Tenants Union created; its national unit has the code valleys-tenants.');
    expect(made.out).toContain('Account chair@example.org has role national_admin on Valleys Tenants Union. Sign in at http://localhost:');
    // Its national unit takes further roles by its code.
    expect((await run('users', 'create', '--email', 'sec@example.org', '--role', 'unit_admin', '--unit', 'valleys-tenants')).out).toContain('has role unit_admin on Valleys Tenants Union');
    const again = await run('orgs', 'create', '--name', 'Again', '--slug', 'valleys-tenants');
    expect(again.code).toBe(1);
    expect(again.err.trim()).toBe('tredegar: An organisation with the short name "valleys-tenants" already exists.');
    const bad = await run('orgs', 'create', '--name', 'Bad', '--slug', 'Not Valid');
    expect(bad.code).toBe(1);
    expect(bad.err.trim()).toMatch(/^tredegar: The organisation is not valid\. slug: Use 1 to 50 lower-case letters/);
  });

  it('fails with one clear line and a non-zero exit', { timeout: 300_000 }, async () => {
    const badEmail = await run('users', 'create', '--email', 'nope', '--role', 'organiser', '--unit', 'x');
    expect(badEmail.code).toBe(1);
    expect(badEmail.err.trim()).toBe('tredegar: "nope" is not a valid email address');
    const badRole = await run('users', 'create', '--email', 'a@b.org', '--role', 'king', '--unit', 'x');
    expect(badRole.err).toContain('unknown role "king"');
    const badUnit = await run('users', 'create', '--email', 'a@b.org', '--role', 'member', '--unit', 'no-such-unit');
    expect(badUnit.code).toBe(1);
    expect(badUnit.err.trim()).toBe('tredegar: no single unit with code "no-such-unit"');
    const missing = await run('tokens', 'create', '--email', 'ghost@example.org', '--name', 'x');
    expect(missing.err.trim()).toBe('tredegar: no account with email ghost@example.org');
  });
});
