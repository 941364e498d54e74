import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../test/test-app';

type Result = {
  places: Array<{ kind: string; name: string; region: string | null; latitude: number; longitude: number; locations: number | null }>;
  locations: Array<{ id: number; name: string; latitude: number }>;
};

let t: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  t = await createTestApp();
});
const search = async (qs: string) => {
  const res = await t.get(`/api/search?${qs}`);
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()) as Result;
};

describe('GET /api/search', () => {
  it('finds cities from the bundled list and towns from the charging data', async () => {
    const r = await search('q=albany');
    // Albany, NY has 200 chargers in the data: it comes first, as a town from the data.
    expect(r.places[0]).toMatchObject({ kind: 'town', name: 'Albany', region: 'NY' });
    expect(r.places[0].latitude).toBeCloseTo(42.69, 1);
    expect(r.places.some((p) => p.kind === 'city' && p.region === 'Georgia')).toBe(true);
    const towns = await search('q=Pflugerville');
    expect(towns.places.some((p) => p.kind === 'town' && (p.locations ?? 0) > 0)).toBe(true);
    const accents = await search('q=koln');
    expect(accents.places.some((p) => p.name === 'Köln' || p.name === 'Cologne')).toBe(true);
  });
  it('finds locations by name (start first, then anywhere) and by id', async () => {
    const r = await search('q=tesla&limit=20');
    expect(r.locations.length).toBe(20);
    expect(r.locations.every((l) => /tesla/i.test(l.name))).toBe(true);
    const byId = await search(`q=${r.locations[0].id}`);
    expect(byId.locations[0].id).toBe(r.locations[0].id);
  });
  it('rejects an empty or too long query', async () => {
    for (const qs of ['q=', 'q=%20%20', `q=${'x'.repeat(101)}`, 'q=a&limit=0']) {
      const res = await t.get(`/api/search?${qs}`);
      expect(res.status).toBe(400);
    }
  });
});
