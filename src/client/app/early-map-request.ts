import { viewportBounds } from '../../shared/geo/viewport';
import { decodeFilters, filtersToQuery } from '../features/filters/filters-codec';
import { mapDataUrl, roundedView } from '../features/map-view/api/get-map-data';
import { prefetchJson } from '../lib/api-client';
import { decodeUrlState } from '../lib/url-state';
import type { MapView } from '../stores/map-view-store';

/**
 * The first map view, known from the address (centre, zoom) and the window's size before MapLibre has loaded: the
 * map fills the window, and viewportBounds() answers what the map's getBounds() will. Null for a shared trip, whose
 * view is the route's and whose map shows the route's chargers.
 */
export function firstMapView(location: Location, width: number, height: number): MapView | null {
  const params = new URLSearchParams(location.search);
  if (params.has('rw') || params.has('rl')) return null;
  const { center, zoom } = decodeUrlState(location.search);
  return { center, zoom, bounds: viewportBounds(center, zoom, width, height) };
}

/**
 * Asks for the first view's chargers as soon as the page's code starts, instead of after MapLibre has been evaluated
 * and has created its map (0.3–0.5 s later on a slow machine); the query for that view then takes this answer (see
 * prefetchJson in api-client.ts).
 */
export function requestFirstMapView(location: Location, width: number, height: number) {
  const view = firstMapView(location, width, height);
  if (view) prefetchJson(mapDataUrl(roundedView(view), filtersToQuery(decodeFilters(new URLSearchParams(location.search)))));
}
