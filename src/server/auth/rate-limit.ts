import type { MiddlewareHandler } from 'hono';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import type { Env } from '../env';
import type { AppEnv, CallerLevel } from './caller';
import type { UsageCounter } from './usage-counter';

export const RATE_LIMIT_HEADERS = ['RateLimit-Limit', 'RateLimit-Remaining', 'RateLimit-Reset', 'RateLimit-Policy', 'X-RateLimit-Limit', 'X-RateLimit-Remaining', 'Retry-After'];

/**
 * Short-window limits per caller (API key, else user, else IP) by access level, with the IETF `RateLimit-*` headers
 * and the `X-RateLimit-*` pair; then the monthly request limit of signed-in callers (Leccy's access levels).
 * Account routes (sign-in, refresh, request counts, keys) do not count towards the monthly figure.
 */
export function rateLimitMiddleware(env: Env, usage: UsageCounter): MiddlewareHandler<AppEnv> {
  const perLevel: Record<CallerLevel, number> = { public: env.RATE_LIMIT_PUBLIC, registered: env.RATE_LIMIT_REGISTERED, full: env.RATE_LIMIT_FULL };
  const limiters = new Map<CallerLevel, RateLimiterMemory>();
  for (const [level, points] of Object.entries(perLevel) as Array<[CallerLevel, number]>) {
    if (points > 0) limiters.set(level, new RateLimiterMemory({ points, duration: env.RATE_LIMIT_WINDOW_SECONDS, keyPrefix: level }));
  }
  const monthly: Record<CallerLevel, number> = { public: 0, registered: env.MONTHLY_LIMIT_REGISTERED, full: env.MONTHLY_LIMIT_FULL };
  // ev.energy's routes have their own limit: requests per hour per client (1,000 by default, as its documents say).
  const hourly = env.EVENERGY_RATE_LIMIT_PER_HOUR > 0 ? new RateLimiterMemory({ points: env.EVENERGY_RATE_LIMIT_PER_HOUR, duration: 3600, keyPrefix: 'evenergy' }) : null;

  return async (c, next) => {
    const caller = c.get('caller');
    // The telemetry feed is this server's own integration: not limited.
    if (caller.feed) return next();
    const evEnergy = /^\/v2(\/|$)/.test(c.req.path);
    const limiter = evEnergy ? hourly : limiters.get(caller.level);
    if (limiter) {
      const key = caller.apiKeyId !== null ? `key:${caller.apiKeyId}` : caller.userId !== null ? `user:${caller.userId}` : `ip:${caller.ip}`;
      const windowSeconds = evEnergy ? 3600 : env.RATE_LIMIT_WINDOW_SECONDS;
      const limit = evEnergy ? env.EVENERGY_RATE_LIMIT_PER_HOUR : perLevel[caller.level];
      const headers = (res: RateLimiterRes) => {
        const reset = Math.max(1, Math.ceil(res.msBeforeNext / 1000));
        const remaining = Math.max(0, res.remainingPoints);
        c.header('RateLimit-Limit', String(limit));
        c.header('RateLimit-Remaining', String(remaining));
        c.header('RateLimit-Reset', String(reset));
        c.header('RateLimit-Policy', `${limit};w=${windowSeconds}`);
        c.header('X-RateLimit-Limit', String(limit));
        c.header('X-RateLimit-Remaining', String(remaining));
        return reset;
      };
      try {
        headers(await limiter.consume(key));
      } catch (rejection) {
        if (!(rejection instanceof RateLimiterRes)) throw rejection;
        const reset = headers(rejection);
        c.header('Retry-After', String(reset));
        return c.json({ status: 429, error: 'Too Many Requests', message: `Rate limit of ${limit} requests per ${windowSeconds} s exceeded; retry in ${reset} s` }, 429);
      }
    }

    // Leccy's monthly figure counts the data APIs, not account routes nor ev.energy's hourly-limited ones.
    if (caller.userId !== null && !evEnergy && !/^\/v1\/(auth|user)(\/|$)/.test(c.req.path)) {
      const cap = monthly[caller.level];
      if (cap > 0 && usage.monthTotal(caller.userId) >= cap) {
        const now = new Date();
        const nextMonth = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1));
        c.header('Retry-After', String(Math.ceil((nextMonth.getTime() - now.getTime()) / 1000)));
        return c.json({ status: 429, error: 'Too Many Requests', message: `Monthly request limit of ${cap} for ${caller.level} access reached; see /v1/user/requestCount` }, 429);
      }
      usage.count(caller.userId);
    }
    return next();
  };
}
