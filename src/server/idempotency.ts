import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { idempotencyKeys } from '../modules/idempotency/schema.ts';
import { AppError, conflict } from './errors.ts';

const KEY_PATTERN = /^[A-Za-z0-9_\-:.]{8,200}$/;

/**
 * `Idempotency-Key` on POST: the first response is stored; a retry with the same key and the
 * same body gets that response again, and the same key with a different body is a 409.
 * The key is claimed before the handler runs, so two concurrent duplicates cannot both execute.
 */
export function registerIdempotency(app: FastifyInstance): void {
  app.addHook('preHandler', async (req, reply) => {
    const key = req.headers['idempotency-key'];
    if (req.method !== 'POST' || key === undefined || !req.actor) return;
    if (typeof key !== 'string' || !KEY_PATTERN.test(key)) {
      throw new AppError(400, 'bad_request', 'Idempotency-Key must be 8–200 characters of letters, digits, "-", "_", ":" or ".".');
    }
    // Raw uploads are hashed as bytes: turning a large file into a JSON string would copy it.
    const body = req.body;
    const hash = createHash('sha256')
      .update(`${req.method} ${req.url}\n`)
      .update(typeof body === 'string' || Buffer.isBuffer(body) ? body : JSON.stringify(body ?? null))
      .digest('hex');
    const { db } = app.ctx;
    const inserted = await db
      .insert(idempotencyKeys)
      .values({ accountId: req.actor.accountId, key, requestHash: hash })
      .onConflictDoNothing()
      .returning({ key: idempotencyKeys.key });
    if (inserted.length > 0) {
      (req as { idempotencyKey?: string }).idempotencyKey = key;
      return;
    }
    const [prior] = await db
      .select()
      .from(idempotencyKeys)
      .where(and(eq(idempotencyKeys.accountId, req.actor.accountId), eq(idempotencyKeys.key, key)));
    if (!prior || prior.requestHash !== hash) throw conflict('This Idempotency-Key was already used for a different request.');
    if (prior.statusCode === null) throw conflict('A request with this Idempotency-Key is still being processed.');
    reply.header('idempotent-replay', 'true');
    return reply.code(prior.statusCode).send(prior.body);
  });
  app.addHook('onSend', async (req, reply, payload) => {
    const key = (req as { idempotencyKey?: string }).idempotencyKey;
    if (!key || !req.actor) return payload;
    const where = and(eq(idempotencyKeys.accountId, req.actor.accountId), eq(idempotencyKeys.key, key));
    if (reply.statusCode >= 500) {
      // A failure that was not the client's fault may be retried with the same key.
      await app.ctx.db.delete(idempotencyKeys).where(where);
    } else {
      const body = typeof payload === 'string' && payload.length > 0 ? JSON.parse(payload) : null;
      await app.ctx.db.update(idempotencyKeys).set({ statusCode: reply.statusCode, body }).where(where);
    }
    return payload;
  });
}
