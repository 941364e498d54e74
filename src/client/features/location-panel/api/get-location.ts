import { queryOptions, useQuery } from '@tanstack/react-query';
import type { PlugShareLocation } from '../../../../shared/api/responses';
import { getJson } from '../../../lib/api-client';

export const locationKeys = {
  all: ['location'] as const,
  detail: (id: number) => [...locationKeys.all, id] as const,
};

export const locationQuery = (id: number) =>
  queryOptions({
    queryKey: locationKeys.detail(id),
    queryFn: async ({ signal }) => (await getJson<PlugShareLocation>(`/api/locations/${id}`, signal)).data,
    // Live availability follows the feed while the panel is open.
    refetchInterval: (q) => (q.state.data?.availability ? 30_000 : false),
  });

export const useLocation = (id: number | null) => useQuery({ ...locationQuery(id ?? 0), enabled: id !== null });
