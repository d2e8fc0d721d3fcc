import Fastify from 'fastify';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/connection.ts';
import { openTestDatabase } from '../../test/databases.ts';
import { testDatabaseKinds } from '../../test/harness.ts';
import { installErrorHandler, notFound } from './errors.ts';

describe.each(testDatabaseKinds)('the error handler on %s', (kind) => {
  let database: Database;
  const app = Fastify({ logger: false });
  beforeAll(async () => {
    database = await openTestDatabase(kind);
    installErrorHandler(app);
    app.get('/uuid', async (req) => database.db.execute(sql`select ${(req.query as { v: string }).v}::uuid`));
    app.get('/dupe', async () => database.db.execute(sql`insert into organisations (id, name, slug) values (gen_random_uuid(), 'a', 'same'), (gen_random_uuid(), 'b', 'same')`));
    app.get('/missing', async () => { throw notFound('Widget'); });
    app.get('/bug', async () => { throw new Error('internal detail that must not leak'); });
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it('turns database data errors into 4xx in the error shape', async () => {
    const bad = await app.inject({ method: 'GET', url: '/uuid?v=nonsense' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toEqual({ error: { code: 'bad_request', message: 'A value in the request is not valid.' } });
    const dupe = await app.inject({ method: 'GET', url: '/dupe' });
    expect(dupe.statusCode).toBe(409);
    expect(dupe.json().error.code).toBe('conflict');
  });

  it('passes named errors through and hides the details of real faults', async () => {
    expect((await app.inject({ method: 'GET', url: '/missing' })).json()).toEqual({ error: { code: 'not_found', message: 'Widget not found.' } });
    const bug = await app.inject({ method: 'GET', url: '/bug' });
    expect(bug.statusCode).toBe(500);
    expect(bug.body).not.toContain('internal detail');
  });
});
