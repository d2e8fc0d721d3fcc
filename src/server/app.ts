import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Config } from '../config.ts';
import type { Database } from '../db/connection.ts';
import { registerAuthentication } from '../modules/accounts/authenticate.ts';
import { registerDeniedAudit } from '../modules/audit/registerDeniedAudit.ts';
import { createMailer, type Mailer } from '../modules/mail/sendMail.ts';
import type { AppContext } from './context.ts';
import { installErrorHandler, routeNotFound } from './errors.ts';
import { logSerializers } from './logSerializers.ts';
import { registerIdempotency } from './idempotency.ts';
import { rejectNulBytes } from './rejectNulBytes.ts';
import { usePlainZodMessages } from './zodMessages.ts';
import { collectRoutes } from './routeTable.ts';
import { routeModules } from './routes.ts';

export interface BuildOptions {
  config: Config;
  database: Database;
  secret: string;
  mailer?: Mailer;
  /** Serve the built web client from web/dist (off in API tests). */
  serveWeb?: boolean;
  logger?: boolean;
  /** Where log lines go instead of stdout (tests read them). */
  logStream?: { write(line: string): void };
}

// TREDEGAR_WEB_DIST lets a test run serve a client it built elsewhere.
const webDist = process.env.TREDEGAR_WEB_DIST ?? fileURLToPath(new URL('../../web/dist', import.meta.url));

/** Builds the whole HTTP application; `start` listens, tests call `inject`. */
export async function buildApp(opts: BuildOptions): Promise<FastifyInstance> {
  const { config } = opts;
  usePlainZodMessages();
  const app = Fastify({
    logger: opts.logger === false ? false : { level: config.LOG_LEVEL, serializers: logSerializers, ...(opts.logStream ? { stream: opts.logStream } : {}) },
    bodyLimit: 1024 * 1024,
    genReqId: () => crypto.randomUUID(),
    trustProxy: config.NODE_ENV === 'production',
    // Unknown fields are rejected by zod's strict objects, not silently dropped by Ajv.
    ajv: { customOptions: { removeAdditional: false } },
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  const ctx: AppContext = {
    database: opts.database,
    db: opts.database.db,
    config,
    secret: opts.secret,
    mailer: opts.mailer ?? createMailer(config, app.log),
  };
  app.decorate('ctx', ctx);
  // The browsable API documentation describes routes, not data: it needs no sign-in.
  app.addHook('onRoute', (route) => {
    if (route.url === '/api/docs' || route.url.startsWith('/api/docs/')) route.config = { ...(route.config ?? {}), public: true };
  });
  collectRoutes(app);

  installErrorHandler(app);
  const https = config.publicUrl.startsWith('https://');
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        frameAncestors: ["'none'"],
        imgSrc: ["'self'", 'data:'],
        styleSrc: ["'self'", "'unsafe-inline'"],
        scriptSrc: ["'self'"],
        upgradeInsecureRequests: https ? [] : null,
      },
    },
    hsts: https ? { maxAge: 31536000, includeSubDomains: true } : false,
  });
  await app.register(cookie);
  await app.register(rateLimit, { global: false });
  await app.register(swagger, {
    openapi: {
      info: { title: 'Tredegar API', version: '0.1.0', description: 'Relational community organising. See docs/api.md.' },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer', description: 'Personal API token' },
          session: { type: 'apiKey', in: 'cookie', name: 'tredegar_session' },
        },
      },
      security: [{ bearer: [] }, { session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });
  app.get('/api/openapi.json', { config: { public: true }, schema: { hide: true } }, async () => app.swagger());

  // Personal data must not sit in browser or proxy caches.
  app.addHook('onSend', async (req, reply, payload) => {
    if (req.url.startsWith('/api/') && !reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
    return payload;
  });
  rejectNulBytes(app);
  registerAuthentication(app);
  registerDeniedAudit(app);
  registerIdempotency(app);
  for (const mod of routeModules) await app.register(mod, { prefix: '/api' });

  const web = opts.serveWeb !== false && existsSync(webDist);
  if (web) await app.register(fastifyStatic, { root: webDist, wildcard: false });
  app.setNotFoundHandler((req, reply) => {
    // Client-side routes: any GET outside /api that is not a file gets the app shell.
    // Public event pages (/e/…) have their own small page that does not load the app.
    if (web && req.method === 'GET' && req.url.startsWith('/e/')) return reply.type('text/html').sendFile('event.html');
    // The live poll's participant page (/join, /join/<code>) is as light, for a phone in a crowded room.
    if (web && req.method === 'GET' && (req.url === '/join' || req.url.startsWith('/join/'))) return reply.type('text/html').sendFile('poll.html');
    if (web && req.method === 'GET' && !req.url.startsWith('/api/')) return reply.type('text/html').sendFile('index.html');
    return reply.code(404).send(routeNotFound(req.method, req.url));
  });
  return app;
}
