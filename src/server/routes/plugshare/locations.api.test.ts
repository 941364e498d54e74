import { PlugShareLocationSchema } from '../../../shared/api/responses';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../../test/test-app';
import { haversineKm } from '../../../shared/geo/distance';

type Outlet = { id: number; connector: number; power: number | null; ocm_connection_type_id: number; kilowatts: number | null };
type Station = { id: number; network: { id: number; name: string } | null; cost: number; outlets: Outlet[] };
type Location = {
  id: number;
  name: string;
  latitude: number;
  longitude: number;
  access: number;
  cost: boolean;
  icon: string;
  url: string;
  stations: Station[];
  reviews: unknown[];
  photos: unknown[];
  distance_meters?: number;
  compass_bearing?: number;
  provenance: { source: string; licence: string; source_id: string };
};

let t: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  t = await createTestApp();
});

const ok = async (url: string) => {
  const res = await t.get(url);
  expect(res.status, await res.clone().text()).toBe(200);
  return { body: (await res.json()) as Location[], total: Number(res.headers.get('X-Total-Count')) };
};
const bad = async (url: string, parameter: string) => {
  const res = await t.get(url);
  expect(res.status).toBe(400);
  const body = (await res.json()) as { errors: Array<{ parameter: string }> };
  expect(body.errors.map((e) => e.parameter)).toContain(parameter);
};

const MIDTOWN = 'latitude=40.758&longitude=-73.9855';
const REGION = `${MIDTOWN}&spanLat=0.1&spanLng=0.15`;

describe('GET /api/locations (region search)', () => {
  it('returns locations → stations → outlets in PlugShare shape with provenance', async () => {
    const { body, total } = await ok(`/api/locations?${REGION}&count=50`);
    expect(body.length).toBe(50);
    expect(total).toBeGreaterThan(50);
    const l = body[0];
    expect(l).toMatchObject({ id: expect.any(Number), name: expect.any(String), access: expect.any(Number), cost: expect.any(Boolean) });
    expect(l.stations.length).toBeGreaterThan(0);
    expect(l.stations[0].outlets[0]).toMatchObject({ id: expect.any(Number), connector: expect.any(Number) });
    expect(l.provenance).toMatchObject({ source: expect.any(String), licence: expect.any(String) });
    expect(l.icon).toMatch(/\/icons\/(slow|fast|rapid|ultra|unknown)\.svg$/);
    for (const x of body) {
      expect(Math.abs(x.latitude - 40.758)).toBeLessThanOrEqual(0.05);
      expect(Math.abs(x.longitude + 73.9855)).toBeLessThanOrEqual(0.075);
    }
  });

  it('outlets descriptors match one outlet, with the Tesla power enum', async () => {
    const ccs = await ok(`/api/locations?${REGION}&count=500&outlets=${encodeURIComponent('[{"connector":13}]')}`);
    expect(ccs.total).toBeGreaterThan(0);
    expect(ccs.body.every((l) => l.stations.some((s) => s.outlets.some((o) => o.connector === 13)))).toBe(true);
    const sc = await ok(`/api/locations?${REGION}&count=500&outlets=${encodeURIComponent('[{"connector":6,"power":1}]')}`);
    expect(sc.body.every((l) => l.stations.some((s) => s.outlets.some((o) => o.connector === 6 && o.power === 1)))).toBe(true);
    const either = await ok(`/api/locations?${REGION}&count=1&outlets=${encodeURIComponent('[{"connector":13},{"connector":3}]')}`);
    expect(either.total).toBeGreaterThanOrEqual(ccs.total);
  });

  it('networks, exclude_networks, access, cost, availability and amenities', async () => {
    const all = await ok(`/api/locations?${REGION}&count=1`);
    const cp = await ok(`/api/locations?${REGION}&count=500&networks=5`);
    expect(cp.body.every((l) => l.stations.every((s) => s.network?.id === 5))).toBe(true);
    const noCp = await ok(`/api/locations?${REGION}&count=1&exclude_networks=5`);
    expect(noCp.total + cp.total).toBe(all.total);
    const pub = await ok(`/api/locations?${REGION}&count=1&access=1`);
    const restricted = await ok(`/api/locations?${REGION}&count=1&access=2,3`);
    expect(pub.total + restricted.total).toBe(all.total);
    const free = await ok(`/api/locations?${REGION}&count=500&cost=false`);
    expect(free.body.every((l) => l.cost === false)).toBe(true);
    expect(free.total).toBeLessThan(all.total);
    const unknown = await ok(`/api/locations?${REGION}&count=1&availability=0`);
    expect(unknown.total).toBe(all.total); // no live status yet: every location is "unknown"
    expect((await ok(`/api/locations?${REGION}&count=1&availability=1,2`)).total).toBe(0);
    const hotels = await ok(`/api/locations?latitude=42&longitude=-73&spanLat=6&spanLng=10&count=50&amenities=1`);
    expect(hotels.total).toBeGreaterThan(0);
  });

  it.each([
    ['latitude=40&longitude=-74&spanLat=1', 'spanLng'],
    [`${REGION}&count=501`, 'count'],
    [`${REGION}&outlets=13`, 'outlets'],
    [`${REGION}&outlets=${encodeURIComponent('[{"connector":99}]')}`, 'outlets'],
    [`${REGION}&outlets=${encodeURIComponent('[{"plug":1}]')}`, 'outlets'],
    [`${REGION}&access=4`, 'access'],
    [`${REGION}&availability=9`, 'availability'],
    [`${REGION}&amenities=2`, 'amenities'],
    [`${REGION}&cost=sometimes`, 'cost'],
    [`${REGION}&networks=ChargePoint`, 'networks'],
    [`${REGION}&exclude_networks=1;2`, 'exclude_networks'],
  ])('rejects %s naming %s', async (qs, parameter) => bad(`/api/locations?${qs}`, parameter));
});

describe('GET /api/locations/nearby', () => {
  it('sorts by distance and gives distance_meters and compass_bearing', async () => {
    const { body } = await ok(`/api/locations/nearby?${MIDTOWN}&radius=2000&count=30`);
    expect(body.length).toBe(30);
    const d = body.map((l) => l.distance_meters as number);
    expect(d).toEqual([...d].sort((a, b) => a - b));
    for (const l of body) {
      expect(l.distance_meters).toBeLessThanOrEqual(2000);
      expect(l.distance_meters).toBeCloseTo(haversineKm([40.758, -73.9855], [l.latitude, l.longitude]) * 1000, 3);
      expect(l.compass_bearing).toBeGreaterThanOrEqual(0);
      expect(l.compass_bearing).toBeLessThan(360);
      if (l.latitude > 40.758 + 0.001 && Math.abs(l.longitude + 73.9855) < 0.0005) expect(l.compass_bearing! < 10 || l.compass_bearing! > 350).toBe(true);
    }
  });
  it.each([
    [`${MIDTOWN}&radius=50001`, 'radius'],
    [`${MIDTOWN}&count=0`, 'count'],
    ['latitude=40.7', 'longitude'],
    [`${MIDTOWN}&radius=far`, 'radius'],
  ])('rejects %s naming %s', async (qs, parameter) => bad(`/api/locations/nearby?${qs}`, parameter));
});

describe('GET /api/locations/{id}', () => {
  it('returns one location with stations, outlets, reviews and photos', async () => {
    const { body } = await ok(`/api/locations/nearby?${MIDTOWN}&count=1`);
    const res = await t.get(`/api/locations/${body[0].id}`);
    expect(res.status).toBe(200);
    const l = (await res.json()) as Location;
    expect(l.id).toBe(body[0].id);
    expect(Array.isArray(l.reviews) && Array.isArray(l.photos)).toBe(true);
    expect(l.url).toContain(`location=${l.id}`);
    expect(l).not.toHaveProperty('distance_meters');
  });
  it('reads the location\'s price text into parts, and says when it cannot', async () => {
    const row = t.db
      .prepare("SELECT l.id FROM locations l JOIN location_tariffs t ON t.location_id = l.id WHERE t.source_text = '$1.99 per session; $0.35 per kWh; $10 per hour idle fee' LIMIT 1")
      .get() as { id: number } | undefined;
    expect(row).toBeDefined();
    const l = PlugShareLocationSchema.parse(await (await t.get(`/api/locations/${row!.id}`)).json());
    expect(l.tariff).toMatchObject({ status: 'exact', currency: 'USD', per_kwh: 0.35, session_fee: 1.99, idle_per_hour: 10 });
    expect(l.network_rates).toEqual([]);
    const partial = t.db.prepare("SELECT location_id FROM location_tariffs WHERE status = 'partial' LIMIT 1").get() as { location_id: number };
    const p = PlugShareLocationSchema.parse(await (await t.get(`/api/locations/${partial.location_id}`)).json());
    expect(p.tariff?.status).toBe('partial');
    expect(p.tariff?.notes.length).toBeGreaterThan(0);
  });

  it('404 for an unknown id, 400 for a malformed one', async () => {
    expect((await t.get('/api/locations/999999999999')).status).toBe(404);
    await bad('/api/locations/abc', 'id');
  });
});
