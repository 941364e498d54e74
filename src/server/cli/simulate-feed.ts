import { createHash } from 'node:crypto';
import { parseArgs } from 'node:util';
import { feedTokenOf } from '../app-deps';
import { openDb } from '../db/open-db';
import { loadEnv } from '../env';
import { initialState, nextState, rng, sampleOf, type SimState } from '../telemetry/feed-model';
import { timeZoneAt } from '../telemetry/time-zone';
import { localWeekHour } from '../../shared/telemetry/occupancy';
import { INGEST_BATCH_MAX } from '../../shared/api/evenergy-logs';

/**
 * npm run simulate:feed — posts plausible EVSE status logs for an area through the public ingestion API
 * (POST /v2/evses/status_logs with the feed token), marked as simulated so the app labels them. First a history
 * (for "usually busy" charts), then live ticks.
 */
const AREAS: Record<string, [number, number, number, number]> = {
  manhattan: [40.7, -74.02, 40.882, -73.907],
  brooklyn: [40.57, -74.05, 40.74, -73.85],
  nyc: [40.49, -74.26, 40.92, -73.7],
  london: [51.28, -0.51, 51.7, 0.33],
  berlin: [52.34, 13.09, 52.68, 13.76],
};

const HELP = `npm run simulate:feed -- [options]
  --url <base>          server to post to (default http://localhost:$PORT, PORT 8080)
  --area <name>         ${Object.keys(AREAS).join(', ')} (default manhattan)
  --bbox s,w,n,e        any other area
  --history-days <n>    days of 5-minute history to post first (default 7; 0 for none)
  --ticks <n>           live ticks, then stop (default: run until stopped)
  --interval <s>        seconds between live ticks (default 10)
  --speed <x>           simulated minutes pass x times faster than real ones (default 30)
  --max-evses <n>       at most this many EVSEs (default 2000)
  --seed <n>            random seed (default 1)
  --token <t>           feed token (default FEED_TOKEN, else the one in DATABASE_PATH)
  --print-token         print the feed token and exit`;

interface SimEvse {
  id: string;
  maxKw: number;
  popularity: number;
  state: SimState;
  random: () => number;
}

function options() {
  const { values } = parseArgs({
    options: {
      url: { type: 'string' },
      area: { type: 'string', default: 'manhattan' },
      bbox: { type: 'string' },
      'history-days': { type: 'string', default: '7' },
      ticks: { type: 'string' },
      interval: { type: 'string', default: '10' },
      speed: { type: 'string', default: '30' },
      'max-evses': { type: 'string', default: '2000' },
      seed: { type: 'string', default: '1' },
      token: { type: 'string' },
      'print-token': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  const num = (name: string, v: string | undefined, min: number, max: number) => {
    const n = Number(v);
    if (v === undefined || !Number.isFinite(n) || n < min || n > max) throw new Error(`--${name} must be a number from ${min} to ${max}`);
    return n;
  };
  let box = AREAS[values.area ?? 'manhattan'];
  if (values.bbox) {
    const parts = values.bbox.split(',').map(Number);
    if (parts.length !== 4 || parts.some((p) => !Number.isFinite(p)) || parts[0] >= parts[2] || parts[1] >= parts[3]) throw new Error('--bbox must be south,west,north,east');
    box = parts as [number, number, number, number];
  }
  if (!box) throw new Error(`--area must be one of ${Object.keys(AREAS).join(', ')} (or give --bbox)`);
  return {
    help: values.help,
    printToken: values['print-token'],
    url: (values.url ?? `http://localhost:${loadEnv().PORT}`).replace(/\/$/, ''),
    box,
    historyDays: num('history-days', values['history-days'], 0, 60),
    ticks: values.ticks === undefined ? Infinity : num('ticks', values.ticks, 0, 1e9),
    interval: num('interval', values.interval, 0.1, 3600),
    speed: num('speed', values.speed, 0.1, 10_000),
    maxEvses: num('max-evses', values['max-evses'], 1, 100_000),
    seed: num('seed', values.seed, 0, 2 ** 31),
    token: values.token,
  };
}

function feedToken(given: string | undefined): string {
  if (given) return given;
  const env = loadEnv();
  if (env.FEED_TOKEN) return env.FEED_TOKEN;
  const db = openDb(env.DATABASE_PATH);
  try {
    return feedTokenOf(env, db);
  } finally {
    db.close();
  }
}

/** EVSEs in the area, from the public PlugShare-shaped API, tiling the area where a request is capped. */
async function discover(base: string, [s, w, n, e]: [number, number, number, number], max: number, seed: number): Promise<SimEvse[]> {
  const found = new Map<string, SimEvse>();
  const visit = async (south: number, west: number, north: number, east: number, depth: number): Promise<void> => {
    if (found.size >= max) return;
    const qs = new URLSearchParams({ latitude: String((south + north) / 2), longitude: String((west + east) / 2), spanLat: String(north - south), spanLng: String(east - west), count: '500' });
    const res = await fetch(`${base}/api/locations?${qs}`).catch((err: Error) => {
      throw new Error(`cannot reach ${base} (${err.message}): start the app with npm start, or give --url`);
    });
    if (!res.ok) throw new Error(`GET /api/locations answered ${res.status}: ${await res.text()}`);
    const total = Number(res.headers.get('X-Total-Count') ?? 0);
    const locations = (await res.json()) as Array<{ stations: Array<{ evse_id: string; outlets: Array<{ kilowatts: number | null }> }> }>;
    if (total > locations.length && depth < 6) {
      const midLat = (south + north) / 2;
      const midLng = (west + east) / 2;
      for (const [a, b, c, d] of [[south, west, midLat, midLng], [south, midLng, midLat, east], [midLat, west, north, midLng], [midLat, midLng, north, east]] as const) await visit(a, b, c, d, depth + 1);
      return;
    }
    for (const l of locations) {
      for (const st of l.stations) {
        if (found.size >= max || found.has(st.evse_id)) continue;
        const random = rng(seed ^ hash(st.evse_id));
        const maxKw = Math.max(3.7, ...st.outlets.map((o) => o.kilowatts ?? 0));
        found.set(st.evse_id, { id: st.evse_id, maxKw, popularity: 0.3 + 0.7 * random(), state: 'free', random });
      }
    }
  };
  await visit(s, w, n, e, 0);
  return [...found.values()];
}

/** A stable 32-bit number from an EVSE id, so each EVSE gets its own random stream for a seed. */
const hash = (text: string) => createHash('sha1').update(text).digest().readUInt32LE(0);

async function postBatch(base: string, token: string, logs: unknown[]) {
  const res = await fetch(`${base}/v2/evses/status_logs`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', 'EvEnergy-Version': '2' },
    body: JSON.stringify({ source: 'simulator', logs }),
  });
  const body = (await res.json()) as { inserted?: number; rejected?: unknown[]; message?: string };
  if (!res.ok) throw new Error(`POST /v2/evses/status_logs answered ${res.status}: ${body.message ?? JSON.stringify(body).slice(0, 300)}`);
  return body.inserted ?? 0;
}

async function main() {
  const o = options();
  if (o.help) return console.log(HELP);
  const token = feedToken(o.token);
  if (o.printToken) return console.log(token);
  const timeZone = timeZoneAt((o.box[0] + o.box[2]) / 2, (o.box[1] + o.box[3]) / 2);
  const evses = await discover(o.url, o.box, o.maxEvses, o.seed);
  if (evses.length === 0) throw new Error('No EVSEs in this area: is the server running on the bundled data?');
  console.log(`Simulating ${evses.length} EVSEs in ${timeZone} against ${o.url} (simulated data, labelled as such).`);

  const step = (ms: number, minutes: number) => {
    const { hour } = localWeekHour(ms, timeZone);
    return evses.map((e) => {
      e.state = nextState(e.state, e.random, hour, e.popularity, minutes);
      return { evse: e.id, sampled_at: new Date(ms).toISOString(), ...sampleOf(e.state, e.maxKw, e.random) };
    });
  };

  const stepMs = 5 * 60_000;
  const historyStart = Math.floor(Date.now() / stepMs) * stepMs - o.historyDays * 86_400_000;
  const startHour = localWeekHour(historyStart, timeZone).hour;
  for (const e of evses) e.state = initialState(e.random, startHour, e.popularity);

  if (o.historyDays > 0) {
    const now = Math.floor(Date.now() / stepMs) * stepMs;
    const start = historyStart;
    const total = Math.round((now - start) / stepMs) * evses.length;
    let pending: unknown[] = [];
    let posted = 0;
    const started = performance.now();
    for (let t = start; t < now; t += stepMs) {
      pending.push(...step(t, 5));
      if (pending.length >= INGEST_BATCH_MAX / 2 || t + stepMs >= now) {
        await postBatch(o.url, token, pending);
        posted += pending.length;
        pending = [];
        process.stdout.write(`\rHistory: ${posted.toLocaleString('en')} / ${total.toLocaleString('en')} logs (${Math.round((posted / total) * 100)} %)`);
      }
    }
    const secs = (performance.now() - started) / 1000;
    console.log(`\rHistory: ${posted.toLocaleString('en')} logs over ${o.historyDays} days in ${secs.toFixed(1)} s (${Math.round(posted / secs).toLocaleString('en')} logs/s).`);
  }

  for (let tick = 1; tick <= o.ticks; tick++) {
    const logs = step(Date.now(), (o.interval * o.speed) / 60);
    for (let i = 0; i < logs.length; i += INGEST_BATCH_MAX) await postBatch(o.url, token, logs.slice(i, i + INGEST_BATCH_MAX));
    const count = (s: SimState[]) => evses.filter((e) => s.includes(e.state)).length;
    console.log(`Tick ${tick}: ${count(['free'])} available · ${count(['charging', 'plugged'])} in use · ${count(['faulted'])} offline`);
    if (tick < o.ticks) await new Promise((r) => setTimeout(r, o.interval * 1000));
  }
}

main().catch((err: Error) => {
  console.error(`simulate:feed: ${err.message}`);
  process.exitCode = 1;
});
