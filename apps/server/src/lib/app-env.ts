import type { Context } from 'hono';
import type { TLocale } from '@pcmd/contracts';
import type { Db } from '../db/database.js';
import type { Actor, RequestContext } from './context.js';
import type { TEnv } from '../env.js';
import type { ProofOfWork, RateLimiter } from './public-guard.js';

/** Protections of the pages that need no account: per-address limits (memory only) and a proof of work. */
export interface PublicGuard {
  submissions: RateLimiter;
  lookups: RateLimiter;
  proof: ProofOfWork;
}

export interface DeniedRecorder {
  denied(c: Context<AppEnv>, what: string): Promise<void>;
}

/** Variables every handler can read from the Hono context. */
export type AppEnv = {
  Variables: {
    requestId: string;
    locale: TLocale;
    actor: Actor | undefined;
    db: Db;
    env: TEnv;
    audit: DeniedRecorder;
    publicGuard: PublicGuard;
  };
};

/** The service context of an authenticated request (the route's permission already demanded an actor). */
export function requestContext(c: Context<AppEnv>): RequestContext {
  const actor = c.get('actor');
  if (!actor) throw new Error('requestContext called on a route without authentication');
  return { db: c.get('db'), actor, requestId: c.get('requestId'), locale: c.get('locale') };
}
