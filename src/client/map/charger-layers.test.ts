import { describe, expect, it } from 'vitest';
import { CHARGER_LABEL_SOURCE, CHARGER_SOURCE, chargerLayers, selectedFilter } from './charger-layers';
import { offlineBasemapStyle } from './basemap-style';

describe('charger layers', () => {
  it('draws clusters, points and the selection from one source and the counts from a copy', () => {
    const layers = chargerLayers();
    expect(layers.map((l) => l.id)).toEqual(['charger-clusters', 'charger-cluster-count', 'charger-points', 'charger-live', 'charger-selected']);
    // Symbols are cut from their own copy of the data, so the circles never wait for glyphs.
    expect(layers.map((l) => ('source' in l ? l.source : null))).toEqual([CHARGER_SOURCE, CHARGER_LABEL_SOURCE, CHARGER_SOURCE, CHARGER_SOURCE, CHARGER_SOURCE]);
    expect(layers.filter((l) => l.type === 'symbol').every((l) => 'source' in l && l.source === CHARGER_LABEL_SOURCE)).toBe(true);
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
  it('uses the bundled vector tiles and fonts, no glyph server', () => {
    const s = offlineBasemapStyle('http://host');
    expect(s.glyphs).toBeUndefined();
    expect(s.sources).toEqual({ basemap: expect.objectContaining({ type: 'vector', tiles: ['http://host/basemap/tiles/{z}/{x}/{y}.pbf'], maxzoom: 6 }) });
    // Every layer but the background reads one of the layers build-basemap writes.
    const layers = s.layers.filter((l) => l.type !== 'background').map((l) => (l as { 'source-layer': string })['source-layer']);
    expect(layers).toEqual(['land', 'lakes', 'borders', 'cities']);
    expect(JSON.stringify(s['font-faces'])).toContain('/basemap/fonts/noto-sans-latin-400-normal.woff2');
  });
});
