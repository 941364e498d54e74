import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import { openDb } from '../src/server/db/open-db';
import { TelemetryRepository, type EvseStatusRow } from '../src/server/repositories/telemetry-repository';
import { initialState, nextState, rng, sampleOf, type SimState } from '../src/server/telemetry/feed-model';
import { evseIdOf } from '../src/shared/telemetry/evse-id';
import { evseState, type Availability } from '../src/shared/telemetry/availability';
import { localWeekHour } from '../src/shared/telemetry/occupancy';
import { syntheticDb } from './synthetic-db';
import { ms, timeIt, writeResults, type Row } from './stats';

/**
 * Telemetry benchmark: 10,000 EVSEs in and around Manhattan × 30 days of 5-minute status samples (86.4 million logs)
 * on a copy of the 1,000,000-location database. 29 days are loaded straight through the repository (the dataset);
 * the last day is posted through the HTTP ingestion API as the feed would, one 10,000-log batch per 5-minute tick,
 * and that is the ingest figure. Then city-view requests with live availability are timed over HTTP.
 * BENCH_EVSES / BENCH_DAYS change the size; BENCH_REUSE=1 keeps an existing telemetry database.
 */
const EVSES = Number(process.env.BENCH_EVSES ?? 10_000);
const DAYS = Number(process.env.BENCH_DAYS ?? 30);
const source = process.env.BENCH_DB ?? 'bench/tmp/bench-1m.sqlite';
const file = 'bench/tmp/bench-telemetry.sqlite';
const STEP = 5 * 60_000;
const TOKEN = 'bench-feed-token-0123456789abcdef';
const TZ = 'America/New_York';

(await syntheticDb(source, 1_000_000)).close();
const reuse = process.env.BENCH_REUSE === '1' && fs.existsSync(file);
if (!reuse) {
  for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
  fs.copyFileSync(source, file);
}
const db = openDb(file);
const repo = new TelemetryRepository(db);
const stations = db
  .prepare(
    `SELECT s.id, s.location_id FROM stations s JOIN locations l ON l.id = s.location_id
     WHERE l.latitude BETWEEN 40.68 AND 40.88 AND l.longitude BETWEEN -74.03 AND -73.90 ORDER BY s.id LIMIT ?`,
  )
  .all(EVSES) as Array<{ id: number; location_id: number }>;
if (stations.length < EVSES) throw new Error(`only ${stations.length} stations in the area`);

const end = Math.floor(Date.now() / STEP) * STEP;
const start = end - DAYS * 86_400_000;
const httpFrom = end - 86_400_000;
const sim = stations.map((s) => {
  const random = rng(s.id);
  const popularity = 0.3 + 0.7 * random();
  return { ...s, random, popularity, state: initialState(random, localWeekHour(start, TZ).hour, popularity) as SimState };
});
const hourAt = (t: number) => localWeekHour(t, TZ).hour;

// ---- the dataset: days 1–29 through the repository, one EVSE after another ----
let fillMs = 0;
const existing = (db.prepare('SELECT COUNT(*) AS n FROM evse_status_logs').get() as { n: number }).n;
if (!reuse || existing === 0) {
  // The dataset is history: below the recent-logs watermark, straight into the log table.
  repo.compactEvseStatus(httpFrom);
  const t0 = performance.now();
  let rows: Array<EvseStatusRow & { location_id: number; state: Availability }> = [];
  let done = 0;
  const total = stations.length * ((httpFrom - start) / STEP);
  for (const e of sim) {
    for (let t = start; t < httpFrom; t += STEP) {
      e.state = nextState(e.state, e.random, hourAt(t), e.popularity, 5);
      const s = sampleOf(e.state, 50, e.random);
      rows.push({ station_id: e.id, location_id: e.location_id, sampled_at_ms: t, logged_at_ms: t + 2000, is_plugged_in: s.is_plugged_in ? 1 : 0, is_charging: s.is_charging ? 1 : 0, charge_rate_watts: s.charge_rate_watts, is_out_of_order: s.is_out_of_order ? 1 : 0, simulated: 1, state: evseState(s) });
      if (rows.length >= 200_000) {
        repo.insertEvseStatus(rows);
        done += rows.length;
        rows = [];
        process.stdout.write(`\rdataset: ${done.toLocaleString('en')} / ${total.toLocaleString('en')} logs`);
      }
    }
  }
  repo.insertEvseStatus(rows);
  fillMs = performance.now() - t0;
  console.log(`\rdataset: ${total.toLocaleString('en')} logs in ${(fillMs / 1000).toFixed(0)} s`);
}
if (reuse) {
  // Reusing the 29-day dataset: the last day is ingested afresh, so earlier runs' logs from it go (key ranges per EVSE).
  const del = db.prepare('DELETE FROM evse_status_logs WHERE station_id = ? AND sampled_at_ms >= ?');
  db.transaction(() => stations.forEach((s) => del.run(s.id, httpFrom)))();
  db.prepare('DELETE FROM evse_latest').run();
  db.prepare('DELETE FROM evse_status_recent').run();
  db.prepare("INSERT INTO meta (key, value) VALUES ('evse_status_compacted_before', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value").run(String(httpFrom));
}
db.pragma('wal_checkpoint(TRUNCATE)');
db.close();

// ---- the server in its own process ----
const port = 18_000 + Math.floor(Math.random() * 1000);
const server = spawn(process.execPath, ['--import', 'tsx', 'bench/telemetry-server.ts'], {
  env: { ...process.env, DATABASE_PATH: file, PORT: String(port), AUTO_IMPORT: 'false', FEED_TOKEN: TOKEN, RATE_LIMIT_PUBLIC: '1000000000', EVENERGY_RATE_LIMIT_PER_HOUR: '0' },
  stdio: ['ignore', 'pipe', 'inherit'],
});
await new Promise<void>((resolve, reject) => {
  server.stdout.on('data', (d: Buffer) => d.toString().includes('listening') && resolve());
  server.on('exit', (code) => reject(new Error(`server exited ${code}`)));
});
const base = `http://127.0.0.1:${port}`;
const stop = () => server.kill('SIGTERM');
process.on('exit', stop);

// ---- ingest: the last day, one batch of every EVSE per 5-minute tick, the next batch built while one is in flight ----
const batchAt = (t: number) => {
  const hour = hourAt(t);
  return JSON.stringify({
    source: 'simulator',
    logs: sim.map((e) => {
      e.state = nextState(e.state, e.random, hour, e.popularity, 5);
      return { evse: evseIdOf(e.id), sampled_at: new Date(t).toISOString(), ...sampleOf(e.state, 50, e.random) };
    }),
  });
};
/** Server time per batch, from the Server-Timing header (what the load generator's own work does not include). */
const serverMs: number[] = [];
const post = async (body: string) => {
  const res = await fetch(`${base}/v2/evses/status_logs`, { method: 'POST', headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' }, body });
  const r = (await res.json()) as { inserted: number; rejected: unknown[] };
  if (!res.ok || r.rejected.length) throw new Error(`ingest failed: ${res.status} ${JSON.stringify(r).slice(0, 300)}`);
  serverMs.push(Number(/dur=([\d.]+)/.exec(res.headers.get('Server-Timing') ?? '')?.[1] ?? NaN));
  return r.inserted;
};
let inserted = 0;
const ticks: number[] = [];
for (let t = httpFrom; t < end; t += STEP) ticks.push(t);
const t1 = performance.now();
let pending = post(batchAt(ticks[0]));
for (let i = 1; i < ticks.length; i++) {
  const next = batchAt(ticks[i]);
  inserted += await pending;
  pending = post(next);
  if (i % 24 === 0) process.stdout.write(`\ringest: ${inserted.toLocaleString('en')} logs`);
}
inserted += await pending;
const ingestS = (performance.now() - t1) / 1000;
const rate = inserted / ingestS;
console.log(`\ringest: ${inserted.toLocaleString('en')} logs in ${ingestS.toFixed(1)} s`);

// ---- availability for city views (Midtown / Lower Manhattan boxes of about 1.3 × 1.3 km) ----
const cityBox = (i: number) => {
  const lat = 40.71 + ((i * 37) % 50) / 1000;
  const lng = -74.01 + ((i * 53) % 40) / 1000;
  return `(${lat + 0.012},${lng}),(${lat},${lng + 0.016})`;
};
const get = async (url: string) => {
  const res = await fetch(base + url, { headers: { 'Accept-Encoding': 'identity', Authorization: `Bearer ${TOKEN}` } });
  if (res.status !== 200) throw new Error(`${url} → ${res.status}`);
  return res;
};
const view = (i: number) => `/v3/poi?boundingbox=${cityBox(i)}&maxresults=500&compact=true&verbose=false`;
const sample = (await (await get(view(0))).json()) as Array<{ ID: number; Availability?: { StatusID: number } }>;
const live = sample.filter((p) => p.Availability).length;
const views = await timeIt(200, (i) => get(view(i)).then((r) => r.text()));
const filtered = await timeIt(200, (i) => get(`${view(i)}&availability=1`).then((r) => r.text()));
const clusters = await timeIt(50, (i) => get(`/api/clusters?boundingbox=(40.92,-74.26),(40.49,-73.70)&zoom=${10 + (i % 2)}&availability=1`).then((r) => r.text()));
const withLive = sample.find((p) => p.Availability)?.ID;
const occupancy = await timeIt(30, () => get(`/api/locations/${withLive}/occupancy`).then((r) => r.text()));
const page = await timeIt(100, (i) => get(`/v2/evses/${evseIdOf(stations[i % stations.length].id)}/status_logs?page_size=50`).then((r) => r.text()));
stop();

const total = (fs.statSync(file).size / 1e9).toFixed(2);
const sortedServer = [...serverMs].sort((a, b) => a - b);
const pct = (p: number) => sortedServer[Math.min(sortedServer.length - 1, Math.floor((p / 100) * sortedServer.length))];
const rows: Row[] = [
  { measure: `ingest over HTTP: last day, ${ticks.length} batches of ${EVSES.toLocaleString('en')} logs (on ${DAYS - 1} days already stored)`, value: `${Math.round(rate).toLocaleString('en')} logs/s`, target: '≥ 20,000 logs/s', ok: rate >= 20_000 },
  { measure: `ingest, server time per ${EVSES.toLocaleString('en')}-log batch (Server-Timing) p50 / p95 — rate the server sustains`, value: `${ms(pct(50))} / ${ms(pct(95))} — ${Math.round((EVSES * 1000) / pct(50)).toLocaleString('en')} logs/s`, target: '', ok: null },
  { measure: `city view with live availability (/v3/poi, ≤500 compact POIs, ${live} of ${sample.length} reporting) — HTTP p50 / p95`, value: `${ms(views.p50)} / ${ms(views.p95)}`, target: '≤ 30 ms (p50)', ok: views.p50 <= 30 },
  { measure: 'city view filtered to available now (availability=1) — HTTP p50 / p95', value: `${ms(filtered.p50)} / ${ms(filtered.p95)}`, target: '≤ 30 ms (p50)', ok: filtered.p50 <= 30 },
  { measure: 'New York City clusters, available now (zoom 10–11) — HTTP p50 / p95', value: `${ms(clusters.p50)} / ${ms(clusters.p95)}`, target: '', ok: null },
  { measure: 'occupancy by hour of week, one location (30 days of its EVSEs’ samples) — HTTP p50', value: ms(occupancy.p50), target: '', ok: null },
  { measure: 'status log page (50 newest of 8,640) — HTTP p50', value: ms(page.p50), target: '', ok: null },
];
if (fillMs) rows.push({ measure: `dataset load through the repository (${DAYS - 1} days, EVSE by EVSE)`, value: `${Math.round(((DAYS - 1) * 288 * EVSES) / (fillMs / 1000)).toLocaleString('en')} logs/s`, target: '', ok: null });
writeResults(
  'telemetry',
  { machine: `${os.cpus().length} × ${os.cpus()[0]?.model.split(' ').slice(0, 2).join(' ')}, node ${process.version}`, database: `${file} (${total} GB): 1,000,000 locations, ${EVSES.toLocaleString('en')} EVSEs × ${DAYS} days × 288 samples = ${(EVSES * DAYS * 288).toLocaleString('en')} status logs` },
  rows,
);
process.exit(0);
