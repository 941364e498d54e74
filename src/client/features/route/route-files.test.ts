import { describe, expect, it } from 'vitest';
import { encodePolyline } from '../../../shared/geo/polyline';
import { planToGpx, routeFromText } from './route-files';

describe('routes from pasted text and files', () => {
  it('reads an encoded polyline, GeoJSON lines and features', () => {
    expect(routeFromText(encodePolyline([[42.88, -78.87], [40.71, -74]]))).toEqual([[42.88, -78.87], [40.71, -74]]);
    const ls = { type: 'LineString', coordinates: [[-78.87, 42.88], [-76, 42], [-74, 40.71]] };
    expect(routeFromText(JSON.stringify(ls))).toEqual([[42.88, -78.87], [42, -76], [40.71, -74]]);
    const fc = { type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry: ls }, { type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [0, 0] } }] };
    expect(routeFromText(JSON.stringify(fc))).toHaveLength(3);
  });

  it.each([
    ['{"type": "Point", "coordinates": [1, 2]}', /No LineString/],
    ['{not json', /not valid JSON/],
    ['hello world', /Not an encoded polyline/],
  ])('explains what is wrong with %s', (text, message) => {
    expect(() => routeFromText(text)).toThrow(message);
  });

  it('writes GPX with the track and the stops, escaping names', () => {
    const gpx = planToGpx([[42.88, -78.87], [40.71, -74]], [{ name: 'Stop 1: A & B <Supercharger>', latitude: 42.1, longitude: -76.2, description: 'Arrive 15 %, leave 80 %' }], 'Buffalo → New York');
    expect(gpx).toContain('<trkpt lat="42.880000" lon="-78.870000"/>');
    expect(gpx).toContain('<wpt lat="42.100000" lon="-76.200000"><name>Stop 1: A &amp; B &lt;Supercharger&gt;</name>');
    expect(gpx.match(/<trkpt /g)).toHaveLength(2);
  });
});
