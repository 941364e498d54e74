import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RouteResponse } from '../../shared/api/route';
import { decodePolyline, encodePolyline } from '../../shared/geo/polyline';
import type { LatLng } from '../../shared/geo/types';
import { createSmallTestApp } from '../test/test-app';

/**
 * A minimal OSRM-compatible service on a local port (no routing engine runs offline): it answers /route/v1/driving
 * with a line through the requested coordinates bent by a detour, so the test can tell road routing from straight lines.
 */
let osrm: Server;
let osrmUrl: string;
const requests: string[] = [];
beforeAll(async () => {
  osrm = createServer((req, res) => {
    requests.push(req.url ?? '');
    const m = /^\/route\/v1\/driving\/([^?]+)/.exec(req.url ?? '');
    if (!m) return void res.writeHead(404).end();
    const pts = m[1].split(';').map((p) => p.split(',').map(Number)).map(([lng, lat]) => [lat, lng] as LatLng);
    const line: LatLng[] = [];
    for (let i = 1; i < pts.length; i++) line.push(pts[i - 1], [(pts[i - 1][0] + pts[i][0]) / 2 + 0.05, (pts[i - 1][1] + pts[i][1]) / 2]);
    line.push(pts.at(-1)!);
    res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ code: 'Ok', routes: [{ geometry: encodePolyline(line), distance: 123_400, duration: 5400 }] }));
  });
  await new Promise<void>((r) => osrm.listen(0, '127.0.0.1', r));
  osrmUrl = `http://127.0.0.1:${(osrm.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => osrm.close(() => r())));

const buffaloToAlbany = encodePolyline([[42.886, -78.878], [42.652, -73.756]]);

describe('/api/route', () => {
  it('draws straight lines and says so when no routing service is configured', async () => {
    const t = await createSmallTestApp();
    const body = RouteResponse.parse(await (await t.request(`/api/route?waypoints=${encodeURIComponent(buffaloToAlbany)}`)).json());
    expect(body).toMatchObject({ source: 'straight', duration_min: null });
    expect(body.notice).toMatch(/OSRM_URL/);
    expect(body.distance_km).toBeGreaterThan(400);
    expect(decodePolyline(body.polyline)).toHaveLength(2);
  });

  it('routes through the configured OSRM-compatible service', async () => {
    const t = await createSmallTestApp({ OSRM_URL: osrmUrl });
    const res = await t.request('/api/route', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ waypoints: buffaloToAlbany }) });
    const body = RouteResponse.parse(await res.json());
    expect(body).toMatchObject({ source: 'osrm', distance_km: 123.4, duration_min: 90, notice: null });
    expect(decodePolyline(body.polyline)).toHaveLength(3);
    expect(requests.at(-1)).toMatch(/^\/route\/v1\/driving\/-78\.878000,42\.886000;-73\.756000,42\.652000\?overview=full&geometries=polyline/);
  });

  it('falls back to straight lines with a notice when the service does not answer', async () => {
    const t = await createSmallTestApp({ OSRM_URL: 'http://127.0.0.1:9', OSRM_TIMEOUT_MS: '500' });
    const body = RouteResponse.parse(await (await t.request(`/api/route?waypoints=${encodeURIComponent(buffaloToAlbany)}`)).json());
    expect(body.source).toBe('straight');
    expect(body.notice).toMatch(/did not answer/);
  });

  it.each(['', 'not-a-polyline!', encodePolyline([[42, -78]])])('refuses waypoints %j', async (w) => {
    const t = await createSmallTestApp();
    const res = await t.request(`/api/route?waypoints=${encodeURIComponent(w)}`);
    expect(res.status).toBe(400);
    expect(((await res.json()) as { errors: Array<{ parameter: string }> }).errors[0].parameter).toBe('waypoints');
  });
});
