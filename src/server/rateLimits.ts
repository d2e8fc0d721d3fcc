import type { AppContext } from './context.ts';

/** A per-route rate limit of `max` requests a minute per client address (scaled by configuration). */
export function perMinute(ctx: AppContext, max: number) {
  return { max: Math.ceil(max * ctx.config.RATE_LIMIT_MULTIPLIER), timeWindow: '1 minute' };
}
