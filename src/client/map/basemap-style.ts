import type { StyleSpecification } from 'maplibre-gl';

export const BASEMAP_ATTRIBUTION = 'Basemap: Natural Earth (public domain) · cities: SimpleMaps (CC BY 4.0)';
export const LABEL_FONT = 'Noto Sans Regular';

/**
 * The offline basemap built by `npm run build:basemap` into public/basemap/: land, lakes, country borders and city
 * labels drawn with bundled Noto Sans (no glyph server). Useful from world to region zoom; it has no roads.
 */
export function offlineBasemapStyle(baseUrl: string): StyleSpecification {
  const url = (f: string) => `${baseUrl}/basemap/${f}`;
  return {
    version: 8,
    name: 'Offline Natural Earth',
    'font-faces': { [LABEL_FONT]: url('fonts/noto-sans-latin-400-normal.woff2') },
    sources: {
      land: { type: 'geojson', data: url('land.geojson'), attribution: BASEMAP_ATTRIBUTION },
      lakes: { type: 'geojson', data: url('lakes.geojson') },
      borders: { type: 'geojson', data: url('borders.geojson') },
      cities: { type: 'geojson', data: url('cities.geojson') },
    },
    layers: [
      { id: 'water', type: 'background', paint: { 'background-color': '#c9dff0' } },
      { id: 'land', type: 'fill', source: 'land', paint: { 'fill-color': '#f3f1ea' } },
      { id: 'lakes', type: 'fill', source: 'lakes', paint: { 'fill-color': '#c9dff0' } },
      { id: 'borders', type: 'line', source: 'borders', paint: { 'line-color': '#9a9486', 'line-width': ['interpolate', ['linear'], ['zoom'], 2, 0.5, 8, 1.5], 'line-dasharray': [3, 2] } },
      {
        id: 'city-labels',
        type: 'symbol',
        source: 'cities',
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
