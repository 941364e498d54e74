import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { NetworkSchema, ServiceSchema, type Network } from '../../../shared/api/leccy-networks';
import { importFile } from '../../importers/run-import';
import { TariffRepository } from '../../repositories/tariff-repository';
import { syncLeccy } from '../../tariffs/leccy-sync';
import { apiClient } from '../../test/api-client';
import { createSmallTestApp, createTestApp } from '../../test/test-app';
import { DATA_DIR } from '../../test/test-db';

let t: Awaited<ReturnType<typeof createTestApp>>;
let token: string;
beforeAll(async () => {
  t = await createTestApp();
  token = (await apiClient((u, i) => t.app.request(u, i)).signUp()).token;
});

const networks = async (url: string, auth = false) => {
  const res = await t.get(url, auth ? { headers: { Authorization: `Bearer ${token}` } } : undefined);
  expect(res.status).toBe(200);
  return NetworkSchema.array().parse(await res.json());
};
const rates = (list: Network[]) => list.flatMap((n) => n.services.flatMap((s) => s.rates));

describe('Leccy /v1/networks from the open data', () => {
  it('derives networks, AC / DC services and rates from the real price texts, each with its text and date', async () => {
    const list = await networks('/v1/networks');
    expect(list.length).toBeGreaterThan(30);
    const all = rates(list);
    expect(all.length).toBeGreaterThan(50);
    // AFDC NY text "$1.99 per session; $0.35 per kWh; $10 per hour idle fee" (or any with a session fee) is read into parts.
    const withFee = all.find((r) => r.costs.connection > 0 && r.costs.kwh > 0);
    expect(withFee?.sourceText).toMatch(/session|activation/i);
    expect(withFee?.currency).toBe('USD');
    const perKwh = all.find((r) => r.sourceText === '$0.35 per kWh');
    expect(perKwh?.costs).toMatchObject({ kwh: 35, connection: 0 });
    expect(perKwh?.lastUpdated.u).toBeGreaterThan(Date.UTC(2020, 0, 1) / 1000);
    expect(all.every((r) => r.source === 'open-data' && !r.isExample)).toBe(true);
    // Registered fields are not given to public callers.
    expect(all.every((r) => r.locations === undefined && r.costs.monthly === undefined)).toBe(true);
    expect(list.every((n) => !('logo' in n))).toBe(true);
  });

  it('gives signed-in callers the locations each rate was recorded at', async () => {
    const list = await networks('/v1/networks?name=chargepoint', true);
    expect(list.length).toBeGreaterThan(0);
    const rate = rates(list).find((r) => (r.locations?.length ?? 0) > 0);
    expect(rate?.locations?.[0]).toMatchObject({ place: expect.any(String), costs: { kwh: expect.any(Number) } });
    expect(rate?.costs.monthly).toBe(0);
  });

  it('filters a network\'s services by speed and status and serves one service with its network name', async () => {
    const list = await networks('/v1/networks?name=tesla');
    const tesla = list.find((n) => n.services.some((s) => s.supportedSpeeds.includes('ultra')));
    expect(tesla).toBeDefined();
    const res = await t.get(`/v1/networks/${tesla!.id}?speeds=ultra&status=all`);
    const one = NetworkSchema.parse(await res.json());
    expect(one.services.length).toBeGreaterThan(0);
    expect(one.services.every((s) => s.supportedSpeeds.includes('ultra'))).toBe(true);
    const svc = ServiceSchema.parse(await (await t.get(`/v1/services/${one.services[0].id}`)).json());
    expect(svc.network).toBe(one.name);
    expect((await t.get('/v1/services/nope')).status).toBe(404);
    expect((await t.get('/v1/networks/nope')).status).toBe(404);
    expect((await t.get(`/v1/networks/${tesla!.id}?speeds=warp`)).status).toBe(400);
  });

  it('orders by name either way', async () => {
    const asc = (await networks('/v1/networks')).map((n) => n.name.toLowerCase());
    const desc = (await networks('/v1/networks?order=desc')).map((n) => n.name.toLowerCase());
    expect(desc).toEqual([...asc].reverse());
  });
});

describe('tariff import (Leccy JSON) and sync from a Leccy API', () => {
  const exampleFile = path.join(DATA_DIR, 'examples/leccy-networks.example.json');

  it('imports Leccy-shaped networks, labels example data and keeps past rates for registered callers only', async () => {
    const small = await createSmallTestApp();
    const summary = await importFile(small.db, exampleFile);
    expect(summary).toMatchObject({ format: 'leccy-tariffs', read: 2, inserted: 2, skipped: 0 });
    const again = await importFile(small.db, exampleFile);
    expect(again).toMatchObject({ inserted: 0, updated: 2 });
    const res = await small.request('/v1/networks/example-subscription-network');
    const pub = NetworkSchema.parse(await res.json());
    expect(pub.isExample).toBe(true);
    const payg = pub.services.find((s) => s.id === 'example-subscription-pay-as-you-go');
    expect(payg?.rates.map((r) => r.id)).toEqual(['example-payg-2026']);
    expect(payg?.rates[0]).toMatchObject({ isExample: true, currency: 'GBP', costs: { kwh: 79 } });
    const user = await apiClient(small.request).signUp();
    const reg = NetworkSchema.parse(await (await small.request('/v1/networks/example-subscription-network', { headers: { Authorization: `Bearer ${user.token}` } })).json());
    const regPayg = reg.services.find((s) => s.id === 'example-subscription-pay-as-you-go');
    expect(regPayg?.rates.map((r) => [r.id, r.current])).toEqual([['example-payg-2026', true], ['example-payg-2025', false]]);
    expect(regPayg?.rates[0].locations?.[0].place).toBe('Example Services, M1');
    const plus = reg.services.find((s) => s.id === 'example-subscription-plus')?.rates[0];
    expect(plus).toMatchObject({ energyIncluded: 150, costs: { monthly: 1800, excessKwh: 49 } });
  });

  it('reports bad networks with their position and keeps the good ones', async () => {
    const small = await createSmallTestApp();
    const fs = await import('node:fs');
    const os = await import('node:os');
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'leccy-')), 'bad.json');
    fs.writeFileSync(file, JSON.stringify([
      { id: 'ok', name: 'Good network', services: [{ id: 's1', name: 'PAYG', supportedSpeeds: ['rapid'], rates: [{ id: 'r1', name: 'now', lastUpdated: '2026-01-01', costs: { kwh: 50 } }] }] },
      { id: 'bad', name: 'Bad network', services: [{ id: 's2', name: 'x', supportedSpeeds: ['warp'], rates: [] }] },
      { id: 'neg', name: 'Negative', services: [{ id: 's3', name: 'x', rates: [{ id: 'r3', name: 'x', lastUpdated: '2026-01-01', costs: { kwh: -5 } }] }] },
    ]));
    const s = await importFile(small.db, file);
    expect(s).toMatchObject({ read: 3, inserted: 1, skipped: 2 });
    expect(s.skippedRows.map((r) => r.line)).toEqual([2, 3]);
    expect(s.skippedRows[0].reason).toMatch(/supportedSpeeds/);
  });

  it('syncs every network of a Leccy API (here: another instance of this server) and replaces the last sync', async () => {
    const upstream = await createSmallTestApp({ MONTHLY_LIMIT_REGISTERED: '0' });
    await importFile(upstream.db, exampleFile);
    const user = await apiClient(upstream.request).signUp();
    const local = await createSmallTestApp();
    const repo = new TariffRepository(local.db);
    const doFetch = ((url: string, init?: RequestInit) => upstream.request(url.replace('http://upstream', ''), init)) as unknown as typeof fetch;
    const r = await syncLeccy(repo, { baseUrl: 'http://upstream/v1', token: user.token, fetch: doFetch });
    // Upstream's own derived networks come across too; the example networks keep their example label.
    expect(r.networks).toBeGreaterThan(2);
    const synced = NetworkSchema.parse(await (await local.request('/v1/networks/example-subscription-network')).json());
    expect(synced.isExample).toBe(true);
    expect(synced.services.map((s) => s.id)).toContain('example-subscription-plus');
    const bad = syncLeccy(repo, { baseUrl: 'http://upstream/v1', token: 'evk_wrong', fetch: doFetch });
    await expect(bad).rejects.toThrow(/401/);
    expect(repo.network('example-subscription-network')).toBeDefined();
  });
});
