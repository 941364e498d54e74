import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { VehicleMakeSchema, VehicleSchema, type Vehicle } from '../../../shared/api/leccy-vehicles';
import { importFile } from '../../importers/run-import';
import { apiClient } from '../../test/api-client';
import { createSmallTestApp } from '../../test/test-app';
import { DATA_DIR } from '../../test/test-db';

let t: Awaited<ReturnType<typeof createSmallTestApp>>;
let token: string;
beforeAll(async () => {
  t = await createSmallTestApp({ MONTHLY_LIMIT_REGISTERED: '0' });
  await importFile(t.db, path.join(DATA_DIR, 'ev-vehicles-open-ev-data/ev-data.json'));
  token = (await apiClient(t.request).signUp()).token;
});

const get = async (url: string, auth = false) => {
  const res = await t.request(url, auth ? { headers: { Authorization: `Bearer ${token}` } } : undefined);
  return { res, body: (await res.json()) as unknown };
};
const vehicles = async (url: string, auth = false) => VehicleSchema.array().parse((await get(url, auth)).body);

describe('Leccy /v1/vehicles from Open EV Data', () => {
  it('groups variants into vehicles with an estimated range in miles by default and km on request', async () => {
    const [leafMi] = (await vehicles('/v1/vehicles?manufacturer=Nissan')).filter((v) => v.id === 'nissan-leaf');
    const [leafKm] = (await vehicles('/v1/vehicles?manufacturer=nissan&distance=metric')).filter((v) => v.id === 'nissan-leaf');
    expect(leafMi).toMatchObject({ name: 'Nissan Leaf', manufacturer: 'Nissan', type: 'car', distanceUnit: 'mi', seats: null });
    // e+ 62 kWh at 17.2 kWh/100 km ≈ 360 km: the longest-range variant is the range maximum.
    expect(leafKm.range?.max).toBeGreaterThan(340);
    expect(leafKm.range?.max).toBeLessThan(380);
    expect(Math.abs((leafMi.range?.max ?? 0) * 1.609344 - (leafKm.range?.max ?? 0))).toBeLessThan(2);
  });

  it('gives variants (Registered data) only to signed-in callers, with what planning needs', async () => {
    const [anon] = await vehicles('/v1/vehicles?manufacturer=nissan&q=leaf');
    expect(anon.variants).toEqual([]);
    const signedIn = (await vehicles('/v1/vehicles?manufacturer=nissan&q=leaf', true))[0];
    const ePlus = signedIn.variants.find((v) => v.name === 'e+ 62 kWh');
    expect(ePlus).toMatchObject({ batteryKwh: 62, powertrain: 'bev', dc: { ports: ['chademo'], maxPowerKw: 100 } });
    expect(ePlus?.range.est).toBeGreaterThan(200);
    expect(ePlus?.range.wltp).toBeUndefined();
    expect(ePlus?.dc?.curve.length).toBeGreaterThan(1);
  });

  it('filters by status and type and sorts by name or range in either order', async () => {
    const all = await vehicles('/v1/vehicles');
    expect(all.length).toBeGreaterThan(100);
    expect(all.map((v) => v.name)).toEqual([...all.map((v) => v.name)].sort((a, b) => a.localeCompare(b)));
    const bikes = await vehicles('/v1/vehicles?type=motorbike');
    expect(bikes.length).toBeGreaterThan(0);
    expect(bikes.every((v) => v.type === 'motorbike')).toBe(true);
    const byRange = (await vehicles('/v1/vehicles?sort=range&order=desc&type=car')).filter((v) => v.range);
    for (let i = 1; i < byRange.length; i++) expect(byRange[i - 1].range!.max).toBeGreaterThanOrEqual(byRange[i].range!.max);
    const discontinued = await vehicles('/v1/vehicles?status=discontinued');
    expect(discontinued.every((v: Vehicle) => v.status === 'discontinued')).toBe(true);
    const current = await vehicles('/v1/vehicles?status=current');
    expect(current.length + discontinued.length).toBeLessThanOrEqual(all.length);
  });

  it('answers POST like GET, one vehicle by id, and 404 for an unknown one', async () => {
    const post = await t.request('/v1/vehicles', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ manufacturer: 'tesla', distance: 'metric' }) });
    const teslas = VehicleSchema.array().parse(await post.json());
    expect(teslas.length).toBeGreaterThan(0);
    expect(teslas.every((v) => v.manufacturer === 'Tesla' && v.distanceUnit === 'km')).toBe(true);
    const one = await get(`/v1/vehicles/${teslas[0].id}?distance=metric`);
    expect(VehicleSchema.parse(one.body).id).toBe(teslas[0].id);
    expect((await get('/v1/vehicles/no-such-car')).res.status).toBe(404);
  });

  it.each([
    ['/v1/vehicles?distance=furlongs', 'distance'],
    ['/v1/vehicles?sort=price', 'sort'],
    ['/v1/vehicles?status=old', 'status'],
    ['/v1/vehicles?type=boat', 'type'],
    ['/v1/vehicles?order=up', 'order'],
  ])('refuses %s naming %s', async (url, parameter) => {
    const { res, body } = await get(url);
    expect(res.status).toBe(400);
    expect((body as { errors: Array<{ parameter: string }> }).errors[0].parameter).toBe(parameter);
  });
});

describe('ev.energy /v2/vehicle_makes', () => {
  it('needs a bearer token and answers with the API version', async () => {
    const { res } = await get('/v2/vehicle_makes');
    expect(res.status).toBe(401);
    const ok = await get('/v2/vehicle_makes', true);
    expect(ok.res.headers.get('EvEnergy-Version')).toBe('2');
    const makes = VehicleMakeSchema.array().parse(ok.body);
    const nissan = makes.find((m) => m.name === 'Nissan');
    expect(nissan?.id).toMatch(/^vmak[0-9A-Z]{26}$/);
    const one = await get(`/v2/vehicle_makes/${nissan?.id}`, true);
    expect(VehicleMakeSchema.parse(one.body)).toEqual(nissan);
    expect((await get('/v2/vehicle_makes/vmakNOPE', true)).res.status).toBe(404);
  });

  it('refuses another API version', async () => {
    const res = await t.request('/v2/vehicle_makes', { headers: { Authorization: `Bearer ${token}`, 'EvEnergy-Version': '1' } });
    expect(res.status).toBe(400);
  });
});
