import { compatibilityByRegion } from '../../shared/vehicles/ports';
import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createTestApp } from '../test/test-app';
import { SqliteLocationRepository } from './location-repository';
import type { LocationSearch } from './location-search';
import { GridClusterer } from '../../shared/geo/grid-clusterer';
import { evseIdOf } from '../../shared/telemetry/evse-id';

/**
 * The in-memory index must mean exactly what the SQL filters mean. Random searches over the real bundled data are
 * run both ways and must return the same totals and the same first hits.
 */
let repo: SqliteLocationRepository;
beforeAll(async () => {
  const t = await createTestApp();
  repo = t.deps.locations as SqliteLocationRepository;
  // Live availability for some New York stations: fresh samples of every state, and stale ones.
  const stations = t.db.prepare('SELECT s.id FROM stations s JOIN locations l ON l.id = s.location_id WHERE l.latitude BETWEEN 40 AND 43 ORDER BY s.id LIMIT 600').all() as Array<{ id: number }>;
  const now = Date.now();
  const logs = stations.map(({ id }, i) => ({
    evse: evseIdOf(id),
    sampled_at: new Date(now - (i % 5 === 0 ? 40 : 1) * 60_000).toISOString(),
    is_plugged_in: i % 3 === 0 ? null : i % 3 === 1,
    is_charging: i % 7 === 0,
    is_out_of_order: i % 11 === 0,
  }));
  const outcome = t.deps.telemetry.ingestEvseStatus(logs, null);
  if (!outcome.ok || outcome.report.inserted !== stations.length) throw new Error('could not seed live availability');
});

const box = fc
  .tuple(fc.double({ min: 25, max: 60, noNaN: true }), fc.double({ min: -125, max: 15, noNaN: true }), fc.double({ min: 0.01, max: 8, noNaN: true }), fc.double({ min: 0.01, max: 10, noNaN: true }))
  .map(([s, w, h, wd]) => ({ south: s, west: w, north: Math.min(90, s + h), east: Math.min(180, w + wd) }));
const sub = <T>(values: T[]) => fc.option(fc.subarray(values, { minLength: 1 }), { nil: undefined });

const search: fc.Arbitrary<LocationSearch> = fc.record({
  area: fc.option(
    fc.oneof(
      box.map((b) => ({ kind: 'bbox' as const, box: b })),
      fc.tuple(fc.double({ min: 40, max: 43, noNaN: true }), fc.double({ min: -79, max: -72, noNaN: true }), fc.double({ min: 0.5, max: 60, noNaN: true })).map(([lat, lng, km]) => ({ kind: 'radius' as const, center: [lat, lng] as [number, number], km })),
    ),
    { nil: undefined },
  ),
  connectionTypeIds: sub([1, 2, 25, 27, 32, 33]),
  compatibleWith: fc.option(fc.subarray(['type1', 'type2', 'ccs', 'chademo', 'tesla_suc', 'tesla_ccs'], { minLength: 1 }).map(compatibilityByRegion), { nil: undefined }),
  levelIds: sub([1, 2, 3]),
  minPowerKw: fc.option(fc.constantFrom(3, 7, 22, 50, 100, 150), { nil: undefined }),
  operatorIds: sub([5, 9, 23, 3534, 3318, 45]),
  excludeOperatorIds: sub([5, 9, 23]),
  usageTypeIds: sub([0, 1, 2, 4, 5]),
  statusTypeIds: sub([0, 30, 50, 100, 150]),
  operationalOnly: fc.option(fc.boolean(), { nil: undefined }),
  dataProviderIds: sub([1, 2, 18, 29]),
  openData: fc.option(fc.boolean(), { nil: undefined }),
  cost: fc.option(fc.constantFrom('free', 'paid', 'no_known_fee') as fc.Arbitrary<'free' | 'paid' | 'no_known_fee'>, { nil: undefined }),
  countryIsoCodes: sub(['US', 'GB', 'DE', 'FR']),
  availability: sub([0, 1, 2, 3] as const).map((a) => a && [...a]),
  modifiedSince: fc.option(fc.constantFrom('2015-01-01T00:00:00Z', '2024-06-01T00:00:00Z'), { nil: undefined }),
  sort: fc.constantFrom('id_asc', 'id_desc', 'power_desc', 'created_desc', 'modified_desc') as fc.Arbitrary<LocationSearch['sort']>,
  limit: fc.constantFrom(1, 10, 100),
});

describe('LocationIndex ≡ SQL', () => {
  it('returns the same totals and hits for random searches', () => {
    fc.assert(
      fc.property(search, (q) => {
        const a = repo.search(q);
        const b = repo.searchSql(q);
        expect(a.total).toBe(b.total);
        expect(a.hits.map((h) => h.id)).toEqual(b.hits.map((h) => h.id));
      }),
      { numRuns: 300 },
    );
  });

  it('agrees on live availability for every set of codes, near the live EVSEs and everywhere', () => {
    const ny = { kind: 'bbox' as const, box: { south: 40, west: -80, north: 43, east: -72 } };
    let live = 0;
    for (let mask = 1; mask < 16; mask++) {
      const availability = ([0, 1, 2, 3] as const).filter((a) => mask & (1 << a));
      for (const area of [ny, undefined]) {
        const q: LocationSearch = { area, availability, sort: 'id_asc', limit: 50 };
        const a = repo.search(q);
        const b = repo.searchSql(q);
        expect(a.total).toBe(b.total);
        expect(a.hits.map((h) => h.id)).toEqual(b.hits.map((h) => h.id));
        if (mask === 0b0110 && area) live = a.total;
      }
    }
    // The seeded fresh samples make many New York locations available or in use.
    expect(live).toBeGreaterThan(200);
  });

  it('clusters count every match once', () => {
    fc.assert(
      fc.property(box, fc.integer({ min: 3, max: 14 }), (b, zoom) => {
        // Views far larger than a screen at their zoom are refused by the route (400); only real views here.
        fc.pre(GridClusterer.layout(b, zoom).cells <= GridClusterer.MAX_CELLS);
        const { total, clusters } = repo.clusters({ box: b, zoom });
        expect(clusters.reduce((s, c) => s + c.count, 0)).toBe(total);
        expect(total).toBe(repo.searchSql({ area: { kind: 'bbox', box: b }, sort: 'id_asc', limit: 1 }).total);
      }),
      { numRuns: 60 },
    );
  });

  it('gives a map view the same points, in the same order, from the index and from SQL', () => {
    fc.assert(
      fc.property(search, (q) => {
        const b = q.area?.kind === 'bbox' ? q.area.box : { south: 40.5, west: -74.3, north: 41, east: -73.7 };
        const viaIndex = repo.points({ ...q, box: b });
        const sql = repo.searchSql({ ...q, area: { kind: 'bbox', box: b }, sort: 'power_desc' });
        expect(viaIndex.total).toBe(sql.total);
        expect(viaIndex.points.map((p) => p.id)).toEqual(sql.hits.map((h) => h.id));
      }),
      { numRuns: 150 },
    );
  });

  it('answers points through SQL for filters the index does not hold, with status and provider', () => {
    const b = { south: 40.5, west: -74.3, north: 41, east: -73.7 };
    const facility = repo.searchSql({ area: { kind: 'bbox', box: b }, facilityTypes: ['PAY_GARAGE'], sort: 'power_desc', limit: 20 });
    const viaSql = repo.points({ box: b, facilityTypes: ['PAY_GARAGE'], limit: 20 });
    expect(viaSql.total).toBe(facility.total);
    expect(viaSql.total).toBeGreaterThan(0);
    expect(viaSql.points.map((p) => p.id)).toEqual(facility.hits.map((h) => h.id));
    const index = repo.points({ box: b, limit: 100_000 });
    const byId = new Map(index.points.map((p) => [p.id, p]));
    for (const p of viaSql.points) expect(p).toEqual(byId.get(p.id));
  });
});
