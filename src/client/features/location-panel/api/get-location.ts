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
  });

export const useLocation = (id: number | null) => useQuery({ ...locationQuery(id ?? 0), enabled: id !== null });
