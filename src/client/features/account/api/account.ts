import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ApiKeyInfo, AuthResponse, RequestCountResponse } from '../../../../shared/api/account';
import { errorFrom } from '../../../lib/api-client';
import { authJson } from '../../../lib/auth-fetch';
import { useSessionStore } from '../../../stores/session-store';

export const accountKeys = {
  all: ['account'] as const,
  requestCount: () => [...accountKeys.all, 'request-count'] as const,
  apiKeys: () => [...accountKeys.all, 'api-keys'] as const,
};

async function postAuth(url: string, body: unknown): Promise<AuthResponse> {
  const res = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  if (!res.ok) throw await errorFrom(res);
  return (await res.json()) as AuthResponse;
}

export function useSignIn() {
  const signedIn = useSessionStore((s) => s.signedIn);
  return useMutation({ mutationFn: (b: { email: string; password: string }) => postAuth('/v1/auth', b), onSuccess: signedIn });
}

export function useSignUp() {
  const signedIn = useSessionStore((s) => s.signedIn);
  return useMutation({ mutationFn: (b: { email: string; password: string; name?: string }) => postAuth('/v1/auth/register', b), onSuccess: signedIn });
}

/** Ends the session here and on the server (the refresh token's family is revoked). */
export function useSignOut() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async () => {
      const session = useSessionStore.getState().session;
      useSessionStore.getState().signedOut();
      qc.removeQueries({ queryKey: accountKeys.all });
      if (session) await fetch('/v1/auth/revoke', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ refreshToken: session.refreshToken }) });
    },
  });
}

export function useRequestCount(enabled: boolean) {
  return useQuery({ queryKey: accountKeys.requestCount(), queryFn: () => authJson<RequestCountResponse>('/v1/user/requestCount'), enabled, staleTime: 10_000 });
}

export function useApiKeys(enabled: boolean) {
  return useQuery({ queryKey: accountKeys.apiKeys(), queryFn: () => authJson<ApiKeyInfo[]>('/v1/user/apikeys'), enabled });
}

export function useCreateApiKey() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (label: string) => authJson<ApiKeyInfo & { key: string }>('/v1/user/apikeys', { method: 'POST', json: { label } }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: accountKeys.apiKeys() }),
  });
}

export function useRevokeApiKey() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => authJson<void>(`/v1/user/apikeys/${id}`, { method: 'DELETE' }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: accountKeys.apiKeys() }),
  });
}
