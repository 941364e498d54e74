import { describe, expect, it } from 'vitest';
import { CHARGER_SOURCE, chargerLayers, selectedFilter } from './charger-layers';
import { offlineBasemapStyle } from './basemap-style';

describe('charger layers', () => {
  it('draws clusters, their counts, points and the selection from one source', () => {
    const layers = chargerLayers();
    expect(layers.map((l) => l.id)).toEqual(['charger-clusters', 'charger-cluster-count', 'charger-points', 'charger-live', 'charger-selected']);
    expect(layers.every((l) => 'source' in l && l.source === CHARGER_SOURCE)).toBe(true);
    const points = layers.find((l) => l.id === 'charger-points');
    expect(JSON.stringify(points)).toContain('power_class');
    expect(JSON.stringify(points)).toContain('not_operational');
    // Live badges only for known availability (1 available, 2 in use, 3 offline).
    const live = layers.find((l) => l.id === 'charger-live') as { filter: unknown };
    expect(JSON.stringify(live.filter)).toContain('["coalesce",["get","availability"],0],1');
  });
  it('selects one location by id', () => {
    expect(selectedFilter(42)).toEqual(['==', ['get', 'id'], 42]);
    expect(selectedFilter(null)).toEqual(['==', ['get', 'id'], -1]);
  });
});

describe('offline basemap style', () => {
  it('uses bundled GeoJSON and fonts, no glyph server', () => {
    const s = offlineBasemapStyle('http://host');
    expect(s.glyphs).toBeUndefined();
    expect(Object.values(s.sources).map((src) => (src as { data: string }).data)).toEqual([
      'http://host/basemap/land.geojson',
      'http://host/basemap/lakes.geojson',
      'http://host/basemap/borders.geojson',
      'http://host/basemap/cities.geojson',
    ]);
    expect(JSON.stringify(s['font-faces'])).toContain('/basemap/fonts/noto-sans-latin-400-normal.woff2');
  });
});
