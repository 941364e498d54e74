import { timingSafeEqual } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Env } from '../env';
import type { AccountService } from './account-service';
import { API_KEY_PREFIX, looksLikeJwt, type TokenService } from './tokens';

export type CallerLevel = 'public' | 'registered' | 'full';

/** Who is calling: resolved once per request from a JWT (Leccy `token`, `Authorization: Bearer`) or an API key (OCM `key`, `X-API-Key`). */
export interface Caller {
  userId: number | null;
  level: CallerLevel;
  apiKeyId: number | null;
  ip: string;
  /** True for the telemetry feed (the feed token): it may post EVSE logs and is not rate-limited. */
  feed?: boolean;
}

export type AppEnv = { Variables: { caller: Caller } };

export function clientIp(c: Context, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',')[0]?.trim();
    if (forwarded) return forwarded;
  }
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    // In-process requests (tests) have no socket.
    return 'local';
  }
}

/** The credential a request carries, from the places OCM, Leccy and Bearer clients put it. */
function presentedCredential(c: Context): string | null {
  const auth = c.req.header('authorization');
  if (auth) {
    const m = /^Bearer\s+(.+)$/i.exec(auth.trim());
    if (m) return m[1].trim();
  }
  return c.req.header('x-api-key') ?? c.req.query('key') ?? c.req.query('token') ?? null;
}

/** 401 with the Bearer challenge. */
export const unauthorized = (c: Context, message: string) => {
  c.header('WWW-Authenticate', 'Bearer error="invalid_token"');
  return c.json({ status: 401, error: 'Unauthorized', message }, 401);
};

/**
 * Sets `caller`. A token or API key issued here that does not verify (expired, revoked, forged) is refused with 401
 * rather than silently treated as anonymous, so a client learns its token expired. Foreign keys are public access.
 * Sign-in and refresh routes skip this: they carry their own credentials.
 */
export function callerMiddleware(deps: { env: Env; tokens: TokenService; accountService: AccountService; feedToken: string }): MiddlewareHandler<AppEnv> {
  const feedToken = Buffer.from(deps.feedToken);
  return async (c, next) => {
    const ip = clientIp(c, deps.env.TRUST_PROXY);
    const credential = /^\/v1\/auth(\/|$)/.test(c.req.path) ? null : presentedCredential(c);
    if (!credential) {
      c.set('caller', { userId: null, level: 'public', apiKeyId: null, ip });
      return next();
    }
    const presented = Buffer.from(credential);
    if (presented.length === feedToken.length && timingSafeEqual(presented, feedToken)) {
      c.set('caller', { userId: null, level: 'full', apiKeyId: null, ip, feed: true });
      return next();
    }
    if (credential.startsWith(API_KEY_PREFIX)) {
      const key = deps.accountService.resolveApiKey(credential);
      if (!key) return unauthorized(c, 'Unknown or revoked API key');
      c.set('caller', { userId: key.user.id, level: key.level, apiKeyId: key.keyId, ip });
      return next();
    }
    if (!looksLikeJwt(credential)) {
      // Not a credential this server issued (e.g. the OCM key of a client pointed here by changing its base URL):
      // served as public access, as OCM compatibility requires, and said so in a header.
      c.header('X-API-Key-Status', 'unrecognised; public access');
      c.set('caller', { userId: null, level: 'public', apiKeyId: null, ip });
      return next();
    }
    const claims = await deps.tokens.verifyAccess(credential);
    if (!claims) return unauthorized(c, 'Invalid or expired token: refresh it at /v1/auth/refresh or sign in again');
    c.set('caller', { userId: claims.userId, level: claims.level, apiKeyId: null, ip });
    return next();
  };
}

/** The signed-in caller's user id, or a 401 response. */
export function requireUser(c: Context<AppEnv>): number | Response {
  const caller = c.get('caller');
  if (caller.userId === null) return unauthorized(c, 'Sign in (Authorization: Bearer <token>) or send an API key');
  return caller.userId;
}
