import { Hono, type Context } from 'hono';
import { ApiKeyBody, dateObject, RefreshBody, RegisterBody, SignInBody } from '../../../shared/api/account';
import type { AppDeps } from '../../app-deps';
import { AccountFailure, type Session } from '../../auth/account-service';
import { requireUser, type AppEnv } from '../../auth/caller';
import { badRequest } from '../http-errors';
import { parseRequest } from '../request-input';

const sessionBody = (s: Session) => ({
  token: s.accessToken,
  refreshToken: s.refreshToken,
  expires: dateObject(s.accessExpiresAt),
  user: { id: s.user.id, email: s.user.email, name: s.user.display_name, access: s.user.access_level },
});

const FAILURES = {
  email_taken: [409, 'An account with this email exists; sign in instead'],
  bad_credentials: [401, 'Wrong email or password'],
  invalid_refresh_token: [401, 'Unknown, expired or revoked refresh token; sign in again'],
  refresh_token_reused: [401, 'This refresh token was already used; every session started from it has been ended. Sign in again'],
} as const;

async function session(c: Context, run: () => Promise<Session>, status: 200 | 201 = 200) {
  try {
    return c.json(sessionBody(await run()), status);
  } catch (err) {
    if (!(err instanceof AccountFailure)) throw err;
    const [status, message] = FAILURES[err.code];
    return c.json({ status, error: err.code, message }, status);
  }
}

/** Leccy's /auth, /auth/refresh and /user/requestCount, plus registration, sign-out and API keys. */
export function leccyAccountRoutes(deps: AppDeps) {
  const r = new Hono<AppEnv>();
  const { accountService, usage } = deps;

  r.on(['GET', 'POST'], '/auth', async (c) => {
    const body = await parseRequest(c, SignInBody);
    if (body instanceof Response) return body;
    return session(c, () => accountService.signIn(body.email, body.password));
  });

  r.post('/auth/register', async (c) => {
    const body = await parseRequest(c, RegisterBody);
    if (body instanceof Response) return body;
    return session(c, () => accountService.register(body.email, body.password, body.name), 201);
  });

  r.on(['GET', 'POST'], '/auth/refresh', async (c) => {
    const body = await parseRequest(c, RefreshBody);
    if (body instanceof Response) return body;
    return session(c, () => accountService.refresh(body.refreshToken));
  });

  r.post('/auth/revoke', async (c) => {
    const body = await parseRequest(c, RefreshBody);
    if (body instanceof Response) return body;
    accountService.revoke(body.refreshToken);
    return c.body(null, 204);
  });

  r.on(['GET', 'POST'], '/user/requestCount', (c) => {
    const userId = requireUser(c);
    if (userId instanceof Response) return userId;
    const level = c.get('caller').level;
    const limit = level === 'full' ? deps.env.MONTHLY_LIMIT_FULL : level === 'registered' ? deps.env.MONTHLY_LIMIT_REGISTERED : 0;
    const m = usage.month(userId);
    return c.json({ month: m.month, total: m.total, limit: limit || null, remaining: limit ? Math.max(0, limit - m.total) : null, access: level, days: m.days });
  });

  r.get('/user', (c) => {
    const userId = requireUser(c);
    if (userId instanceof Response) return userId;
    const user = deps.accounts.userById(userId);
    if (!user) return c.json({ status: 404, error: 'Not Found', message: 'No such user' }, 404);
    return c.json({ id: user.id, email: user.email, name: user.display_name, access: user.access_level, created_at: user.created_at });
  });

  r.get('/user/apikeys', (c) => {
    const userId = requireUser(c);
    if (userId instanceof Response) return userId;
    return c.json(deps.accounts.apiKeys(userId).map(({ id, label, prefix, created_at, last_used_at }) => ({ id, label, prefix, created_at, last_used_at })));
  });

  r.post('/user/apikeys', async (c) => {
    const userId = requireUser(c);
    if (userId instanceof Response) return userId;
    const body = await parseRequest(c, ApiKeyBody);
    if (body instanceof Response) return body;
    const { key, row } = accountService.createApiKey(userId, body.label);
    // The key itself is shown once; only its hash is stored.
    return c.json({ id: row.id, label: row.label, prefix: row.prefix, created_at: row.created_at, last_used_at: null, key }, 201);
  });

  r.delete('/user/apikeys/:id', (c) => {
    const userId = requireUser(c);
    if (userId instanceof Response) return userId;
    const id = Number(c.req.param('id'));
    if (!Number.isInteger(id)) return badRequest(c, [{ parameter: 'id', message: 'expected an integer' }]);
    return deps.accounts.revokeApiKey(userId, id) ? c.body(null, 204) : c.json({ status: 404, error: 'Not Found', message: `No active API key ${id}` }, 404);
  });

  return r;
}
