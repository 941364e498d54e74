import { useMemo } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { RouteResponse } from '../../../../shared/api/route';
import { decodePolyline, encodePolyline, lineLengthKm } from '../../../../shared/geo/polyline';
import { simplifyLine } from '../../../../shared/geo/simplify-line';
import type { LatLng } from '../../../../shared/geo/types';
import { postForm } from '../../../lib/api-client';
import type { Filters } from '../../../stores/filters-store';
import { filtersToQuery } from '../../filters/filters-codec';
import type { CorridorPoi } from '../corridor';
import { fetchCorridor } from '../corridor-fetch';

export interface RouteLine {
  line: LatLng[];
  source: 'osrm' | 'straight' | 'import';
  notice: string | null;
  distanceKm: number;
  durationMin: number | null;
}

export const routeKeys = {
  line: (waypoints: string) => ['route-line', waypoints] as const,
  corridor: (line: string, km: number, filters: Record<string, string>) => ['corridor', line, km, filters] as const,
};

/** The line through my waypoints (road routing on the server when configured), or the imported line as it is. */
export function useRouteLine(waypoints: LatLng[], imported: LatLng[] | null) {
  const key = encodePolyline(waypoints);
  return useQuery({
    queryKey: routeKeys.line(imported ? `import:${encodePolyline(imported)}` : key),
    enabled: imported !== null || waypoints.length >= 2,
    queryFn: async ({ signal }): Promise<RouteLine> => {
      if (imported) {
        return { line: imported, source: 'import', notice: null, distanceKm: lineLengthKm(imported), durationMin: null };
      }
      const { data } = await postForm<RouteResponse>('/api/route', { waypoints: key }, signal);
      return { line: decodePolyline(data.polyline) ?? waypoints, source: data.source, notice: data.notice, distanceKm: data.distance_km, durationMin: data.duration_min };
    },
    placeholderData: keepPreviousData,
    staleTime: Infinity,
  });
}

/**
 * Chargers within `km` of the route with the map's filters. The route is simplified to at most 1,000 points and sent
 * by POST (a long route's polyline does not fit in a URL), in pieces of about 150 km asked for in parallel, each
 * keeping its most powerful chargers: a dense corridor then stays covered along its whole length instead of the
 * cap going to one city.
 */
export function useCorridor(line: LatLng[] | null, km: number, filters: Filters) {
  const simple = useMemo(() => (line ? simplifyLine(line, 0.05, 1000) : null), [line]);
  const encoded = useMemo(() => (simple ? encodePolyline(simple) : ''), [simple]);
  const f = filtersToQuery(filters);
  return useQuery({
    queryKey: routeKeys.corridor(encoded, km, f),
    enabled: simple !== null && simple.length >= 2,
    queryFn: ({ signal }) => fetchCorridor(simple as LatLng[], km, f, (fields) => postForm<CorridorPoi[]>('/v3/poi', fields, signal)),
    placeholderData: keepPreviousData,
  });
}
