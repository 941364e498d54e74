import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createTestApp } from '../../test/test-app';
import { OcmPoiQuerySchema } from '../../../shared/api/ocm-poi-query';
import { encodePolyline } from '../../../shared/geo/polyline';

let t: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  t = await createTestApp();
});

const names = [...Object.keys(OcmPoiQuerySchema.shape), 'unknown', 'MaxResults', 'BoundingBox'];
const hostile = fc.oneof(fc.string(), fc.string({ unit: 'grapheme', maxLength: 20 }), fc.double().map(String), fc.constantFrom('', 'NaN', '1e308', '%', '[]', ',,,', '-0'));
const bool = fc.constantFrom('true', 'false', 'TRUE', '1', '0');
const ints = fc.array(fc.integer({ min: -5, max: 4000 }), { minLength: 1, maxLength: 4 }).map((l) => l.join(','));
const line = fc
  .array(fc.tuple(fc.double({ min: 35, max: 55, noNaN: true }), fc.double({ min: -80, max: 15, noNaN: true })), { minLength: 1, maxLength: 6 })
  .map((pts) => encodePolyline(pts));
/** Mostly plausible values per parameter, so that valid combinations (and the code behind them) are reached. */
const plausible: Record<string, fc.Arbitrary<string>> = {
  output: fc.constantFrom('json', 'geojson', 'xml', 'csv', 'kml', 'JSON'),
  maxresults: fc.integer({ min: 1, max: 300 }).map(String),
  countrycode: fc.constantFrom('US', 'gb', 'DE,FR', 'XX'),
  countryid: ints,
  latitude: fc.double({ min: -90, max: 90, noNaN: true }).map(String),
  longitude: fc.double({ min: -180, max: 180, noNaN: true }).map(String),
  distance: fc.double({ min: 0, max: 500, noNaN: true }).map(String),
  distanceunit: fc.constantFrom('km', 'Miles', 'KM', 'mi'),
  operatorid: ints,
  connectiontypeid: ints,
  levelid: fc.constantFrom('1', '2', '3', '1,3'),
  minpowerkw: fc.double({ min: 0, max: 400, noNaN: true }).map(String),
  maxpowerkw: fc.double({ min: 0, max: 400, noNaN: true }).map(String),
  usagetypeid: ints,
  statustypeid: ints,
  dataproviderid: ints,
  modifiedsince: fc.constantFrom('2016-09-15T09:30', '2024-01-01', '2025-06-01T00:00:00Z'),
  opendata: bool,
  includecomments: bool,
  verbose: bool,
  compact: bool,
  camelcase: bool,
  callback: fc.constantFrom('cb', 'jQuery123_456', 'a.b'),
  chargepointid: ints,
  boundingbox: fc
    .tuple(fc.double({ min: -90, max: 90, noNaN: true }), fc.double({ min: -180, max: 180, noNaN: true }), fc.double({ min: -90, max: 90, noNaN: true }), fc.double({ min: -180, max: 180, noNaN: true }))
    .map(([a, b, c, d]) => `(${a},${b}),(${c},${d})`),
  polygon: line,
  polyline: line,
  sortby: fc.constantFrom('id_asc', 'id_desc', 'distance_asc', 'created_date_desc', 'modified_date_desc', 'power_desc'),
  greaterthanid: fc.integer({ min: -1, max: 200_000_000 }).map(String),
};
const pair = fc.constantFrom(...names).chain((k) => fc.tuple(fc.constant(k), fc.oneof({ weight: 4, arbitrary: plausible[k.toLowerCase()] ?? hostile }, { weight: 1, arbitrary: hostile })));
const queryString = fc
  .uniqueArray(pair, { maxLength: 6, selector: ([k]) => k.toLowerCase() })
  .map((pairs) => pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&'));
const rawQuery = fc.string({ maxLength: 60 }).map((s) => s.replace(/[#\s]/g, ''));

describe('GET /v3/poi never fails with a 5xx', () => {
  it('for random parameter sets', async () => {
    await fc.assert(
      fc.asyncProperty(queryString, async (qs) => {
        const res = await t.get(`/v3/poi?${qs}`);
        expect(res.status, qs).toBeLessThan(500);
        if (res.status === 400) expect(((await res.json()) as { errors: unknown[] }).errors.length).toBeGreaterThan(0);
      }),
      { numRuns: 400 },
    );
  });
  it('for raw, possibly malformed query strings', async () => {
    await fc.assert(
      fc.asyncProperty(rawQuery, async (qs) => {
        const res = await t.get(`/v3/poi?${qs}`);
        expect(res.status, qs).toBeLessThan(500);
      }),
      { numRuns: 300 },
    );
  });
});
