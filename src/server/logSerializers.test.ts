import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, testDatabaseKinds } from '../../test/databases.ts';
import { buildAccount, buildOrg } from '../../test/factories.ts';
import { loadConfig } from '../config.ts';
import type { Database } from '../db/connection.ts';
import { buildApp } from './app.ts';

describe.each(testDatabaseKinds)('the application log on %s', (kind) => {
  let database: Database;
  let app: Awaited<ReturnType<typeof buildApp>>;
  const lines: string[] = [];

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'info', PUBLIC_URL: 'http://localhost:3000', RATE_LIMIT_MULTIPLIER: '1000' });
    app = await buildApp({ config, database, secret: 'test-secret-test-secret-test-secret!', serveWeb: false, logStream: { write: (l) => void lines.push(l) } });
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it('logs requests by path and route, never their query string, body, headers or address', async () => {
    const { root } = await buildOrg(app.ctx.db);
    const { token } = await buildAccount(app.ctx, [{ unitId: root.id, role: 'national_admin' }]);
    lines.length = 0;
    const list = await app.inject({ method: 'GET', url: '/api/people?q=Zebedee%20Private&limit=5', headers: { authorization: `Bearer ${token}` } });
    expect(list.statusCode).toBe(200);
    await app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { email: 'secret.person@example.org' }, remoteAddress: '203.0.113.77' });
    const log = lines.join('');
    expect(log).toContain('"url":"/api/people"');
    expect(log).toContain('"route":"/api/people"');
    for (const secret of ['Zebedee', 'secret.person', '203.0.113.77', token, 'authorization']) expect(log).not.toContain(secret);
  });

  it('logs a failed query without the values it was given', async () => {
    lines.length = 0;
    const err = await app.ctx.db.execute(sql`select ${'zeb.private@example.org'}::uuid`).catch((e: unknown) => e);
    app.log.error({ err }, 'unhandled error');
    const log = lines.join('');
    expect(log).toContain('Failed query: select $1::uuid (1 parameters left out)');
    expect(log).toContain('invalid input syntax for type uuid');
    expect(log).not.toContain('zeb.private');
  });
});
