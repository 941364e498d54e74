import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { RouteResponse } from '../../../../shared/api/route';
import { decodePolyline, encodePolyline, lineLengthKm } from '../../../../shared/geo/polyline';
import { simplifyLine } from '../../../../shared/geo/simplify-line';
import type { LatLng } from '../../../../shared/geo/types';
import { postForm } from '../../../lib/api-client';
import type { Filters } from '../../../stores/filters-store';
import { filtersToQuery } from '../../filters/filters-codec';
import type { CorridorPoi } from '../corridor';

export const MAX_CORRIDOR = 5000;

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
 * Chargers within `km` of the route with the map's filters, by POST (a long route's polyline does not fit in a URL),
 * the route simplified to at most 1,000 points first.
 */
export function useCorridor(line: LatLng[] | null, km: number, filters: Filters) {
  const encoded = line ? encodePolyline(simplifyLine(line, 0.05, 1000)) : '';
  const f = filtersToQuery(filters);
  return useQuery({
    queryKey: routeKeys.corridor(encoded, km, f),
    enabled: line !== null && line.length >= 2,
    queryFn: async ({ signal }) => {
      // A capped answer keeps the most powerful chargers, the ones a trip plan wants.
      const { data, headers } = await postForm<CorridorPoi[]>(
        '/v3/poi',
        { ...f, polyline: encoded, distance: String(km), distanceunit: 'km', maxresults: String(MAX_CORRIDOR), compact: 'true', verbose: 'false', sortby: 'power_desc' },
        signal,
      );
      return { pois: data, total: Number(headers.get('X-Total-Count') ?? data.length) };
    },
    placeholderData: keepPreviousData,
  });
}
