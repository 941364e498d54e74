import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { FeatureCollection } from 'geojson';
import { getJson } from '../../../lib/api-client';
import { NO_VIEW, type MapView } from '../../../stores/map-view-store';
import type { Filters } from '../../../stores/filters-store';
import { filtersToQuery } from '../../filters/filters-codec';

/** From this zoom the map shows individual locations (clustered by MapLibre); below it, server clusters. */
export const POINTS_MIN_ZOOM = 11;
/** Locations requested per view at most; the counter says when a view holds more. */
export const MAX_POINTS = 2000;
/** How often a view showing live availability asks again. */
export const LIVE_REFRESH_MS = 20_000;

export interface MapData {
  data: FeatureCollection;
  clientClustering: boolean;
  /** Locations matching in the view. */
  total: number;
  /** Locations drawn individually (points mode), or the total when clustered on the server. */
  shown: number;
}

/**
 * Rounds a view outward to a grid of a quarter tile at its zoom, so small pans reuse the cached answer and the
 * query key stays stable while the map settles.
 */
export function roundedView(view: MapView) {
  const zoom = Math.floor(view.zoom);
  const step = 360 / 2 ** zoom / 4;
  const down = (v: number) => Math.floor(v / step) * step;
  const up = (v: number) => Math.ceil(v / step) * step;
  const fix = (v: number) => Number(v.toFixed(6));
  return {
    zoom,
    south: fix(Math.max(-90, down(view.bounds.south))),
    west: fix(Math.max(-180, down(view.bounds.west))),
    north: fix(Math.min(90, up(view.bounds.north))),
    east: fix(Math.min(180, up(view.bounds.east))),
  };
}

export const mapDataKeys = {
  all: ['map-data'] as const,
  view: (v: ReturnType<typeof roundedView>, filters: Record<string, string>) => [...mapDataKeys.all, v, filters] as const,
};

/**
 * The request for a view's map data: server clusters below POINTS_MIN_ZOOM, else the locations themselves (up to
 * MAX_POINTS, strongest first) for MapLibre to cluster.
 */
export function mapDataUrl(v: ReturnType<typeof roundedView>, f: Record<string, string>): string {
  const box = `(${v.north},${v.west}),(${v.south},${v.east})`;
  return v.zoom < POINTS_MIN_ZOOM
    ? `/api/clusters?${new URLSearchParams({ ...f, boundingbox: box, zoom: String(v.zoom) })}`
    : `/api/points?${new URLSearchParams({ ...f, boundingbox: box, maxresults: String(MAX_POINTS) })}`;
}

export const mapDataQuery = (view: MapView, filters: Filters) => {
  const v = roundedView(view);
  const f = filtersToQuery(filters);
  return queryOptions({
    queryKey: mapDataKeys.view(v, f),
    queryFn: async ({ signal }): Promise<MapData> => {
      const { data, headers } = await getJson<FeatureCollection>(mapDataUrl(v, f), signal);
      const total = Number(headers.get('X-Total-Count') ?? data.features.length);
      const clientClustering = v.zoom >= POINTS_MIN_ZOOM;
      return { data, clientClustering, total, shown: clientClustering ? data.features.length : total };
    },
    // Keep the previous view's chargers on screen while the next view loads.
    placeholderData: keepPreviousData,
    // Views with live availability refresh while open, so badges follow the feed.
    refetchInterval: (q) => (filters.availableNow || q.state.data?.data.features.some((f) => Number(f.properties?.availability) > 0) ? LIVE_REFRESH_MS : false),
  });
};

export const useMapData = (view: MapView | null, filters: Filters) =>
  useQuery({ ...mapDataQuery(view ?? NO_VIEW, filters), enabled: view !== null });
