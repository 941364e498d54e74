import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Occupancy } from '../../../../shared/api/occupancy';
import { getJson } from '../../../lib/api-client';

export const occupancyKeys = {
  all: ['occupancy'] as const,
  location: (id: number) => [...occupancyKeys.all, id] as const,
};

export const occupancyQuery = (id: number) =>
  queryOptions({
    queryKey: occupancyKeys.location(id),
    queryFn: async ({ signal }) => (await getJson<Occupancy>(`/api/locations/${id}/occupancy`, signal)).data,
    // History changes slowly: a few minutes are fine.
    staleTime: 5 * 60_000,
  });

export const useOccupancy = (id: number) => useQuery(occupancyQuery(id));
