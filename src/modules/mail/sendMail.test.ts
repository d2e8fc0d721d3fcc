import type { FastifyBaseLogger } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.ts';
import type { Database } from '../../db/connection.ts';
import { openTestDatabase } from '../../../test/databases.ts';
import { outbox } from './schema.ts';
import { createMailer } from './sendMail.ts';

/** Collects what the mailer logs, as the server's logger would receive it. */
function logCollector() {
  const lines: string[] = [];
  const write = ((obj: object, msg: string) => {
    lines.push(`${JSON.stringify(obj)} ${msg}`);
  }) as FastifyBaseLogger['info'];
  return { lines, log: { info: write, error: write } };
}

const message = { to: 'sian.evans@example.org', subject: 'Your sign-in link', text: 'Hello Siân Evans, sign in at http://localhost/#token=secret-token' };

describe('mail without an SMTP server', () => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase('pglite');
  });
  afterAll(async () => {
    await database?.close();
  });

  it('keeps every message in the outbox and never logs the recipient', async () => {
    const { lines, log } = logCollector();
    await createMailer(loadConfig({ NODE_ENV: 'development' }), log).send(database.db, message);
    const rows = await database.db.select().from(outbox);
    expect(rows.map((r) => [r.toAddress, r.status])).toEqual([[message.to, 'logged']]);
    expect(lines.join('\n')).not.toContain(message.to);
    // A developer follows the sign-in link from the log.
    expect(lines.join('\n')).toContain('secret-token');
  });

  it('in production logs neither the body nor the recipient, only that a message is waiting', async () => {
    const { lines, log } = logCollector();
    await createMailer(loadConfig({ NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(40) }), log).send(database.db, message);
    const logged = lines.join('\n');
    expect(logged).toContain('Your sign-in link');
    for (const secret of [message.to, 'Siân', 'secret-token']) expect(logged).not.toContain(secret);
    expect(await database.db.$count(outbox)).toBe(2);
  });
});
