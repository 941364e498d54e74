import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { AuthResponse, RequestCountResponse } from '../../../shared/api/account';
import { apiClient } from '../../test/api-client';
import { createSmallTestApp } from '../../test/test-app';

let t: Awaited<ReturnType<typeof createSmallTestApp>>;
let api: ReturnType<typeof apiClient>;
beforeAll(async () => {
  t = await createSmallTestApp();
  api = apiClient(t.request);
});
afterEach(() => vi.useRealTimers());

describe('accounts (Leccy /auth, /auth/refresh, /user/requestCount)', () => {
  it('registers, signs in by POST body and by GET query, and returns a JWT with a refresh token', async () => {
    const user = await api.signUp('ada@example.org', 'a long passphrase');
    expect(AuthResponse.parse(user).user).toMatchObject({ email: 'ada@example.org', access: 'registered' });
    const post = await api.json('POST', '/v1/auth', { email: 'ADA@example.org', password: 'a long passphrase' });
    expect(post.status).toBe(200);
    const body = AuthResponse.parse(await post.json());
    expect(body.token.split('.')).toHaveLength(3);
    expect(body.expires.u).toBeGreaterThan(Date.now() / 1000);
    const get = await t.request('/v1/auth?email=ada%40example.org&password=a%20long%20passphrase');
    expect(get.status).toBe(200);
    // the stored password is a scrypt hash, never the password
    const row = t.db.prepare("SELECT password_hash FROM users WHERE email = 'ada@example.org'").get() as { password_hash: string };
    expect(row.password_hash).toMatch(/^scrypt\$/);
    expect(row.password_hash).not.toContain('passphrase');
  });

  it.each([
    [{ email: 'not-an-email', password: 'long enough pw' }, 'email'],
    [{ email: 'x@example.org', password: 'short' }, 'password'],
    [{ password: 'long enough pw' }, 'email'],
  ])('refuses a bad registration %j naming %s', async (body, parameter) => {
    const res = await api.json('POST', '/v1/auth/register', body);
    expect(res.status).toBe(400);
    expect(((await res.json()) as { errors: Array<{ parameter: string }> }).errors.map((e) => e.parameter)).toContain(parameter);
  });

  it('refuses a second account for one email, a wrong password, an unknown email and a non-JSON body', async () => {
    await api.signUp('bob@example.org');
    expect((await api.json('POST', '/v1/auth/register', { email: 'bob@example.org', password: 'whatever123' })).status).toBe(409);
    expect((await api.json('POST', '/v1/auth', { email: 'bob@example.org', password: 'wrong password' })).status).toBe(401);
    expect((await api.json('POST', '/v1/auth', { email: 'nobody@example.org', password: 'wrong password' })).status).toBe(401);
    const broken = await t.request('/v1/auth', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"email":' });
    expect(broken.status).toBe(400);
  });

  it('rotates refresh tokens; reusing a spent one ends the whole session family', async () => {
    const user = await api.signUp();
    const first = await api.json('POST', '/v1/auth/refresh', { refreshToken: user.refreshToken });
    expect(first.status).toBe(200);
    const rotated = AuthResponse.parse(await first.json());
    expect(rotated.refreshToken).not.toBe(user.refreshToken);
    // the old token again: refused, and the new one dies with it
    const replay = await api.json('POST', '/v1/auth/refresh', { refreshToken: user.refreshToken });
    expect(replay.status).toBe(401);
    expect(((await replay.json()) as { error: string }).error).toBe('refresh_token_reused');
    expect((await api.json('POST', '/v1/auth/refresh', { refreshToken: rotated.refreshToken })).status).toBe(401);
    expect((await api.json('POST', '/v1/auth/refresh', { refreshToken: 'made-up' })).status).toBe(401);
    expect((await api.json('POST', '/v1/auth/refresh', {})).status).toBe(400);
  });

  it('revokes a session on sign-out', async () => {
    const user = await api.signUp();
    expect((await api.json('POST', '/v1/auth/revoke', { refreshToken: user.refreshToken })).status).toBe(204);
    expect((await api.json('POST', '/v1/auth/refresh', { refreshToken: user.refreshToken })).status).toBe(401);
  });

  it('refuses expired, forged and malformed tokens with 401', async () => {
    const user = await api.signUp();
    expect((await api.json('GET', '/v1/user', undefined, user.token)).status).toBe(200);
    const forged = `${user.token.slice(0, -4)}AAAA`;
    expect((await api.json('GET', '/v1/user', undefined, forged)).status).toBe(401);
    expect((await t.request('/v1/user')).status).toBe(401);
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + 3600_000);
    const expired = await api.json('GET', '/v1/user', undefined, user.token);
    expect(expired.status).toBe(401);
    expect(expired.headers.get('WWW-Authenticate')).toMatch(/invalid_token/);
  });

  it('counts requests per month with per-day figures; account routes do not count', async () => {
    const user = await api.signUp();
    for (let i = 0; i < 3; i++) expect((await t.request(`/v3/poi?maxresults=1&key=`, { headers: { Authorization: `Bearer ${user.token}` } })).status).toBe(200);
    const res = await t.request(`/v1/user/requestCount?token=${user.token}`);
    expect(res.status).toBe(200);
    const counts = RequestCountResponse.parse(await res.json());
    expect(counts).toMatchObject({ total: 3, limit: 100, remaining: 97, access: 'registered' });
    expect(counts.days).toEqual([{ date: new Date().toISOString().slice(0, 10), count: 3 }]);
  });
});

describe('API keys', () => {
  it('are created by signed-in users, work OCM-style (key= or X-API-Key), and stop working when revoked', async () => {
    const user = await api.signUp();
    expect((await api.json('POST', '/v1/user/apikeys', { label: 'home assistant' })).status).toBe(401);
    expect((await api.json('POST', '/v1/user/apikeys', { label: '' }, user.token)).status).toBe(400);
    const created = await api.json('POST', '/v1/user/apikeys', { label: 'home assistant' }, user.token);
    expect(created.status).toBe(201);
    const { id, key } = (await created.json()) as { id: number; key: string };
    expect(key).toMatch(/^evk_/);
    const listed = (await (await api.json('GET', '/v1/user/apikeys', undefined, user.token)).json()) as Array<{ id: number; prefix: string }>;
    expect(listed).toEqual([expect.objectContaining({ id, label: 'home assistant', prefix: key.slice(0, 10) })]);
    expect(JSON.stringify(listed)).not.toContain(key);

    expect((await t.request(`/v3/poi?maxresults=1&key=${key}`)).headers.get('X-RateLimit-Limit')).toBe('1200');
    expect((await t.request('/v3/poi?maxresults=1', { headers: { 'X-API-Key': key } })).status).toBe(200);
    const used = (await (await api.json('GET', '/v1/user/apikeys', undefined, user.token)).json()) as Array<{ last_used_at: string | null }>;
    expect(used[0].last_used_at).not.toBeNull();
    expect((await api.json('DELETE', `/v1/user/apikeys/${id}`, undefined, user.token)).status).toBe(204);
    expect((await t.request(`/v3/poi?maxresults=1&key=${key}`)).status).toBe(401);
    expect((await api.json('DELETE', `/v1/user/apikeys/${id}`, undefined, user.token)).status).toBe(404);
  });

  it('serves a key this server did not issue (an OCM client pointed here) as public access', async () => {
    const res = await t.request('/v3/poi?maxresults=1&key=my-ocm-key');
    expect(res.status).toBe(200);
    expect(res.headers.get('X-API-Key-Status')).toMatch(/unrecognised/);
    expect(res.headers.get('X-RateLimit-Limit')).toBe('600');
  });
});

describe('rate limits', () => {
  it('send RateLimit-* and X-RateLimit-* headers and answer 429 with Retry-After when exceeded', async () => {
    const small = await createSmallTestApp({ RATE_LIMIT_PUBLIC: '3', RATE_LIMIT_WINDOW_SECONDS: '60' });
    const statuses: number[] = [];
    let last: Response | null = null;
    for (let i = 0; i < 4; i++) {
      last = await small.request('/v3/poi?maxresults=1');
      statuses.push(last.status);
      if (i === 0) {
        expect(last.headers.get('RateLimit-Limit')).toBe('3');
        expect(last.headers.get('RateLimit-Remaining')).toBe('2');
        expect(last.headers.get('X-RateLimit-Remaining')).toBe('2');
        expect(Number(last.headers.get('RateLimit-Reset'))).toBeGreaterThan(0);
      }
    }
    expect(statuses).toEqual([200, 200, 200, 429]);
    expect(Number(last?.headers.get('Retry-After'))).toBeGreaterThan(0);
    expect(((await last?.json()) as { status: number }).status).toBe(429);
  });

  it('limit each signed-in user separately from anonymous callers, and enforce the monthly limit per access level', async () => {
    const small = await createSmallTestApp({ RATE_LIMIT_PUBLIC: '2', MONTHLY_LIMIT_REGISTERED: '2' });
    const a = apiClient(small.request);
    const user = await a.signUp(); // anonymous: the first of this address's two requests
    expect((await small.request('/v3/poi?maxresults=1')).status).toBe(200);
    expect((await small.request('/v3/poi?maxresults=1')).status).toBe(429);
    const auth = { headers: { Authorization: `Bearer ${user.token}` } };
    expect((await small.request('/v3/poi?maxresults=1', auth)).status).toBe(200);
    expect((await small.request('/v3/poi?maxresults=1', auth)).status).toBe(200);
    const over = await small.request('/v3/poi?maxresults=1', auth);
    expect(over.status).toBe(429);
    expect(((await over.json()) as { message: string }).message).toMatch(/Monthly request limit of 2/);
    // the count is still readable
    expect((await a.json('GET', '/v1/user/requestCount', undefined, user.token)).status).toBe(200);
  });
});
