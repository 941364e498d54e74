import { describe, expect, it } from 'vitest';
import { liveCounterText, viewCounterText } from './view-counter';
import { roundedView } from '../api/get-map-data';

describe('view counter', () => {
  it('says how many are in view, and when capped how many are shown', () => {
    expect(viewCounterText({ total: 0, shown: 0 })).toBe('No chargers match here — zoom out or loosen the filters');
    expect(viewCounterText({ total: 1, shown: 1 })).toBe('1 location in view');
    expect(viewCounterText({ total: 1234, shown: 1234 })).toBe('1,234 locations in view');
    expect(viewCounterText({ total: 5000, shown: 2000 })).toBe('5,000 match, showing 2,000 — zoom in');
  });
});

describe('live counter', () => {
  const data = (availability: number[], clientClustering = true) => ({
    clientClustering,
    total: availability.length,
    shown: availability.length,
    data: { type: 'FeatureCollection' as const, features: availability.map((a, i) => ({ type: 'Feature' as const, geometry: { type: 'Point' as const, coordinates: [0, 0] }, properties: { id: i, availability: a } })) },
  });
  it('counts locations a live feed reports free among those reporting', () => {
    expect(liveCounterText(data([1, 1, 2, 3, 0, 0]))).toBe('2 of 4 reporting free now');
    expect(liveCounterText(data([0, 0]))).toBeNull();
    expect(liveCounterText(data([1], false))).toBeNull();
  });
});

describe('roundedView', () => {
  it('rounds outward to a quarter-tile grid so small pans share a key', () => {
    const a = roundedView({ zoom: 12.3, center: [40.75, -73.98], bounds: { south: 40.7, west: -74.02, north: 40.8, east: -73.94 } });
    const b = roundedView({ zoom: 12.4, center: [40.75, -73.98], bounds: { south: 40.7001, west: -74.0199, north: 40.8001, east: -73.9399 } });
    expect(a).toEqual(b);
    expect(a.south).toBeLessThanOrEqual(40.7);
    expect(a.north).toBeGreaterThanOrEqual(40.8);
    expect(a.zoom).toBe(12);
  });
});
