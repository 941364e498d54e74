import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { getJson } from '../../../lib/api-client';
import { NO_VIEW, type MapView } from '../../../stores/map-view-store';
import type { Filters } from '../../../stores/filters-store';
import { filtersToQuery } from '../../filters/filters-codec';
import { roundedView } from '../../map-view/api/get-map-data';
import { poisToFeatures, type CompactPoi } from '../../map-view/poi-features';

export const LIST_SIZE = 100;

export interface ListItem {
  id: number;
  name: string;
  latitude: number;
  longitude: number;
  maxPowerKw: number | null;
  powerClass: string | null;
  status: string;
}

/** The locations in view nearest the map centre, for the list (the server sorts by distance). */
export const listQuery = (view: MapView, filters: Filters) => {
  const v = roundedView(view);
  const f = filtersToQuery(filters);
  // The centre is rounded like the box so that the key stays stable while the map settles.
  const c = [Number(view.center[0].toFixed(3)), Number(view.center[1].toFixed(3))];
  return queryOptions({
    queryKey: ['location-list', v, c, f] as const,
    queryFn: async ({ signal }): Promise<{ items: ListItem[]; total: number }> => {
      const qs = new URLSearchParams({
        ...f,
        boundingbox: `(${view.bounds.north},${view.bounds.west}),(${view.bounds.south},${view.bounds.east})`,
        latitude: String(c[0]),
        longitude: String(c[1]),
        distanceunit: 'km',
        maxresults: String(LIST_SIZE),
        compact: 'true',
        verbose: 'false',
      });
      const { data, headers } = await getJson<CompactPoi[]>(`/v3/poi?${qs}`, signal);
      const items = poisToFeatures(data).features.map((f) => ({
        id: f.properties.id,
        name: f.properties.name,
        longitude: f.geometry.coordinates[0],
        latitude: f.geometry.coordinates[1],
        maxPowerKw: f.properties.max_power_kw,
        powerClass: f.properties.power_class,
        status: f.properties.status,
      }));
      return { items, total: Number(headers.get('X-Total-Count') ?? items.length) };
    },
    placeholderData: keepPreviousData,
  });
};

export const useLocationList = (view: MapView | null, filters: Filters) => useQuery({ ...listQuery(view ?? NO_VIEW, filters), enabled: view !== null });
