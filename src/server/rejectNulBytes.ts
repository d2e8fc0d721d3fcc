import type { FastifyInstance } from 'fastify';
import { badRequest } from './errors.ts';

function hasNul(value: unknown, depth = 0): boolean {
  if (typeof value === 'string') return value.includes('\u0000');
  if (depth > 32 || value === null || typeof value !== 'object') return false;
  // Raw uploads (a CSV body is a Buffer) are bytes, not text: the route that takes them checks them.
  if (ArrayBuffer.isView(value)) return false;
  if (Array.isArray(value)) return value.some((v) => hasNul(v, depth + 1));
  return Object.entries(value).some(([k, v]) => k.includes('\u0000') || hasNul(v, depth + 1));
}

/**
 * PostgreSQL cannot store the NUL character in text, and would answer such input with an
 * error; refusing it up front keeps bad input a 400 instead of a 500. Installed once on the
 * root app, so it covers every route.
 */
export function rejectNulBytes(app: FastifyInstance): void {
  app.addHook('preValidation', async (req) => {
    if (hasNul(req.query) || hasNul(req.body) || hasNul(req.params)) throw badRequest('Text may not contain the NUL character.');
  });
}
