import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import os from 'node:os';
import { createApp } from '../src/server/app';
import { listen } from '../src/server/http-listen';
import { createDeps } from '../src/server/app-deps';
import { loadEnv } from '../src/server/env';
import { SqliteLocationRepository } from '../src/server/repositories/location-repository';
import { encodePolyline, lineLengthKm } from '../src/shared/geo/polyline';
import type { LatLng } from '../src/shared/geo/types';
import { syntheticDb } from './synthetic-db';
import { simplifyLine } from '../src/shared/geo/simplify-line';
import { planRoute } from '../src/shared/planner/plan-route';
import { LEAF_E_PLUS, LEAF_E_PLUS_SPEC } from '../src/shared/vehicles/fixtures';
import { planChargers, stripRows, type CorridorPoi } from '../src/client/features/route/corridor';
import { fetchCorridor } from '../src/client/features/route/corridor-fetch';
import { ms, timeIt, writeResults, type Row } from './stats';

/**
 * API benchmark on a synthetic database of ~1,000,000 locations (jittered copies of the bundled real data).
 * BENCH_LOCATIONS changes the size; BENCH_DB the file (reused when it already holds enough locations).
 */
const target = Number(process.env.BENCH_LOCATIONS ?? 1_000_000);
const file = process.env.BENCH_DB ?? 'bench/tmp/bench-1m.sqlite';
const N = Number(process.env.BENCH_ITERATIONS ?? 200);

const db = await syntheticDb(file, target);
const locations = (db.prepare('SELECT COUNT(*) AS n FROM locations').get() as { n: number }).n;
// One load generator is one client address: the per-IP limit is set out of reach so the limiter's cost is measured
// without it refusing the load.
const env = loadEnv({ DATABASE_PATH: file, AUTO_IMPORT: 'false', RATE_LIMIT_PUBLIC: '1000000000' });
const deps = createDeps(env, db);
const t = performance.now();
(deps.locations as SqliteLocationRepository).warmUp();
const indexBuildMs = performance.now() - t;
const app = createApp(deps);
const { server, port } = await listen(app.fetch, 0, '127.0.0.1');
const base = `http://127.0.0.1:${port}`;

// Dense city: boxes of 0.012° × 0.016° (about 1.3 × 1.3 km) at varying positions in Midtown/Lower Manhattan.
const cityBox = (i: number) => {
  const lat = 40.71 + ((i * 37) % 50) / 1000;
  const lng = -74.01 + ((i * 53) % 40) / 1000;
  return `(${lat + 0.012},${lng}),(${lat},${lng + 0.016})`;
};
const bboxUrl = (i: number) => `/v3/poi?boundingbox=${cityBox(i)}&maxresults=500&compact=true&verbose=false`;

// A 500 km route across New York State (Buffalo → Syracuse → Albany → Kingston), densified to 1 km vertices.
const waypoints: LatLng[] = [
  [42.8864, -78.8784],
  [43.0481, -76.1474],
  [42.6526, -73.7562],
  [41.927, -73.9974],
];
const route: LatLng[] = [];
for (let w = 1; w < waypoints.length; w++) {
  const [a, b] = [waypoints[w - 1], waypoints[w]];
  const steps = 200;
  for (let s = 0; s < steps; s++) route.push([a[0] + ((b[0] - a[0]) * s) / steps, a[1] + ((b[1] - a[1]) * s) / steps]);
}
route.push(waypoints[waypoints.length - 1]);
const routeKm = lineLengthKm(route);
const corridorUrl = `/v3/poi?polyline=${encodeURIComponent(encodePolyline(route))}&distance=5&distanceunit=km&maxresults=500&compact=true&verbose=false`;
const clustersUrl = '/api/clusters?boundingbox=(24.5,-125),(49.5,-66.9)&zoom=5';
// About 50 results: a small box in Midtown.
const smallBox = '(40.7565,-73.9875),(40.7535,-73.9835)';
const rpsUrl = `/v3/poi?boundingbox=${smallBox}&maxresults=50&compact=true&verbose=false`;

const inProcess = (url: string) => async () => {
  const res = await app.request(url);
  if (res.status !== 200) throw new Error(`${url} → ${res.status}`);
  return res.text();
};
// Like autocannon and most API clients on a LAN, no compression; the gzip figure is reported separately.
const overHttp = (url: string, encoding = 'identity') => async () => {
  const res = await fetch(base + url, { headers: { 'Accept-Encoding': encoding } });
  if (res.status !== 200) throw new Error(`${url} → ${res.status}`);
  return res.text();
};
const count = async (url: string) => Number((await app.request(url)).headers.get('X-Total-Count'));

console.log(`database: ${locations.toLocaleString()} locations; index built in ${indexBuildMs.toFixed(0)} ms`);
const bboxSizes = await Promise.all([0, 1, 2, 3, 4].map((i) => count(bboxUrl(i))));
const rows: Row[] = [];

const repo = deps.locations as SqliteLocationRepository;
// Cold: the details cache emptied before every request (what the first visitor of an area sees).
const bboxCold = await timeIt(Math.max(20, N / 4), async (i) => {
  repo.clearDetailsCache();
  await overHttp(bboxUrl(i))();
});
const bboxIn = await timeIt(N, (i) => inProcess(bboxUrl(i))());
const bboxHttp = await timeIt(N, (i) => overHttp(bboxUrl(i))());
const bboxGzip = await timeIt(N, (i) => overHttp(bboxUrl(i), 'gzip')());
// The same box as bare SQLite: the R*Tree query for 500 rows with their connectors, no API code.
const stmtLoc = db.prepare(
  'SELECT l.* FROM locations_rtree r JOIN locations l ON l.id = r.id WHERE r.min_lat >= ? AND r.max_lat <= ? AND r.min_lng >= ? AND r.max_lng <= ? LIMIT 500',
);
const stmtConn = db.prepare('SELECT * FROM connectors WHERE location_id IN (SELECT value FROM json_each(?))');
const bboxSql = await timeIt(N, (i) => {
  const m = /\((.+),(.+)\),\((.+),(.+)\)/.exec(cityBox(i)) as RegExpExecArray;
  const [n, w, s, e] = m.slice(1).map(Number);
  const locs = stmtLoc.all(s, n, w, e) as Array<{ id: number }>;
  return stmtConn.all(JSON.stringify(locs.map((l) => l.id)));
});
rows.push({ measure: `bbox, dense city (${bboxSizes.join('/')} matches, ≤500 compact results) — HTTP p50`, value: ms(bboxHttp.p50), target: '≤ 15 ms', ok: bboxHttp.p50 <= 15 });
rows.push({ measure: 'bbox, dense city — HTTP p95', value: ms(bboxHttp.p95), target: '≤ 40 ms', ok: bboxHttp.p95 <= 40 });
rows.push({ measure: 'bbox, dense city — HTTP, cold details cache p50 / p95', value: `${ms(bboxCold.p50)} / ${ms(bboxCold.p95)}`, target: '', ok: null });
rows.push({ measure: 'bbox, dense city — HTTP with gzip p50 / p95', value: `${ms(bboxGzip.p50)} / ${ms(bboxGzip.p95)}`, target: '', ok: null });
rows.push({ measure: 'bbox, dense city — in-process p50 / p95', value: `${ms(bboxIn.p50)} / ${ms(bboxIn.p95)}`, target: '', ok: null });
rows.push({ measure: 'bbox, dense city — bare SQLite (R*Tree + rows + connectors) p50', value: ms(bboxSql.p50), target: '', ok: null });
rows.push({ measure: 'API overhead: HTTP p50 ÷ bare SQLite p50', value: `${(bboxHttp.p50 / bboxSql.p50).toFixed(2)}×`, target: '', ok: null });

const corridorMatches = await count(corridorUrl);
const corridorIn = await timeIt(Math.max(20, N / 4), inProcess(corridorUrl));
const corridorHttp = await timeIt(Math.max(20, N / 4), overHttp(corridorUrl));
rows.push({ measure: `corridor ${routeKm.toFixed(0)} km route, 5 km (${corridorMatches} matches, 500 returned) — HTTP p50`, value: ms(corridorHttp.p50), target: '≤ 60 ms', ok: corridorHttp.p50 <= 60 });
rows.push({ measure: 'corridor — HTTP p95 / in-process p50', value: `${ms(corridorHttp.p95)} / ${ms(corridorIn.p50)}`, target: '', ok: null });

// A trip as the planner runs it: a 1,000 km road-like route (Boston → Albany → Buffalo → Binghamton, a vertex every ~200 m), simplified to ≤ 1,000 points,
// the corridor by POST, then the strip and the plan for a Nissan Leaf e+ (the client's own code, run here).
const tripWaypoints: LatLng[] = [[42.36, -71.058], [42.101, -72.59], [42.653, -73.756], [43.048, -76.147], [42.886, -78.878], [42.097, -79.235], [42.09, -76.808], [42.099, -75.918]];
const tripRoute: LatLng[] = [];
for (let w = 1; w < tripWaypoints.length; w++) {
  const [a, b] = [tripWaypoints[w - 1], tripWaypoints[w]];
  const n = Math.ceil(lineLengthKm([a, b]) / 0.2);
  for (let k = 0; k < n; k++) tripRoute.push([a[0] + ((b[0] - a[0]) * k) / n, a[1] + ((b[1] - a[1]) * k) / n]);
}
tripRoute.push(tripWaypoints[tripWaypoints.length - 1]);
const tripKm = lineLengthKm(tripRoute);
const refs = deps.references.all();
const countryIso = new Map([...refs.countries.values()].map((c) => [Number(c.ID), String(c.ISOCode)]));
const operatorName = new Map([...refs.operators.values()].map((o) => [Number(o.ID), String(o.Title)]));
const leafSpec = LEAF_E_PLUS_SPEC;
const leafCar = LEAF_E_PLUS;
let tripStops = 0;
let tripChargers = 0;
let serverMs: number[] = [];
const trip = await timeIt(10, async () => {
  const line = simplifyLine(tripRoute, 0.05, 1000);
  const t0 = performance.now();
  const { pois } = await fetchCorridor(line, 5, { operationalonly: 'true', vehicleports: 'type2,chademo' }, async (fields) => {
    const res = await fetch(`${base}/v3/poi`, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'Accept-Encoding': 'gzip' }, body: new URLSearchParams(fields).toString() });
    return { data: (await res.json()) as CorridorPoi[], headers: res.headers };
  });
  serverMs.push(performance.now() - t0);
  const strip = stripRows(pois, line, { countryIso: (id) => (id === undefined ? null : (countryIso.get(id) ?? null)), operatorName: (id) => (id === undefined ? null : (operatorName.get(id) ?? null)), vehicle: leafCar, fromSoc: 15, toSoc: 80 });
  const plan = planRoute({ routeKm: lineLengthKm(line), chargers: planChargers(strip), vehicle: leafSpec, startSoc: 90, minArrivalSoc: 15, targetSoc: 80, strategy: 'fastest' });
  tripChargers = strip.length;
  tripStops = plan.ok ? plan.stops.length : -1;
}, 2);
serverMs = serverMs.slice(-10).sort((a, b) => a - b);
rows.push({
  measure: `trip ${tripKm.toFixed(0)} km route (${tripRoute.length.toLocaleString()} vertices → ≤1,000): corridor by POST in 150 km pieces + strip + plan, Leaf e+ (${tripChargers} chargers, ${tripStops} stops) — p50, no rendering`,
  value: `${ms(trip.p50)} (p95 ${ms(trip.p95)}; corridor requests ${ms(serverMs[Math.floor(serverMs.length / 2)])})`,
  target: '≤ 1,500 ms',
  ok: trip.p50 <= 1500,
});

// The map's own request at a street view: Midtown at zoom 13 on a 1280 × 800 window, up to 2,000 points.
const pointsUrl = '/api/points?boundingbox=(40.78125,-74.047852),(40.726318,-73.927002)&maxresults=2000&operationalonly=true';
const pointsMatches = await count(pointsUrl);
const pointsHttp = await timeIt(Math.max(20, N / 4), overHttp(pointsUrl));
rows.push({ measure: `map points, Midtown at zoom 13 (${pointsMatches.toLocaleString()} matches, 2,000 returned) — HTTP p50 / p95`, value: `${ms(pointsHttp.p50)} / ${ms(pointsHttp.p95)}`, target: '', ok: null });

const clusterMatches = await count(clustersUrl);
const clustersHttp = await timeIt(Math.max(20, N / 4), overHttp(clustersUrl));
rows.push({ measure: `clusters, contiguous US at zoom 5 (${clusterMatches} locations) — HTTP p50`, value: ms(clustersHttp.p50), target: '≤ 60 ms', ok: clustersHttp.p50 <= 60 });
rows.push({ measure: 'clusters — HTTP p95', value: ms(clustersHttp.p95), target: '', ok: null });

const rpsMatches = await count(rpsUrl);
// The load generator runs in its own process, as a real client would, so it does not share the server's thread.
const { stdout } = await promisify(execFile)('node_modules/.bin/autocannon', ['-c', '50', '-d', String(process.env.BENCH_SECONDS ?? 10), '-j', base + rpsUrl], {
  maxBuffer: 1 << 24,
});
const load = JSON.parse(stdout) as { requests: { average: number }; latency: { p50: number; p99: number }; errors: number; timeouts: number; non2xx: number };
const errors = load.errors + load.timeouts + load.non2xx;
rows.push({
  measure: `load: bbox with ${Math.min(50, rpsMatches)} compact results, 50 connections (autocannon) — requests/s`,
  value: `${load.requests.average.toFixed(0)} req/s (p50 ${load.latency.p50} ms, p99 ${load.latency.p99} ms)`,
  target: '≥ 1,000 req/s',
  ok: load.requests.average >= 1000,
});
rows.push({ measure: 'load: errors (errors + timeouts + non-2xx)', value: String(errors), target: '0', ok: errors === 0 });

server.close();
writeResults(
  'api',
  { locations, indexBuildMs: Math.round(indexBuildMs), machine: `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, node ${process.version}`, iterations: N },
  rows,
);
db.close();
process.exit(0);
