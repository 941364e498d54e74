import { describe, expect, it } from 'vitest';
import { poisToFeatures } from './poi-features';
import { statusOf } from '../../../shared/location-status';

describe('poisToFeatures', () => {
  it('turns compact OCM POIs into points with power class and status', () => {
    const fc = poisToFeatures([
      { ID: 7, StatusTypeID: 50, AddressInfo: { Latitude: 40.75, Longitude: -73.98, Title: 'A' }, Connections: [{ PowerKW: 7.2 }, { PowerKW: 150 }] },
      { ID: 8, StatusTypeID: null, AddressInfo: { Latitude: 51.5, Longitude: -0.1, Title: 'B' }, Connections: [] },
    ]);
    expect(fc.features[0]).toEqual({
      type: 'Feature',
      id: 7,
      geometry: { type: 'Point', coordinates: [-73.98, 40.75] },
      properties: { id: 7, name: 'A', power_class: 'ultra', max_power_kw: 150, status: 'operational', provider: null, availability: 0, simulated: false },
    });
    expect(fc.features[1].properties).toMatchObject({ power_class: null, max_power_kw: null, status: 'unknown' });
  });

  it('maps OCM status types onto four map states', () => {
    expect([0, 10, 30, 50, 75, 100, 150, 200].map(statusOf)).toEqual([
      'unknown',
      'operational',
      'not_operational',
      'operational',
      'operational',
      'not_operational',
      'planned',
      'not_operational',
    ]);
  });
});
