import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../test/test-app';
import { PointFeatureCollectionSchema } from '../../shared/api/map-points';

type Feature = { geometry: { coordinates: [number, number] }; properties: { cluster: boolean; point_count: number; max_power_kw: number | null; power_class: string | null; id: number | null } };

let t: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  t = await createTestApp();
});

const NY_STATE = 'boundingbox=(40.4,-79.8),(45.1,-71.8)';
const get = async (qs: string) => {
  const res = await t.get(`/api/clusters?${qs}`);
  expect(res.status, await res.clone().text()).toBe(200);
  const body = (await res.json()) as { type: string; features: Feature[] };
  return { features: body.features, total: Number(res.headers.get('X-Total-Count')) };
};

describe('GET /api/clusters', () => {
  it('clusters a state view into few features whose counts add up to the total', async () => {
    const { features, total } = await get(`${NY_STATE}&zoom=6`);
    const poi = await t.get(`/v3/poi?${NY_STATE}&maxresults=1`);
    expect(total).toBe(Number(poi.headers.get('X-Total-Count')));
    expect(features.length).toBeLessThan(200);
    expect(features.length).toBeGreaterThan(5);
    expect(features.reduce((s, f) => s + f.properties.point_count, 0)).toBe(total);
    for (const f of features) {
      const [lng, lat] = f.geometry.coordinates;
      expect(lat).toBeGreaterThanOrEqual(40.4);
      expect(lng).toBeLessThanOrEqual(-71.8);
    }
    expect(features.some((f) => f.properties.power_class === 'ultra')).toBe(true);
  });

  it('splits into more cells as the zoom grows, down to single locations with their ids', async () => {
    const z6 = await get(`${NY_STATE}&zoom=6`);
    const z9 = await get(`${NY_STATE}&zoom=9`);
    expect(z9.features.length).toBeGreaterThan(z6.features.length);
    const street = await get('boundingbox=(40.755,-73.99),(40.76,-73.98)&zoom=18');
    expect(street.features.length).toBeGreaterThan(0);
    const single = street.features.find((f) => !f.properties.cluster);
    expect(single?.properties.id).toBeTypeOf('number');
    // A single location carries its symbol's data, as /api/points gives it.
    const points = PointFeatureCollectionSchema.parse(await (await t.get('/api/points?boundingbox=(40.755,-73.99),(40.76,-73.98)&maxresults=5000')).json());
    const same = points.features.find((f) => f.id === single?.properties.id)?.properties;
    expect(same).toBeDefined();
    expect(single?.properties).toMatchObject({ status: same?.status, provider: same?.provider, availability: same?.availability, simulated: same?.simulated });
    const detail = await t.get(`/api/locations/${single?.properties.id}`);
    expect(detail.status).toBe(200);
  });

  it('honours the same filters as /v3/poi, plus exclusions and operational-only', async () => {
    const filters = 'connectiontypeid=32&minpowerkw=100';
    const c = await get(`${NY_STATE}&zoom=6&${filters}`);
    const poi = await t.get(`/v3/poi?${NY_STATE}&${filters}&maxresults=1`);
    expect(c.total).toBe(Number(poi.headers.get('X-Total-Count')));
    expect(c.features.every((f) => (f.properties.max_power_kw ?? 0) >= 100)).toBe(true);
    const all = await get(`${NY_STATE}&zoom=6`);
    const noCp = await get(`${NY_STATE}&zoom=6&excludeoperatorid=5`);
    const cp = await get(`${NY_STATE}&zoom=6&operatorid=5`);
    expect(noCp.total + cp.total).toBe(all.total);
    const op = await get(`${NY_STATE}&zoom=6&operationalonly=true`);
    expect(op.total).toBeLessThanOrEqual(all.total);
  });

  it.each([
    ['zoom=5', 'boundingbox'],
    [`${NY_STATE}`, 'zoom'],
    [`${NY_STATE}&zoom=23`, 'zoom'],
    ['boundingbox=(-80,-179),(80,179)&zoom=22', 'zoom'],
    ['boundingbox=(1,2)&zoom=3', 'boundingbox'],
    [`${NY_STATE}&zoom=5&minpowerkw=50&maxpowerkw=10`, 'maxpowerkw'],
    [`${NY_STATE}&zoom=5&excludeoperatorid=x`, 'excludeoperatorid'],
  ])('rejects %s naming %s', async (qs, parameter) => {
    const res = await t.get(`/api/clusters?${qs}`);
    expect(res.status).toBe(400);
    expect(((await res.json()) as { errors: Array<{ parameter: string }> }).errors.map((e) => e.parameter)).toContain(parameter);
  });
});

describe('GET /api/points', () => {
  const MANHATTAN = 'boundingbox=(40.8,-74.02),(40.7,-73.93)';
  const points = async (qs: string) => {
    const res = await t.get(`/api/points?${qs}`);
    expect(res.status, await res.clone().text()).toBe(200);
    return { body: PointFeatureCollectionSchema.parse(await res.json()), total: Number(res.headers.get('X-Total-Count')) };
  };

  it('returns the same locations as /v3/poi for a view, strongest first, with what a symbol needs', async () => {
    const { body, total } = await points(`${MANHATTAN}&maxresults=50`);
    const poi = await t.get(`/v3/poi?${MANHATTAN}&maxresults=50&sortby=power_desc&compact=true&verbose=false`);
    const pois = (await poi.json()) as Array<{ ID: number; StatusTypeID: number | null; DataProviderID: number; AddressInfo: { Latitude: number; Longitude: number } }>;
    expect(total).toBe(Number(poi.headers.get('X-Total-Count')));
    expect(total).toBeGreaterThan(50);
    expect(body.features.map((f) => f.id)).toEqual(pois.map((p) => p.ID));
    const kw = body.features.map((f) => f.properties.max_power_kw ?? 0);
    expect(kw).toEqual([...kw].sort((a, b) => b - a));
    const first = body.features[0];
    expect(first.geometry.coordinates).toEqual([pois[0].AddressInfo.Longitude, pois[0].AddressInfo.Latitude]);
    expect(first.properties).toMatchObject({ id: pois[0].ID, provider: pois[0].DataProviderID, availability: 0, simulated: false });
    expect(first.properties.power_class).toBe('ultra');
  });

  it('honours the filters /api/clusters takes, and folds OCM status into the map states', async () => {
    const all = await points(MANHATTAN);
    const fast = await points(`${MANHATTAN}&minpowerkw=50`);
    expect(fast.total).toBeLessThan(all.total);
    expect(fast.body.features.every((f) => (f.properties.max_power_kw ?? 0) >= 50)).toBe(true);
    const operational = await points(`${MANHATTAN}&operationalonly=true&maxresults=5000`);
    expect(operational.body.features.every((f) => f.properties.status === 'operational' || f.properties.status === 'unknown')).toBe(true);
    const clusters = await t.get(`/api/clusters?${MANHATTAN}&zoom=12&minpowerkw=50`);
    expect(fast.total).toBe(Number(clusters.headers.get('X-Total-Count')));
  });

  it.each([
    ['maxresults=10', 'boundingbox'],
    [`${MANHATTAN}&maxresults=0`, 'maxresults'],
    [`${MANHATTAN}&maxresults=5001`, 'maxresults'],
    [`${MANHATTAN}&minpowerkw=50&maxpowerkw=10`, 'maxpowerkw'],
    ['boundingbox=(1,2)', 'boundingbox'],
  ])('rejects %s naming %s', async (qs, parameter) => {
    const res = await t.get(`/api/points?${qs}`);
    expect(res.status).toBe(400);
    expect(((await res.json()) as { errors: Array<{ parameter: string }> }).errors.map((e) => e.parameter)).toContain(parameter);
  });
});
