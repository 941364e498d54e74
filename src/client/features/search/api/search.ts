import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { getJson } from '../../../lib/api-client';

export interface SearchResult {
  places: Array<{ kind: 'city' | 'town'; name: string; region: string | null; country: string | null; latitude: number; longitude: number; locations: number | null }>;
  locations: Array<{ id: number; name: string; town: string | null; latitude: number; longitude: number }>;
}

export const searchQuery = (q: string) =>
  queryOptions({
    queryKey: ['search', q] as const,
    queryFn: async ({ signal }) => (await getJson<SearchResult>(`/api/search?${new URLSearchParams({ q, limit: '6' })}`, signal)).data,
    placeholderData: keepPreviousData,
    staleTime: 5 * 60_000,
  });

export const useSearch = (q: string) => useQuery({ ...searchQuery(q), enabled: q.trim().length > 0 });
