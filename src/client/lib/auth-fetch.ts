import type { AuthResponse } from '../../shared/api/account';
import { useSessionStore } from '../stores/session-store';
import { errorFrom } from './api-client';

let refreshing: Promise<boolean> | null = null;

/** Trades the refresh token for a new pair (the server rotates it). One refresh at a time: concurrent 401s share it. */
async function refreshSession(): Promise<boolean> {
  const session = useSessionStore.getState().session;
  if (!session) return false;
  refreshing ??= (async () => {
    try {
      const res = await fetch('/v1/auth/refresh', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ refreshToken: session.refreshToken }) });
      if (!res.ok) {
        useSessionStore.getState().signedOut();
        return false;
      }
      useSessionStore.getState().signedIn((await res.json()) as AuthResponse);
      return true;
    } catch {
      return false;
    } finally {
      refreshing = null;
    }
  })();
  return refreshing;
}

/**
 * fetch() with the session's bearer token. An expired token is refreshed first (or after a 401) and the request
 * retried once; when refreshing fails the session ends and the caller sees the 401.
 */
export async function authFetch(url: string, init: RequestInit = {}): Promise<Response> {
  const send = () => {
    const session = useSessionStore.getState().session;
    const headers = new Headers(init.headers);
    if (session) headers.set('Authorization', `Bearer ${session.token}`);
    return fetch(url, { ...init, headers });
  };
  const session = useSessionStore.getState().session;
  if (session && session.expiresAt - Date.now() < 15_000) await refreshSession();
  let res = await send();
  if (res.status === 401 && useSessionStore.getState().session && (await refreshSession())) res = await send();
  return res;
}

/** authFetch that parses JSON and turns error answers into ApiError (with the server's message). */
export async function authJson<T>(url: string, init: RequestInit & { json?: unknown } = {}): Promise<T> {
  const { json, ...rest } = init;
  const res = await authFetch(url, json === undefined ? rest : { ...rest, headers: { 'Content-Type': 'application/json', ...rest.headers }, body: JSON.stringify(json) });
  if (!res.ok) throw await errorFrom(res);
  return (res.status === 204 ? undefined : await res.json()) as T;
}
