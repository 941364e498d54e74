import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { PointFeatureCollectionSchema } from '../../../shared/api/map-points';
import { EvseCommandLogSchema, EvseSchema, EvseStatusLogSchema, IngestReportSchema, UserVehicleSchema, VehicleStatusLogSchema } from '../../../shared/api/evenergy-logs';
import { OccupancySchema } from '../../../shared/api/occupancy';
import { OcmPoiSchema, PlugShareLocationSchema } from '../../../shared/api/responses';
import { evseIdOf, stationIdOf as stationIdOfText } from '../../../shared/telemetry/evse-id';
import { apiClient } from '../../test/api-client';
import { createSmallTestApp } from '../../test/test-app';

let t: Awaited<ReturnType<typeof createSmallTestApp>>;
let user: string;
let feed: string;
let evse: string;
let stationId: number;
let locationId: number;
const MIN = 60_000;
// Whole minutes, a little in the past, so every sample is accepted and none collides by accident.
const T0 = Math.floor(Date.now() / MIN) * MIN - 2 * MIN;

beforeAll(async () => {
  t = await createSmallTestApp({ MONTHLY_LIMIT_REGISTERED: '0' });
  user = (await apiClient(t.request).signUp()).token;
  feed = t.deps.feedToken;
  const row = t.db.prepare('SELECT id, location_id FROM stations ORDER BY id LIMIT 1').get() as { id: number; location_id: number };
  stationId = row.id;
  locationId = row.location_id;
  evse = evseIdOf(stationId);
});

const call = (method: string, url: string, token: string | null, body?: unknown, headers: Record<string, string> = {}) =>
  t.request(url, {
    method,
    headers: { ...(token && { Authorization: `Bearer ${token}` }), ...(body !== undefined && { 'Content-Type': 'application/json' }), ...headers },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
const post = (url: string, body: unknown, token = feed) => call('POST', url, token, body);
const get = (url: string, token = user) => call('GET', url, token);
const iso = (ms: number) => new Date(ms).toISOString();
const sample = (ms: number, inUse: boolean, extra: Record<string, unknown> = {}) => ({ sampled_at: iso(ms), is_plugged_in: inUse, is_charging: inUse, charge_rate_watts: inUse ? 7200 : 0, ...extra });
const nextLink = (res: Response, rel: 'next' | 'prev') => {
  const link = res.headers.get('Link') ?? '';
  const m = link.split(',').map((p) => /<([^>]+)>;\s*rel="([^"]+)"/.exec(p.trim())).find((x) => x && x[2].split(' ').includes(rel));
  return m ? new URL(m[1]).pathname + new URL(m[1]).search : null;
};
const times = async (res: Response) => z.array(EvseStatusLogSchema).parse(await res.json()).map((l) => l.sampled_at);

describe('ev.energy auth, version and limits', () => {
  it('needs a Bearer token, answers with EvEnergy-Version 2 and hourly rate-limit headers', async () => {
    expect((await call('GET', `/v2/evses/${evse}/status_logs`, null)).status).toBe(401);
    const ok = await get(`/v2/evses/${evse}/status_logs`);
    expect(ok.status).toBe(200);
    expect(ok.headers.get('EvEnergy-Version')).toBe('2');
    expect(ok.headers.get('X-RateLimit-Limit')).toBe('1000');
    expect(Number(ok.headers.get('X-RateLimit-Remaining'))).toBeLessThan(1000);
    const v3 = await call('GET', `/v2/evses/${evse}/status_logs`, user, undefined, { 'EvEnergy-Version': '3' });
    expect(v3.status).toBe(400);
    expect(((await v3.json()) as { errors: Array<{ parameter: string }> }).errors[0].parameter).toBe('EvEnergy-Version');
  });

  it('takes EVSE logs from the feed token only', async () => {
    expect((await post(`/v2/evses/${evse}/status_logs`, [sample(T0 - 500 * MIN, false)], user)).status).toBe(403);
    expect((await post(`/v2/evses/${evse}/status_logs`, [sample(T0 - 500 * MIN, false)], 'feed_not-the-token-at-all-000')).status).toBe(401);
  });

  it('finds EVSEs by id and says 404 for unknown ones', async () => {
    const e = EvseSchema.parse(await (await get(`/v2/evses/${evse}`)).json());
    expect(e).toMatchObject({ id: evse, location_id: locationId });
    expect(e.status_logs).toMatch(new RegExp(`/v2/evses/${evse}/status_logs$`));
    expect((await get(`/v2/evses/${evseIdOf(99_999_999)}/status_logs`)).status).toBe(404);
    expect((await get('/v2/evses/not-an-evse/status_logs')).status).toBe(404);
  });
});

describe('ingestion', () => {
  it('keeps good records, rejects bad ones with their position and reasons, and is idempotent', async () => {
    const batch = [
      { evse, ...sample(T0 - 400 * MIN, true) },
      { evse: `http://localhost/v2/evses/${evse}/`, ...sample(T0 - 399 * MIN, false) },
      { evse, sampled_at: 'yesterday', is_plugged_in: true },
      { evse: evseIdOf(99_999_999), ...sample(T0 - 398 * MIN, true) },
      { evse, ...sample(Date.now() + 60 * MIN, true) },
      { evse, ...sample(T0 - 397 * MIN, true), charge_rate_watts: -5 },
      { ...sample(T0 - 396 * MIN, true) },
    ];
    const first = await post('/v2/evses/status_logs', batch);
    expect(first.status).toBe(200);
    const report = IngestReportSchema.parse(await first.json());
    expect(report).toMatchObject({ received: 7, inserted: 2, duplicates: 0 });
    expect(report.rejected.map((r) => [r.index, r.errors[0].field])).toEqual([
      [2, 'sampled_at'],
      [3, 'evse'],
      [4, 'sampled_at'],
      [5, 'charge_rate_watts'],
      [6, 'evse'],
    ]);
    const again = IngestReportSchema.parse(await (await post('/v2/evses/status_logs', batch)).json());
    expect(again).toMatchObject({ inserted: 0, duplicates: 2 });
    // The first write wins: a second sample at the same time with other values does not replace it.
    await post(`/v2/evses/${evse}/status_logs`, [sample(T0 - 400 * MIN, false)]);
    const stored = EvseStatusLogSchema.parse(await (await get(`/v2/evses/${evse}/status_logs/${iso(T0 - 400 * MIN)}`)).json());
    expect(stored).toMatchObject({ is_plugged_in: true, is_charging: true, charge_rate_watts: 7200, source: 'feed' });
  });

  it('answers 400 when nothing could be kept or the body is not a batch', async () => {
    const allBad = await post('/v2/evses/status_logs', [{ evse, sampled_at: 'nope' }]);
    expect(allBad.status).toBe(400);
    expect(IngestReportSchema.parse(await allBad.json()).rejected).toHaveLength(1);
    for (const body of [{ evse }, [], { logs: 'x' }, { source: 'elsewhere', logs: [] }]) {
      const res = await post('/v2/evses/status_logs', body);
      expect(res.status).toBe(400);
      expect(((await res.json()) as { errors: unknown[] }).errors.length).toBeGreaterThan(0);
    }
    const notJson = await t.request('/v2/evses/status_logs', { method: 'POST', headers: { Authorization: `Bearer ${feed}`, 'Content-Type': 'application/json' }, body: '[{' });
    expect(notJson.status).toBe(400);
  });
});

describe('status log pages', () => {
  const other = () => evseIdOf((t.db.prepare('SELECT id FROM stations ORDER BY id LIMIT 1 OFFSET 1').get() as { id: number }).id);
  const base = T0 - 600 * MIN;

  beforeAll(async () => {
    // 95 samples five minutes apart, posted out of order, on a second EVSE.
    const logs = Array.from({ length: 95 }, (_, i) => sample(base + i * 5 * MIN, i % 4 === 0)).reverse();
    logs.push(...logs.splice(0, 10));
    const r = IngestReportSchema.parse(await (await post(`/v2/evses/${other()}/status_logs`, logs)).json());
    expect(r.inserted).toBe(95);
  });

  it('walks newest first without losing or repeating a log while new ones arrive, and back again', async () => {
    const seen: string[] = [];
    let url: string | null = `/v2/evses/${other()}/status_logs?page_size=10`;
    let pages = 0;
    while (url) {
      const res = await get(url);
      expect(res.status).toBe(200);
      seen.push(...(await times(res)));
      // Newer logs arrive between pages; they belong before the first page and must not shift the walk.
      await post(`/v2/evses/${other()}/status_logs`, [sample(base + (95 + pages) * 5 * MIN, true)]);
      url = nextLink(res, 'next');
      pages++;
    }
    expect(pages).toBe(10);
    const expected = Array.from({ length: 95 }, (_, i) => iso(base + (94 - i) * 5 * MIN));
    expect(seen).toEqual(expected);

    // Within a fixed range, "next" and "previous" links lead down and back up through the same pages.
    let back: string | null = `/v2/evses/${other()}/status_logs?page_size=10&sampled_at__lte=${iso(base + 94 * 5 * MIN)}`;
    const first = await get(back);
    expect(await times(first)).toEqual(expected.slice(0, 10));
    expect(nextLink(first, 'prev')).toBeNull();
    back = nextLink(first, 'next');
    const second = await get(back as string);
    expect(await times(second)).toEqual(expected.slice(10, 20));
    const prev = await get(nextLink(second, 'prev') as string);
    expect(await times(prev)).toEqual(expected.slice(0, 10));
  });

  it('filters by sampled_at bounds and embeds the EVSE on request', async () => {
    const res = await get(`/v2/evses/${other()}/status_logs?sampled_at__gte=${iso(base + 10 * 5 * MIN)}&sampled_at__lte=${iso(base + 12 * 5 * MIN)}&expand=evse`);
    const logs = z.array(EvseStatusLogSchema).parse(await res.json());
    expect(logs.map((l) => l.sampled_at)).toEqual([12, 11, 10].map((i) => iso(base + i * 5 * MIN)));
    expect(EvseSchema.parse(logs[0].evse).id).toBe(other());
    expect(res.headers.get('Link')).toBeNull();
    // One log by its time, given to the microsecond as ev.energy writes it.
    const micro = iso(base + 11 * 5 * MIN).replace('Z', '123Z');
    const one = EvseStatusLogSchema.parse(await (await get(`/v2/evses/${other()}/status_logs/${micro}`)).json());
    expect(one.url).toMatch(new RegExp(`/v2/evses/${other()}/status_logs/${iso(base + 11 * 5 * MIN)}/$`));
    expect(typeof one.evse).toBe('string');
    expect((await get(`/v2/evses/${other()}/status_logs/${iso(base + 11 * 5 * MIN + 1000)}`)).status).toBe(404);
  });

  it('names the parameter of bad cursors, dates and sizes', async () => {
    const bad = async (qs: string, parameter: string) => {
      const res = await get(`/v2/evses/${other()}/status_logs?${qs}`);
      expect(res.status, qs).toBe(400);
      expect(((await res.json()) as { errors: Array<{ parameter: string }> }).errors.map((e) => e.parameter), qs).toContain(parameter);
    };
    await bad('page_after=xmpl01HNFZM7Q8FXASZXYZ6XM3TQRR', 'page_after');
    await bad('page_before=pg%21%21', 'page_before');
    await bad(`page_after=pg${Buffer.from(`c:${base}`).toString('base64url')}`, 'page_after'); // a command-log cursor
    await bad(`page_after=pg${Buffer.from(`s:${base}`).toString('base64url')}&page_before=pg${Buffer.from(`s:${base}`).toString('base64url')}`, 'page_before');
    await bad('sampled_at__gte=2024-13-45', 'sampled_at__gte');
    await bad('sampled_at__lte=2024-04-17T09:39:45', 'sampled_at__lte'); // no zone
    await bad(`sampled_at__gte=${iso(base + MIN)}&sampled_at__lte=${iso(base)}`, 'sampled_at__gte');
    await bad('page_size=0', 'page_size');
    await bad('page_size=5000', 'page_size');
    await bad('expand=vehicle', 'expand');
    expect((await get(`/v2/evses/${other()}/status_logs/not-a-date`)).status).toBe(400);
  });
});

describe('command logs', () => {
  it('are posted by the feed and listed newest first with logged_at bounds', async () => {
    const logs = [0, 1, 2].map((i) => ({ logged_at: iso(T0 - (100 - i) * MIN), max_load_target_milliamps: 16000 + i * 1000, is_enabled_target: true, always_enabled: false, reason: 'SCHEDULED_CHARGING', internal_command_id: `cmd-${i}` }));
    const r = IngestReportSchema.parse(await (await post(`/v2/evses/${evse}/command_logs`, logs)).json());
    expect(r.inserted).toBe(3);
    const list = z.array(EvseCommandLogSchema).parse(await (await get(`/v2/evses/${evse}/command_logs?logged_at__gte=${iso(T0 - 99 * MIN)}`)).json());
    expect(list.map((l) => l.max_load_target_milliamps)).toEqual([18000, 17000]);
    const one = EvseCommandLogSchema.parse(await (await get(`/v2/evses/${evse}/command_logs/${iso(T0 - 100 * MIN)}?expand=evse`)).json());
    expect(one).toMatchObject({ reason: 'SCHEDULED_CHARGING', internal_command_id: 'cmd-0', always_enabled: false });
    expect(EvseSchema.parse(one.evse).id).toBe(evse);
    const wrong = await get(`/v2/evses/${evse}/command_logs?page_after=pg${Buffer.from(`s:${T0}`).toString('base64url')}`);
    expect(wrong.status).toBe(400);
  });
});

describe('vehicle status logs', () => {
  it('belong to the driver who created the vehicle', async () => {
    const created = await call('POST', '/v2/vehicles', user, { name: 'Our Leaf' });
    expect(created.status).toBe(201);
    const v = UserVehicleSchema.parse(await created.json());
    expect(v.id).toMatch(/^vhcl[0-9A-HJKMNP-TV-Z]{26}$/);
    const logs = [80, 75, 70].map((soc, i) => ({ sampled_at: iso(T0 - (30 - i * 10) * MIN), state_of_charge_percentage: soc, is_charging: false, is_plugged_in: false, charge_rate_watts: 0 }));
    const report = IngestReportSchema.parse(await (await call('POST', `/v2/vehicles/${v.id}/status_logs`, user, [...logs, { sampled_at: iso(T0), state_of_charge_percentage: 140 }])).json());
    expect(report).toMatchObject({ inserted: 3, rejected: [{ index: 3, errors: [{ field: 'state_of_charge_percentage' }] }] });
    const list = z.array(VehicleStatusLogSchema).parse(await (await get(`/v2/vehicles/${v.id}/status_logs?page_size=2&expand=vehicle`)).json());
    expect(list.map((l) => l.state_of_charge_percentage)).toEqual([70, 75]);
    expect(UserVehicleSchema.parse(list[0].vehicle).name).toBe('Our Leaf');
    const one = VehicleStatusLogSchema.parse(await (await get(`/v2/vehicles/${v.id}/status_logs/${iso(T0 - 30 * MIN)}`)).json());
    expect(one).toMatchObject({ state_of_charge_percentage: 80, vehicle: expect.stringMatching(new RegExp(`/v2/vehicles/${v.id}$`)) });

    const stranger = (await apiClient(t.request).signUp()).token;
    expect((await get(`/v2/vehicles/${v.id}/status_logs`, stranger)).status).toBe(404);
    expect((await call('POST', `/v2/vehicles/${v.id}/status_logs`, stranger, logs)).status).toBe(404);
    expect((await call('POST', '/v2/vehicles', feed, {})).status).toBe(403);
    expect(z.array(UserVehicleSchema).parse(await (await get('/v2/vehicles')).json()).map((x) => x.id)).toContain(v.id);
  });
});

describe('availability now', () => {
  it('comes from the newest fresh sample, shows on both location APIs and drives the availability filter', async () => {
    const loc = t.db.prepare('SELECT s.location_id FROM stations s GROUP BY s.location_id HAVING COUNT(*) = 1 ORDER BY s.location_id LIMIT 1 OFFSET 5').get() as { location_id: number };
    const st = (t.db.prepare('SELECT id FROM stations WHERE location_id = ?').get(loc.location_id) as { id: number }).id;
    const e = evseIdOf(st);
    const plug = async () => PlugShareLocationSchema.parse(await (await t.request(`/api/locations/${loc.location_id}`)).json());
    expect((await plug()).availability).toBeNull();

    await post(`/v2/evses/${e}/status_logs`, { source: 'simulator', logs: [sample(Date.now() - MIN, true)] });
    let p = await plug();
    expect(p.availability).toMatchObject({ status: 2, in_use: 1, simulated: true });
    expect(p.stations[0]).toMatchObject({ evse_id: e, available: 2, available_simulated: true });
    // An older sample arriving late goes to the history only.
    await post(`/v2/evses/${e}/status_logs`, [sample(Date.now() - 3 * MIN, false)]);
    expect((await plug()).availability?.status).toBe(2);
    await post(`/v2/evses/${e}/status_logs`, [sample(Date.now() - 30_000, false)]);
    p = await plug();
    expect(p.availability).toMatchObject({ status: 1, available: 1, simulated: false });

    const [lat, lng] = [p.latitude, p.longitude];
    const region = `latitude=${lat}&longitude=${lng}&spanLat=0.01&spanLng=0.01`;
    const ids = async (qs: string) => (z.array(PlugShareLocationSchema).parse(await (await t.request(`/api/locations?${region}&${qs}`)).json())).map((l) => l.id);
    expect(await ids('availability=1')).toContain(loc.location_id);
    expect(await ids('availability=2,3')).not.toContain(loc.location_id);
    const poi = z.array(OcmPoiSchema).parse(await (await t.request(`/v3/poi?chargepointid=${loc.location_id}&availability=1&compact=true&verbose=false`)).json());
    expect(poi[0].Availability).toMatchObject({ StatusID: 1, Title: 'Available', Available: 1, IsSimulated: false });
    expect(await (await t.request(`/v3/poi?chargepointid=${loc.location_id}&availability=2`)).json()).toEqual([]);
    const box = `(${lat + 0.01},${lng - 0.01}),(${lat - 0.01},${lng + 0.01})`;
    const clusters = await t.request(`/api/clusters?boundingbox=${box}&zoom=14&availability=1`);
    expect(Number(clusters.headers.get('X-Total-Count'))).toBeGreaterThanOrEqual(1);
    // The map's points carry the live state as a badge.
    const points = PointFeatureCollectionSchema.parse(await (await t.request(`/api/points?boundingbox=${box}&availability=1`)).json());
    expect(points.features.find((f) => f.id === loc.location_id)?.properties).toMatchObject({ availability: 1, simulated: false });
    expect((await t.request('/v3/poi?availability=4')).status).toBe(400);
  });

  it('turns unknown when the newest sample is older than AVAILABILITY_STALE_MINUTES', async () => {
    const loc = t.db.prepare('SELECT s.location_id, s.id FROM stations s GROUP BY s.location_id HAVING COUNT(*) = 1 ORDER BY s.location_id LIMIT 1 OFFSET 6').get() as { location_id: number; id: number };
    await post(`/v2/evses/${evseIdOf(loc.id)}/status_logs`, [sample(Date.now() - 20 * MIN, true)]);
    const p = PlugShareLocationSchema.parse(await (await t.request(`/api/locations/${loc.location_id}`)).json());
    expect(p.availability).toMatchObject({ status: 0, unknown: 1, in_use: 0 });
    // The station's state is no longer the live one: no live time is given with it.
    expect(p.stations[0]).toMatchObject({ available: 0, available_updated_at: null, available_simulated: false });
  });
});

describe('compaction of recent logs', () => {
  it('moves older logs to the log table without losing, repeating or reordering any, and keeps them idempotent', async () => {
    const e = evseIdOf((t.db.prepare('SELECT id FROM stations ORDER BY id LIMIT 1 OFFSET 3').get() as { id: number }).id);
    const start = T0 - 900 * MIN;
    const logs = Array.from({ length: 40 }, (_, i) => sample(start + i * 5 * MIN, i % 3 === 0));
    expect(IngestReportSchema.parse(await (await post(`/v2/evses/${e}/status_logs`, logs)).json()).inserted).toBe(40);
    const all = async () => {
      const seen: string[] = [];
      for (let url: string | null = `/v2/evses/${e}/status_logs?page_size=7`; url; ) {
        const res = await get(url);
        seen.push(...(await times(res)));
        url = nextLink(res, 'next');
      }
      return seen;
    };
    const before = await all();
    expect(before).toHaveLength(40);
    // Half the logs move to the log table; reads look in both.
    const repo = t.deps.telemetryRepo;
    const moved = repo.compactEvseStatus(start + 20 * 5 * MIN);
    expect(moved).toBeGreaterThanOrEqual(20);
    expect(await all()).toEqual(before);
    const single = EvseStatusLogSchema.parse(await (await get(`/v2/evses/${e}/status_logs/${iso(start)}`)).json());
    expect(single.is_plugged_in).toBe(true);
    // A repeat of a moved log is still a duplicate; a late sample below the watermark is stored.
    const again = IngestReportSchema.parse(await (await post(`/v2/evses/${e}/status_logs`, [logs[0], logs[25], sample(start + 2 * MIN, false)])).json());
    expect(again).toMatchObject({ inserted: 1, duplicates: 2 });
    expect((await all()).length).toBe(41);
    const occ = OccupancySchema.parse(await (await t.request(`/api/locations/${(t.db.prepare('SELECT location_id FROM stations WHERE id = ?').get(stationIdOfText(e)) as { location_id: number }).location_id}/occupancy`)).json());
    expect(occ.samples).toBeGreaterThanOrEqual(41);
    // The watermark only rises.
    expect(repo.compactEvseStatus(start)).toBe(0);
  });
});

describe('retention', () => {
  it('prunes logs older than the retention time and keeps the newer ones and the newest state', async () => {
    const e = evseIdOf((t.db.prepare('SELECT id FROM stations ORDER BY id LIMIT 1 OFFSET 2').get() as { id: number }).id);
    const old = Date.now() - 500 * 86_400_000;
    await post(`/v2/evses/${e}/status_logs`, [sample(old, true), sample(old + 5 * MIN, false), sample(Date.now() - MIN, true)]);
    await post(`/v2/evses/${e}/command_logs`, [{ logged_at: iso(old), reason: 'OLD' }]);
    const deleted = await t.deps.telemetryRepo.pruneEvseLogsBefore(Date.now() - 400 * 86_400_000, 2);
    expect(deleted).toBeGreaterThanOrEqual(3);
    const left = await times(await get(`/v2/evses/${e}/status_logs`));
    expect(left).toHaveLength(1);
    expect(Date.parse(left[0])).toBeGreaterThan(Date.now() - 10 * MIN);
    expect(z.array(EvseCommandLogSchema).parse(await (await get(`/v2/evses/${e}/command_logs`)).json())).toEqual([]);
  });
});

describe('occupancy by hour of week', () => {
  it('shares samples in use per local hour and says when it is usually busy', async () => {
    const loc = t.db.prepare('SELECT location_id, MIN(id) AS id FROM stations WHERE location_id NOT IN (SELECT location_id FROM evse_latest) GROUP BY location_id ORDER BY location_id LIMIT 1').get() as { location_id: number; id: number };
    // Three weeks of 5-minute samples: in use from 17:00 to 19:00 New York time every day, free otherwise.
    const logs = [];
    const start = Date.now() - 21 * 86_400_000;
    for (let ms = start; ms < Date.now() - 5 * MIN; ms += 5 * MIN) {
      const hour = Number(new Intl.DateTimeFormat('en-US', { timeZone: 'America/New_York', hour: 'numeric', hourCycle: 'h23' }).format(ms));
      logs.push(sample(ms, hour === 17 || hour === 18));
    }
    expect(IngestReportSchema.parse(await (await post(`/v2/evses/${evseIdOf(loc.id)}/status_logs`, logs)).json()).inserted).toBe(logs.length);
    const occ = OccupancySchema.parse(await (await t.request(`/api/locations/${loc.location_id}/occupancy`)).json());
    expect(occ.time_zone).toBe('America/New_York');
    expect(occ.samples).toBe(logs.length);
    expect(occ.buckets[4 * 24 + 17].occupancy).toBe(1);
    expect(occ.buckets[4 * 24 + 12].occupancy).toBe(0);
    expect(occ.summary).toMatch(/^Usually busy (Mon|Tue|Wed|Thu|Fri|Sat|Sun) 17:00–19:00/);
    expect((await t.request('/api/locations/abc/occupancy')).status).toBe(400);
    expect((await t.request('/api/locations/999999999/occupancy')).status).toBe(404);
  });
});
