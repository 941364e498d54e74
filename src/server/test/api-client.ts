import type { AuthResponse } from '../../shared/api/account';

type Request = (url: string, init?: RequestInit) => Response | Promise<Response>;

/** Small helpers for API tests that sign up and call routes with JSON bodies and bearer tokens. */
export function apiClient(request: Request) {
  const json = (method: string, url: string, body?: unknown, token?: string) =>
    request(url, {
      method,
      headers: { ...(body !== undefined && { 'Content-Type': 'application/json' }), ...(token && { Authorization: `Bearer ${token}` }) },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
  let n = 0;
  const signUp = async (email = `driver${++n}-${Date.now()}@example.org`, password = 'correct horse battery') => {
    const res = await json('POST', '/v1/auth/register', { email, password, name: `Driver ${n}` });
    if (res.status !== 201) throw new Error(`sign-up failed: ${res.status} ${await res.text()}`);
    return { email, password, ...((await res.json()) as AuthResponse) };
  };
  return { json, signUp };
}
