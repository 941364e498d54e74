import type { StyleSpecification } from 'maplibre-gl';
import { BASEMAP_TILES_MAX_ZOOM } from '../../shared/basemap';

export const BASEMAP_ATTRIBUTION = 'Basemap: Natural Earth (public domain) · cities: SimpleMaps (CC BY 4.0)';
export const LABEL_FONT = 'Noto Sans Regular';

/**
 * The offline basemap built by `npm run build:basemap` into public/basemap/: vector tiles of land, lakes, country
 * borders and cities, labels drawn with bundled Noto Sans (no glyph server). Useful from world to region zoom; it
 * has no roads.
 */
export function offlineBasemapStyle(baseUrl: string): StyleSpecification {
  const url = (f: string) => `${baseUrl}/basemap/${f}`;
  return {
    version: 8,
    name: 'Offline Natural Earth',
    'font-faces': { [LABEL_FONT]: url('fonts/noto-sans-latin-400-normal.woff2') },
    sources: {
      basemap: { type: 'vector', tiles: [url('tiles/{z}/{x}/{y}.pbf')], minzoom: 0, maxzoom: BASEMAP_TILES_MAX_ZOOM, attribution: BASEMAP_ATTRIBUTION },
    },
    layers: [
      { id: 'water', type: 'background', paint: { 'background-color': '#c9dff0' } },
      { id: 'land', type: 'fill', source: 'basemap', 'source-layer': 'land', paint: { 'fill-color': '#f3f1ea' } },
      { id: 'lakes', type: 'fill', source: 'basemap', 'source-layer': 'lakes', paint: { 'fill-color': '#c9dff0' } },
      { id: 'borders', type: 'line', source: 'basemap', 'source-layer': 'borders', paint: { 'line-color': '#9a9486', 'line-width': ['interpolate', ['linear'], ['zoom'], 2, 0.5, 8, 1.5], 'line-dasharray': [3, 2] } },
      {
        id: 'city-labels',
        type: 'symbol',
        source: 'basemap',
        'source-layer': 'cities',
        // Bigger cities appear first as you zoom in.
        filter: ['>=', ['get', 'population'], ['step', ['zoom'], 5_000_000, 4, 1_000_000, 6, 250_000]],
        layout: {
          'text-field': ['get', 'name'],
          'text-font': [LABEL_FONT],
          'text-size': ['interpolate', ['linear'], ['zoom'], 3, 11, 10, 15],
          'text-variable-anchor': ['top', 'bottom', 'left', 'right'],
          'text-radial-offset': 0.4,
        },
        paint: { 'text-color': '#3f3a33', 'text-halo-color': '#ffffff', 'text-halo-width': 1.2 },
      },
    ],
  };
}
