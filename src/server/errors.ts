import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { ZodError } from 'zod';

export type ErrorCode =
  | 'bad_request'
  | 'validation_failed'
  | 'unauthenticated'
  | 'forbidden'
  | 'csrf_failed'
  | 'not_found'
  | 'conflict'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'rate_limited'
  | 'internal';

/** The one error every route and command throws; the handler turns it into the error shape. */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export const badRequest = (message: string, details?: unknown) => new AppError(400, 'bad_request', message, details);
export const validationFailed = (message: string, details?: unknown) =>
  new AppError(422, 'validation_failed', message, details);
export const unauthenticated = (message = 'Sign in to continue.') => new AppError(401, 'unauthenticated', message);
export const forbidden = (message = 'You do not have permission to do that.') => new AppError(403, 'forbidden', message);
export const notFound = (what = 'Resource') => new AppError(404, 'not_found', `${what} not found.`);
export const conflict = (message: string, details?: unknown) => new AppError(409, 'conflict', message, details);

export interface ErrorBody {
  error: { code: ErrorCode; message: string; details?: unknown };
}

const body = (code: ErrorCode, message: string, details?: unknown): ErrorBody => ({
  error: details === undefined ? { code, message } : { code, message, details },
});

/** Zod issues as `[{path, message}]`, the `details` of every validation error. */
export function zodDetails(err: ZodError) {
  return err.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
}

/**
 * A safety net for input that got past validation but that the database refuses: the caller
 * gets a 4xx naming the problem instead of a 500. Routes should still validate first.
 */
function databaseError(err: unknown): AppError | null {
  const e = err as { code?: unknown; cause?: { code?: unknown } };
  const code = typeof e?.code === 'string' ? e.code : typeof e?.cause?.code === 'string' ? e.cause.code : null;
  if (!code || !/^[0-9A-Z]{5}$/.test(code)) return null;
  if (code === '23505') return conflict('That record already exists.');
  if (code === '23503') return validationFailed('The request refers to a record that does not exist.');
  if (code === '23502' || code === '23514') return validationFailed('A required value is missing or not allowed.');
  // Class 22: data exceptions (bad text encoding, out-of-range numbers, impossible dates…).
  if (code.startsWith('22')) return badRequest('A value in the request is not valid.');
  return null;
}

/** The 404 for an unknown route, in the error shape. */
export function routeNotFound(method: string, url: string): ErrorBody {
  return body('not_found', `No route for ${method} ${url.split('?')[0]}.`);
}

/** Installs the single error handler: everything leaves in the `{error:{code,message,details}}` shape. */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError | AppError | ZodError, req, reply) => {
    if (err instanceof AppError) return reply.code(err.status).send(body(err.code, err.message, err.details));
    if (err instanceof ZodError) {
      return reply.code(422).send(body('validation_failed', 'The request is not valid.', zodDetails(err)));
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const details = err.validation.map((v) => ({
        path: [err.validationContext, ...String(v.instancePath).split('/').filter(Boolean)].join('.'),
        message: v.message ?? 'Invalid value',
      }));
      return reply.code(422).send(body('validation_failed', 'The request is not valid.', details));
    }
    if (isResponseSerializationError(err)) {
      req.log.error({ err }, 'response did not match its schema');
      return reply.code(500).send(body('internal', 'Something went wrong on our side.'));
    }
    const fromDb = databaseError(err);
    if (fromDb) return reply.code(fromDb.status).send(body(fromDb.code, fromDb.message));
    const status = (err as FastifyError).statusCode ?? 500;
    if (status === 429) return reply.code(429).send(body('rate_limited', 'Too many requests. Try again shortly.'));
    if (status === 413) return reply.code(413).send(body('payload_too_large', 'The request body is too large.'));
    if (status === 415) {
      return reply.code(415).send(body('unsupported_media_type', 'That content type is not accepted here.'));
    }
    if (status >= 400 && status < 500) {
      // Fastify's own client errors: malformed JSON, bad content length, etc.
      return reply.code(status).send(body('bad_request', err.message));
    }
    req.log.error({ err }, 'unhandled error');
    return reply.code(500).send(body('internal', 'Something went wrong on our side.'));
  });
}
