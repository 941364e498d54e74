import type { LayerSpecification } from 'maplibre-gl';
import type { Feature, FeatureCollection, LineString, Point } from 'geojson';
import { POWER_COLOURS } from './charger-layers';

export const ROUTE_LINE_SOURCE = 'route-line';
export const ROUTE_WAYPOINT_SOURCE = 'route-waypoints';
export const ROUTE_CHARGER_SOURCE = 'route-chargers';

/** What the map draws for a planned route: its line, the waypoints to drag, and the corridor's chargers (unclustered). */
export interface RouteOverlay {
  line: Array<readonly [number, number]> | null;
  waypoints: Array<readonly [number, number]>;
  chargers: Array<{ id: number; latitude: number; longitude: number; stop: number | null; usable: boolean; powerKw: number | null }>;
  selectedId: number | null;
}

export const routeLineData = (r: RouteOverlay | null): FeatureCollection<LineString> => ({
  type: 'FeatureCollection',
  features: r?.line && r.line.length >= 2 ? [{ type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: r.line.map(([lat, lng]) => [lng, lat]) } }] : [],
});

export const routeWaypointData = (r: RouteOverlay | null): FeatureCollection<Point> => ({
  type: 'FeatureCollection',
  features: (r?.waypoints ?? []).map(([lat, lng], i): Feature<Point> => ({ type: 'Feature', properties: { index: i }, geometry: { type: 'Point', coordinates: [lng, lat] } })),
});

export const routeChargerData = (r: RouteOverlay | null): FeatureCollection<Point> => ({
  type: 'FeatureCollection',
  features: (r?.chargers ?? []).map((c): Feature<Point> => ({
    type: 'Feature',
    properties: { id: c.id, stop: c.stop ?? 0, is_stop: c.stop !== null, usable: c.usable, fast: (c.powerKw ?? 0) >= 50, selected: c.id === r?.selectedId },
    geometry: { type: 'Point', coordinates: [c.longitude, c.latitude] },
  })),
});

export function routeLayers(): LayerSpecification[] {
  return [
    { id: 'route-line-casing', type: 'line', source: ROUTE_LINE_SOURCE, paint: { 'line-color': '#ffffff', 'line-width': 7 }, layout: { 'line-join': 'round', 'line-cap': 'round' } },
    { id: 'route-line', type: 'line', source: ROUTE_LINE_SOURCE, paint: { 'line-color': '#2563eb', 'line-width': 4 }, layout: { 'line-join': 'round', 'line-cap': 'round' } },
    {
      id: 'route-chargers',
      type: 'circle',
      source: ROUTE_CHARGER_SOURCE,
      paint: {
        'circle-radius': ['case', ['get', 'is_stop'], 10, ['get', 'selected'], 9, 5],
        'circle-color': ['case', ['get', 'is_stop'], '#059669', ['get', 'usable'], ['case', ['get', 'fast'], POWER_COLOURS.rapid, POWER_COLOURS.fast], POWER_COLOURS.unknown],
        'circle-stroke-color': ['case', ['get', 'selected'], '#111827', '#ffffff'],
        'circle-stroke-width': ['case', ['get', 'selected'], 3, 1.5],
      },
    },
    {
      id: 'route-waypoints',
      type: 'circle',
      source: ROUTE_WAYPOINT_SOURCE,
      paint: { 'circle-radius': 8, 'circle-color': '#ffffff', 'circle-stroke-color': '#2563eb', 'circle-stroke-width': 3 },
    },
  ];
}
