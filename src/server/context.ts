import type { Config } from '../config.ts';
import type { Database, Db } from '../db/connection.ts';
import type { Actor } from '../modules/accounts/actor.ts';
import type { Mailer } from '../modules/mail/sendMail.ts';
import { unauthenticated } from './errors.ts';

/** What every route handler can reach: the database, configuration and services. */
export interface AppContext {
  database: Database;
  db: Db;
  config: Config;
  mailer: Mailer;
  /** Key for hashing session, link and API tokens. */
  secret: string;
}

declare module 'fastify' {
  interface FastifyInstance {
    ctx: AppContext;
  }
  interface FastifyRequest {
    actor: Actor | null;
  }
  interface FastifyContextConfig {
    /** Route needs no signed-in caller. */
    public?: boolean;
  }
}

/** The signed-in caller; throws 401 when there is none. */
export function actorOf(req: { actor: Actor | null }): Actor {
  if (!req.actor) throw unauthenticated();
  return req.actor;
}
