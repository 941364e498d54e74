import { useQuery } from '@tanstack/react-query';
import type { Network } from '../../../../shared/api/leccy-networks';
import { authJson } from '../../../lib/auth-fetch';
import { useSessionStore } from '../../../stores/session-store';

export const networkKeys = {
  all: ['networks'] as const,
  list: (signedIn: boolean) => [...networkKeys.all, signedIn] as const,
};

/** Leccy /v1/networks: signed-in callers also get subscription fields and the places each rate was seen. */
export function useNetworks() {
  const signedIn = useSessionStore((s) => s.session !== null);
  return useQuery({
    queryKey: networkKeys.list(signedIn),
    queryFn: ({ signal }) => authJson<Network[]>('/v1/networks', { signal }),
    staleTime: 10 * 60_000,
  });
}
