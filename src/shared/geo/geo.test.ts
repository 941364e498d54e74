import { describe, expect, it } from 'vitest';
import { bboxAround, bboxContains, expandBBox, parseOcmBoundingBox } from './bbox';
import { bearingDeg, haversineKm, milesToKm } from './distance';
import { polygonTester } from './polygon';
import { circleRing } from './circle';
import { insertionIndex, routeMeasure } from './route-measure';
import { simplifyLine } from './simplify-line';
import { viewportBounds } from './viewport';
import { corridorChunks, decodePolyline, distanceToLineKm, encodePolyline, lineLengthKm, lineProximity } from './polyline';
import type { LatLng } from './types';

const NYC: LatLng = [40.7128, -74.006];
const BUFFALO: LatLng = [42.8864, -78.8784];

describe('distances and bearings', () => {
  it('matches known great-circle distances', () => {
    expect(haversineKm(NYC, BUFFALO)).toBeCloseTo(470.8, 0);
    expect(haversineKm([51.5074, -0.1278], [48.8566, 2.3522])).toBeCloseTo(343.5, 0); // London–Paris
    expect(milesToKm(1)).toBeCloseTo(1.609344, 6);
  });
  it('gives compass bearings clockwise from north', () => {
    expect(bearingDeg([0, 0], [1, 0])).toBeCloseTo(0, 5);
    expect(bearingDeg([0, 0], [0, 1])).toBeCloseTo(90, 5);
    expect(bearingDeg([0, 0], [-1, 0])).toBeCloseTo(180, 5);
    expect(bearingDeg([0, 0], [0, -1])).toBeCloseTo(270, 5);
  });
});

describe('bounding boxes', () => {
  it('parses OCM boundingbox in any corner order and rejects junk', () => {
    expect(parseOcmBoundingBox('(40.80,-74.05),(40.70,-73.90)')).toEqual({ south: 40.7, north: 40.8, west: -74.05, east: -73.9 });
    expect(parseOcmBoundingBox(' ( 40.7 , -73.9 ) , ( 40.8 , -74.05 ) ')).toEqual({ south: 40.7, north: 40.8, west: -74.05, east: -73.9 });
    for (const bad of ['', '(1,2)', '(a,b),(c,d)', '(91,0),(0,0)', '(0,181),(0,0)', '(1,2),(3,4),(5,6)']) expect(parseOcmBoundingBox(bad)).toBeNull();
  });
  it('bboxAround contains every point within the radius, also near the antimeridian', () => {
    const b = bboxAround([60, 179.9], 50);
    expect(b.west).toBeGreaterThan(b.east); // crosses
    expect(bboxContains(b, [60, -179.5])).toBe(true);
    expect(bboxContains(b, [60, 178])).toBe(false);
    const c = bboxAround(NYC, 10);
    expect(bboxContains(c, [NYC[0] + 0.089, NYC[1]])).toBe(true);
    expect(bboxContains(c, [NYC[0], NYC[1] + 0.118])).toBe(true);
    expect(bboxContains(c, [NYC[0] + 0.1, NYC[1]])).toBe(false);
  });
  it('expands boxes by a distance', () => {
    const e = expandBBox({ south: 40, north: 41, west: -74, east: -73 }, 11.132);
    expect(e.south).toBeCloseTo(39.9, 3);
    expect(e.north).toBeCloseTo(41.1, 3);
  });
});

describe('polygons', () => {
  const square: LatLng[] = [
    [40, -74],
    [40, -73],
    [41, -73],
    [41, -74],
  ]; // open ring: closed automatically
  const inside = polygonTester(square);
  it('tests containment with auto-closing and boundary inclusion', () => {
    expect(inside([40.5, -73.5])).toBe(true);
    expect(inside([41.5, -73.5])).toBe(false);
    expect(inside([40, -73.5])).toBe(true);
  });
  it('handles concave shapes', () => {
    const u = polygonTester([
      [0, 0],
      [0, 3],
      [3, 3],
      [3, 2],
      [1, 2],
      [1, 1],
      [3, 1],
      [3, 0],
    ]);
    expect(u([2, 1.5])).toBe(false); // in the notch
    expect(u([2, 0.5])).toBe(true);
  });
});

describe('encoded polylines', () => {
  it('round-trips Google/OSRM encoding', () => {
    const line: LatLng[] = [
      [38.5, -120.2],
      [40.7, -120.95],
      [43.252, -126.453],
    ];
    const enc = encodePolyline(line);
    expect(enc).toBe('_p~iF~ps|U_ulLnnqC_mqNvxq`@'); // the example from Google's documentation
    expect(decodePolyline(enc)).toEqual(line);
  });
  it('rejects invalid and truncated encodings', () => {
    expect(decodePolyline('')).toBeNull();
    expect(decodePolyline('abc def')).toBeNull();
    expect(decodePolyline('_p~iF~ps|U_ulLnnqC_mqNvxq`')).toBeNull();
  });
  it('measures distance to a line, including far from both ends', () => {
    const line: LatLng[] = [
      [40, -75],
      [40, -73],
    ];
    expect(distanceToLineKm([40.1, -74], line)).toBeCloseTo(11.12, 1);
    expect(distanceToLineKm([40, -72], line)).toBeCloseTo(haversineKm([40, -72], [40, -73]), 0);
  });
  it('splits a long route into chunks whose boxes cover the corridor', () => {
    // ~1,000 km zig-zag across New York State and beyond, 2,000 vertices.
    const line: LatLng[] = Array.from({ length: 2000 }, (_, i) => [40.5 + (i / 2000) * 4 + Math.sin(i / 30) * 0.2, -79 + (i / 2000) * 8] as LatLng);
    const total = lineLengthKm(line);
    expect(total).toBeGreaterThan(800);
    const chunks = corridorChunks(line, 5, 25);
    expect(chunks.length).toBeGreaterThan(total / 26);
    // Every vertex is in some chunk, and chunks join end to start.
    for (let i = 1; i < chunks.length; i++) expect(chunks[i].points[0]).toEqual(chunks[i - 1].points[chunks[i - 1].points.length - 1]);
    // A point 4 km off the route is inside the box of the chunk nearest to it.
    const p: LatLng = [line[1000][0] + 4 / 111.32, line[1000][1]];
    expect(chunks.some((c) => bboxContains(c.box, p) && distanceToLineKm(p, c.points) <= 5)).toBe(true);
    expect(distanceToLineKm(p, line)).toBeLessThan(4.01);
  });
  it('cuts a long straight segment (far waypoints, no road routing) so that no chunk box grows with it', () => {
    const line: LatLng[] = [[42.36, -71.06], [43.05, -76.15]]; // Boston → Syracuse, ~430 km in one segment
    const chunks = corridorChunks(line, 5, 25);
    expect(chunks.length).toBeGreaterThanOrEqual(Math.floor(lineLengthKm(line) / 25));
    for (const c of chunks) {
      expect(lineLengthKm(c.points)).toBeLessThanOrEqual(25.01);
      // A 25 km chunk grown by 5 km: at most (25 + 10) km on a side.
      expect(haversineKm([c.box.south, c.box.west], [c.box.north, c.box.west])).toBeLessThan(36);
    }
    expect(chunks[0].points[0]).toEqual(line[0]);
    expect(chunks.at(-1)?.points.at(-1)).toEqual(line[1]);
    // The pieces lie on the segment as the distance tests see it: every cut point is on the original line.
    for (const c of chunks) for (const q of c.points) expect(distanceToLineKm(q, line)).toBeLessThan(0.01);
    expect(chunks.reduce((km, c) => km + lineLengthKm(c.points), 0)).toBeCloseTo(lineLengthKm(line), 0);
  });
});

describe('circleRing', () => {
  it('puts every point at the radius from the centre and closes the ring', () => {
    const ring = circleRing([40.7, -74], 120, 36);
    expect(ring).toHaveLength(37);
    expect(ring[0]).toEqual(ring[36]);
    for (const [lng, lat] of ring) expect(haversineKm([40.7, -74], [lat, lng])).toBeCloseTo(120, 0);
  });
});

describe('routeMeasure', () => {
  it('gives distance along and off a route', () => {
    // Two legs north then east near New York, about 111 km and 84 km.
    const m = routeMeasure([[40, -74], [41, -74], [41, -73]]);
    expect(m.lengthKm).toBeCloseTo(111.2 + 84.0, -1);
    const p = m.locate([40.5, -73.9]);
    expect(p.alongKm).toBeCloseTo(55.6, 0);
    expect(p.offKm).toBeCloseTo(8.45, 0);
    const q = m.locate([41.1, -73.5]);
    expect(q.alongKm).toBeCloseTo(111.2 + 42, 0);
    expect(q.offKm).toBeCloseTo(11.1, 0);
  });
});

describe('simplifyLine', () => {
  it('keeps a long dense route within the tolerance and under the point budget', () => {
    const dense: LatLng[] = [];
    for (let i = 0; i <= 5000; i++) dense.push([42 + i * 0.0005 + Math.sin(i / 50) * 0.01, -78 + i * 0.001]);
    const simple = simplifyLine(dense, 0.05, 500);
    expect(simple.length).toBeLessThanOrEqual(500);
    expect(simple[0]).toEqual(dense[0]);
    expect(simple.at(-1)).toEqual(dense.at(-1));
    const near = lineProximity(simple);
    // Every original point stays within a few hundred metres of the simplified line.
    expect(Math.max(...dense.filter((_, i) => i % 25 === 0).map((p) => near.distanceKm(p[0], p[1])))).toBeLessThan(0.5);
  });
});

describe('insertionIndex', () => {
  it('puts a waypoint where it lengthens the route least', () => {
    const buffalo: LatLng = [42.886, -78.878];
    const nyc: LatLng = [40.713, -74.006];
    expect(insertionIndex([buffalo, nyc], [43.05, -76.15])).toBe(1);
    expect(insertionIndex([buffalo, [43.05, -76.15], nyc], [42.65, -73.75])).toBe(2);
    expect(insertionIndex([buffalo, nyc], [40.0, -72.0])).toBe(2);
    expect(insertionIndex([buffalo, nyc], [43.5, -80.5])).toBe(0);
    expect(insertionIndex([buffalo], nyc)).toBe(1);
  });
});

describe('viewportBounds', () => {
  // Expected boxes recorded from MapLibre GL JS 5's map.getBounds() for the same view in Chromium.
  it.each([
    [[40.7549, -73.984], 13, 1280, 800, { south: 40.728887900536876, west: -74.03893164062549, north: 40.7809019260456, east: -73.9290683593756 }],
    [[39.5, -98.35], 4, 1280, 800, { south: 24.68219417158501, west: -126.47500000000022, north: 51.72378433739155, east: -70.22499999999938 }],
    [[51.5, -0.12], 9.5, 360, 740, { south: 51.2757854059372, west: -0.29479141014539323, north: 51.72311693358293, east: 0.05479141014313882 }],
    [[-33.9, 151.2], 6.25, 1000, 700, { south: -36.54104390603489, west: 146.5808180314409, north: -31.174552146207724, east: 155.81918196855457 }],
  ] as const)('agrees with MapLibre at %j zoom %d (%d × %d px)', (center, zoom, w, h, expected) => {
    const b = viewportBounds(center, zoom, w, h);
    for (const k of ['south', 'west', 'north', 'east'] as const) expect(b[k]).toBeCloseTo(expected[k], 9);
  });
  it('stops at the Mercator limit near the poles', () => {
    const b = viewportBounds([80, 0], 1, 1000, 1000);
    expect(b.north).toBeCloseTo(85.051129, 5);
  });
});
