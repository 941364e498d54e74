import { beforeAll, describe, expect, it } from 'vitest';
import { XMLParser } from 'fast-xml-parser';
import Papa from 'papaparse';
import { createTestApp } from '../../test/test-app';
import { encodePolyline, distanceToLineKm, lineProximity } from '../../../shared/geo/polyline';
import { haversineKm } from '../../../shared/geo/distance';
import { polygonTester } from '../../../shared/geo/polygon';
import type { LatLng } from '../../../shared/geo/types';

type Poi = {
  ID: number;
  UUID: string;
  OperatorID: number | null;
  OperatorInfo?: { ID: number; Title: string } | null;
  DataProviderID: number;
  DataProvider?: { ID: number; License: string } | null;
  UsageTypeID: number | null;
  StatusTypeID: number | null;
  DateLastStatusUpdate: string;
  AddressInfo: { Latitude: number; Longitude: number; CountryID: number; Country?: { ISOCode: string }; Distance: number | null; DistanceUnit: number; Title: string };
  Connections: Array<{ ConnectionTypeID: number; LevelID: number | null; PowerKW: number | null; ConnectionType?: { Title: string } }>;
  UserComments?: unknown[];
  MediaItems?: unknown[];
};

let t: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  t = await createTestApp();
});

const pois = async (qs: string) => {
  const res = await t.get(`/v3/poi?${qs}`);
  expect(res.status, await res.clone().text()).toBe(200);
  return { res, body: (await res.json()) as Poi[], total: Number(res.headers.get('X-Total-Count')) };
};
const bad = async (qs: string, parameter: string) => {
  const res = await t.get(`/v3/poi?${qs}`);
  expect(res.status).toBe(400);
  const body = (await res.json()) as { errors: Array<{ parameter: string; message: string }>; message: string };
  expect(body.errors.map((e) => e.parameter)).toContain(parameter);
  expect(body.message).toContain(parameter);
  return body;
};

const MANHATTAN = 'boundingbox=(40.80,-74.05),(40.70,-73.90)';

describe('GET /v3/poi basics', () => {
  it('returns real New York chargers with connectors for the README example', async () => {
    const { body, total } = await pois(`${MANHATTAN}&maxresults=50`);
    expect(body).toHaveLength(50);
    expect(total).toBeGreaterThan(50);
    for (const p of body) {
      expect(p.AddressInfo.Latitude).toBeGreaterThanOrEqual(40.7);
      expect(p.AddressInfo.Latitude).toBeLessThanOrEqual(40.8);
      expect(p.AddressInfo.Longitude).toBeGreaterThanOrEqual(-74.05);
      expect(p.AddressInfo.Longitude).toBeLessThanOrEqual(-73.9);
    }
    expect(body.filter((p) => p.Connections.length > 0).length).toBeGreaterThan(40);
    expect(body.some((p) => p.DataProvider?.ID === 2)).toBe(true);
  });

  it('defaults to 100 results and reports the total before the cap', async () => {
    const { body, total, res } = await pois('');
    expect(body).toHaveLength(100);
    expect(total).toBeGreaterThan(15_000);
    expect(res.headers.get('Access-Control-Expose-Headers')).toContain('X-Total-Count');
  });

  it('accepts a trailing slash, upper-case names, keys and ignores unknown parameters', async () => {
    const a = await pois('maxresults=3&sortby=id_asc');
    const b = await t.get('/v3/poi/?MaxResults=3&SORTBY=id_asc&key=abc&client=test&foo=bar', { headers: { 'X-API-Key': 'k' } });
    expect(b.status).toBe(200);
    expect(((await b.json()) as Poi[]).map((p) => p.ID)).toEqual(a.body.map((p) => p.ID));
  });

  it.each([
    ['maxresults=0', 'maxresults'],
    ['maxresults=abc', 'maxresults'],
    ['maxresults=1.5', 'maxresults'],
    ['output=pdf', 'output'],
    ['countrycode=USA', 'countrycode'],
    ['countryid=1;2', 'countryid'],
    ['latitude=91&longitude=0', 'latitude'],
    ['latitude=40', 'longitude'],
    ['longitude=-74', 'latitude'],
    ['distance=5', 'distance'],
    ['latitude=40&longitude=-74&distance=-1', 'distance'],
    ['latitude=40&longitude=-74&distanceunit=furlongs', 'distanceunit'],
    ['operatorid=x', 'operatorid'],
    ['connectiontypeid=1,,2x', 'connectiontypeid'],
    ['levelid=high', 'levelid'],
    ['minpowerkw=fast', 'minpowerkw'],
    ['minpowerkw=100&maxpowerkw=50', 'maxpowerkw'],
    ['usagetypeid=public', 'usagetypeid'],
    ['statustypeid=1e', 'statustypeid'],
    ['dataproviderid=-', 'dataproviderid'],
    ['modifiedsince=yesterday', 'modifiedsince'],
    ['modifiedsince=2020-13-45', 'modifiedsince'],
    ['opendata=maybe', 'opendata'],
    ['includecomments=2', 'includecomments'],
    ['verbose=nope', 'verbose'],
    ['compact=y', 'compact'],
    ['camelcase=on', 'camelcase'],
    ['callback=alert(1)', 'callback'],
    ['callback=cb&output=xml', 'callback'],
    ['chargepointid=1-2', 'chargepointid'],
    ['boundingbox=(40.8,-74.05)', 'boundingbox'],
    ['boundingbox=(95,0),(0,0)', 'boundingbox'],
    ['polygon=not a polyline', 'polygon'],
    [`polygon=${encodeURIComponent(encodePolyline([[40, -74], [41, -74]]))}`, 'polygon'],
    ['polyline=%20', 'polyline'],
    ['sortby=random', 'sortby'],
    ['sortby=distance_asc', 'sortby'],
    ['greaterthanid=abc', 'greaterthanid'],
    [`${MANHATTAN}&polyline=${encodeURIComponent(encodePolyline([[40, -74], [41, -74]]))}`, 'polyline'],
  ])('rejects %s naming %s', async (qs, parameter) => {
    await bad(qs, parameter);
  });
});

describe('filters', () => {
  it('countrycode and countryid', async () => {
    const gb = await pois('countrycode=GB&maxresults=20');
    expect(gb.total).toBeGreaterThan(3000);
    expect(gb.body.every((p) => p.AddressInfo.Country?.ISOCode === 'GB')).toBe(true);
    const byId = await pois('countryid=1&maxresults=1');
    expect(byId.total).toBe(gb.total);
    const two = await pois('countrycode=GB,DE&maxresults=1');
    expect(two.total).toBeGreaterThan(gb.total);
    expect((await pois('countrycode=XX')).total).toBe(0);
  });

  it('latitude/longitude sort by distance in miles by default, km on request', async () => {
    const mi = await pois('latitude=40.758&longitude=-73.9855&maxresults=10');
    const d = mi.body.map((p) => p.AddressInfo.Distance as number);
    expect(d).toEqual([...d].sort((a, b) => a - b));
    expect(mi.body[0].AddressInfo.DistanceUnit).toBe(2);
    const km = await pois('latitude=40.758&longitude=-73.9855&maxresults=10&distanceunit=km');
    expect(km.body[0].AddressInfo.DistanceUnit).toBe(1);
    expect(km.body[0].AddressInfo.Distance).toBeCloseTo((mi.body[0].AddressInfo.Distance as number) * 1.609344, 6);
    const truth = haversineKm([40.758, -73.9855], [km.body[0].AddressInfo.Latitude, km.body[0].AddressInfo.Longitude]);
    expect(km.body[0].AddressInfo.Distance).toBeCloseTo(truth, 6);
  });

  it('distance limits results to the radius in the given unit', async () => {
    const r = await pois('latitude=40.758&longitude=-73.9855&distance=1&distanceunit=km&maxresults=1000');
    expect(r.body.length).toBe(r.total);
    expect(r.total).toBeGreaterThan(10);
    expect(r.body.every((p) => (p.AddressInfo.Distance as number) <= 1)).toBe(true);
    const miles = await pois('latitude=40.758&longitude=-73.9855&distance=1&maxresults=1000');
    expect(miles.total).toBeGreaterThan(r.total);
  });

  it('operatorid, usagetypeid, statustypeid, dataproviderid', async () => {
    const cp = await pois('operatorid=5&maxresults=50');
    expect(cp.total).toBeGreaterThan(1000);
    expect(cp.body.every((p) => p.OperatorID === 5)).toBe(true);
    const u = await pois('usagetypeid=2&maxresults=50');
    expect(u.total).toBeGreaterThan(0);
    expect(u.body.every((p) => p.UsageTypeID === 2)).toBe(true);
    const s = await pois('statustypeid=30,150&maxresults=100');
    expect(s.body.every((p) => p.StatusTypeID === 30 || p.StatusTypeID === 150)).toBe(true);
    const dp = await pois('dataproviderid=18&maxresults=10');
    expect(dp.total).toBe(3966 + 5); // the NCR export plus 5 NCR records re-published in the 2020 OCM export
    const combined = await pois('operatorid=5&countrycode=US&usagetypeid=1&maxresults=1');
    expect(combined.total).toBeLessThan(cp.total);
    expect(combined.total).toBeGreaterThan(0);
  });

  it('connector filters apply to one and the same connector', async () => {
    const ccs = await pois('connectiontypeid=32&maxresults=100');
    expect(ccs.body.every((p) => p.Connections.some((c) => c.ConnectionTypeID === 32))).toBe(true);
    const fast = await pois('minpowerkw=100&maxresults=100');
    expect(fast.total).toBeGreaterThan(0);
    expect(fast.body.every((p) => p.Connections.some((c) => (c.PowerKW ?? 0) >= 100))).toBe(true);
    const slow = await pois('maxpowerkw=3&maxresults=100');
    expect(slow.body.every((p) => p.Connections.some((c) => c.PowerKW !== null && c.PowerKW <= 3))).toBe(true);
    const band = await pois('minpowerkw=40&maxpowerkw=60&maxresults=100');
    expect(band.body.every((p) => p.Connections.some((c) => c.PowerKW !== null && c.PowerKW >= 40 && c.PowerKW <= 60))).toBe(true);
    // J1772 is never 100 kW: a location with J1772 and a separate 150 kW CCS must not match.
    expect((await pois('connectiontypeid=1&minpowerkw=100')).total).toBe(0);
    const lvl = await pois('levelid=3&maxresults=50');
    expect(lvl.body.every((p) => p.Connections.some((c) => c.LevelID === 3))).toBe(true);
  });

  it('vehicleports keeps connectors the car can use, by the charger\'s region', async () => {
    // A European-spec Type 2 / CCS car: J1772 and CCS1 in the US, Type 2 and CCS2 in Europe.
    const us = await pois('countrycode=US&vehicleports=type2,ccs&maxresults=300');
    expect(us.total).toBeGreaterThan(0);
    expect(us.body.every((p) => p.Connections.some((c) => c.ConnectionTypeID === 1 || c.ConnectionTypeID === 32))).toBe(true);
    const gb = await pois('countrycode=GB&vehicleports=type2,ccs&maxresults=300');
    expect(gb.total).toBeGreaterThan(0);
    expect(gb.body.every((p) => p.Connections.some((c) => [25, 33, 1036].includes(c.ConnectionTypeID)))).toBe(true);
    // Rapid charging for a CHAdeMO-only Leaf in the US: one and the same connector is CHAdeMO at 50 kW or more.
    const leaf = await pois('countrycode=US&vehicleports=chademo&minpowerkw=50&maxresults=300');
    expect(leaf.total).toBeGreaterThan(0);
    expect(leaf.body.every((p) => p.Connections.some((c) => c.ConnectionTypeID === 2 && (c.PowerKW ?? 0) >= 50))).toBe(true);
    expect((await pois('countrycode=US&vehicleports=chademo')).total).toBeLessThan((await pois('countrycode=US')).total);
    const bad = await t.get('/v3/poi?vehicleports=type9');
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { errors: Array<{ parameter: string }> }).errors[0].parameter).toBe('vehicleports');
  });

  it('modifiedsince, opendata, chargepointid, greaterthanid, sortby', async () => {
    const m = await pois('modifiedsince=2025-06-01&maxresults=200');
    expect(m.total).toBeGreaterThan(0);
    expect(m.body.every((p) => p.DateLastStatusUpdate >= '2025-06-01')).toBe(true);
    const all = await pois('maxresults=1');
    expect((await pois('opendata=true&maxresults=1')).total).toBe(all.total);
    expect((await pois('opendata=false')).total).toBe(0);
    const ids = (await pois('maxresults=3')).body.map((p) => p.ID);
    const picked = await pois(`chargepointid=${ids.join(',')}`);
    expect(picked.body.map((p) => p.ID).sort()).toEqual([...ids].sort());
    const page1 = await pois('sortby=id_asc&maxresults=5');
    const page2 = await pois(`sortby=id_asc&maxresults=5&greaterthanid=${page1.body[4].ID}`);
    expect(page2.body[0].ID).toBeGreaterThan(page1.body[4].ID);
    expect(page2.total).toBe(page1.total - 5);
    const desc = await pois('sortby=id_desc&maxresults=5');
    expect(desc.body.map((p) => p.ID)).toEqual([...desc.body.map((p) => p.ID)].sort((a, b) => b - a));
    const power = await pois(`${MANHATTAN}&sortby=power_desc&maxresults=5`);
    const maxes = power.body.map((p) => Math.max(...p.Connections.map((c) => c.PowerKW ?? 0)));
    expect(maxes).toEqual([...maxes].sort((a, b) => b - a));
  });

  it('polygon (auto-closed) keeps points inside only', async () => {
    const ring: LatLng[] = [
      [40.70, -74.02],
      [40.80, -73.96],
      [40.76, -73.93],
      [40.70, -73.97],
    ];
    const r = await pois(`polygon=${encodeURIComponent(encodePolyline(ring))}&maxresults=5000`);
    expect(r.total).toBeGreaterThan(50);
    const inside = polygonTester(ring);
    expect(r.body.every((p) => inside([p.AddressInfo.Latitude, p.AddressInfo.Longitude]))).toBe(true);
    const box = await pois('boundingbox=(40.70,-74.02),(40.80,-73.93)&maxresults=1');
    expect(r.total).toBeLessThan(box.total);
  });

  it('a 1,000 km route: the polyline is too long for a URL, so the same query goes as a POST form', async () => {
    // Buffalo → Albany → New York → Boston → Springfield, densified to a point every ~200 m (like a road route).
    const waypoints: LatLng[] = [[42.886, -78.878], [42.652, -73.756], [40.713, -74.006], [42.360, -71.058], [42.101, -72.590]];
    const route: LatLng[] = [];
    for (let i = 1; i < waypoints.length; i++) {
      const [a, b] = [waypoints[i - 1], waypoints[i]];
      const n = Math.ceil(haversineKm(a, b) / 0.2);
      for (let k = 0; k < n; k++) route.push([a[0] + ((b[0] - a[0]) * k) / n, a[1] + ((b[1] - a[1]) * k) / n]);
    }
    route.push(waypoints.at(-1)!);
    const encoded = encodePolyline(route);
    expect(encoded.length).toBeGreaterThan(16 * 1024);
    const res = await t.app.request('/v3/poi', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ polyline: encoded, distance: '5', distanceunit: 'km', maxresults: '5000', compact: 'true' }).toString(),
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as Poi[];
    expect(body.length).toBeGreaterThan(200);
    const near = lineProximity(route);
    expect(body.every((p) => near.distanceKm(p.AddressInfo.Latitude, p.AddressInfo.Longitude) <= 5.01)).toBe(true);
    // The same query by JSON body, and the query string still applies (here: a connector filter).
    const ccs = await t.app.request('/v3/poi?connectiontypeid=32', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ polyline: encoded, distance: 5, distanceunit: 'km', maxresults: 5000 }) });
    const ccsBody = (await ccs.json()) as Poi[];
    expect(ccsBody.length).toBeGreaterThan(0);
    expect(ccsBody.length).toBeLessThan(body.length);
    expect(ccsBody.every((p) => p.Connections.some((c) => c.ConnectionTypeID === 32))).toBe(true);
    const bad = await t.app.request('/v3/poi', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"polyline": ' });
    expect(bad.status).toBe(400);
  });

  it('polyline corridor with default 5 km and a given distance', async () => {
    const route: LatLng[] = [
      [42.8864, -78.8784], // Buffalo
      [43.0481, -76.1474], // Syracuse
      [42.6526, -73.7562], // Albany
      [40.7128, -74.006], // New York
    ];
    const enc = encodeURIComponent(encodePolyline(route));
    const def = await pois(`polyline=${enc}&maxresults=10000`);
    expect(def.total).toBeGreaterThan(100);
    expect(def.body.every((p) => distanceToLineKm([p.AddressInfo.Latitude, p.AddressInfo.Longitude], route) <= 5.001)).toBe(true);
    const wide = await pois(`polyline=${enc}&distance=20&distanceunit=km&maxresults=1`);
    expect(wide.total).toBeGreaterThan(def.total);
  });

  it('with latitude/longitude and a box, results carry distances', async () => {
    const r = await pois(`${MANHATTAN}&latitude=40.75&longitude=-73.98&maxresults=5`);
    expect(r.body.every((p) => typeof p.AddressInfo.Distance === 'number')).toBe(true);
  });
});

describe('output shapes', () => {
  it('verbose output has OCM reference objects; compact keeps only ids', async () => {
    const v = await pois(`${MANHATTAN}&maxresults=5`);
    const p = v.body.find((x) => x.OperatorID !== null) as Poi;
    expect(p.OperatorInfo?.ID).toBe(p.OperatorID);
    expect(p.Connections[0].ConnectionType?.Title).toBeTruthy();
    expect(p).toHaveProperty('UUID');
    const c = await pois(`${MANHATTAN}&maxresults=5&compact=true`);
    expect(c.body.every((x) => !('OperatorInfo' in x) && !('DataProvider' in x) && x.Connections.every((k) => !('ConnectionType' in k)))).toBe(true);
    expect(c.body[0].DataProviderID).toBeTypeOf('number');
  });

  it('verbose=false drops null fields', async () => {
    const text = await (await t.get(`/v3/poi?${MANHATTAN}&maxresults=20&verbose=false`)).text();
    expect(text).not.toContain(':null');
    expect((await (await t.get(`/v3/poi?${MANHATTAN}&maxresults=20`)).text())).toContain(':null');
  });

  it('camelcase=true renames keys as OCM does', async () => {
    const res = await t.get(`/v3/poi?${MANHATTAN}&maxresults=1&camelcase=true`);
    const [p] = (await res.json()) as Array<Record<string, unknown>>;
    expect(Object.keys(p)).toEqual(expect.arrayContaining(['id', 'uuid', 'addressInfo', 'connections', 'dataProviderID']));
    expect(Object.keys(p.addressInfo as object)).toEqual(expect.arrayContaining(['latitude', 'longitude', 'title']));
  });

  it('includecomments adds UserComments and MediaItems lists', async () => {
    const r = await pois(`${MANHATTAN}&maxresults=2&includecomments=true`);
    expect(r.body.every((p) => Array.isArray(p.UserComments) && Array.isArray(p.MediaItems))).toBe(true);
  });

  it('JSONP callback', async () => {
    const res = await t.get(`/v3/poi?${MANHATTAN}&maxresults=2&callback=my.cb`);
    expect(res.headers.get('Content-Type')).toContain('javascript');
    const text = await res.text();
    expect(text.startsWith('/**/my.cb([')).toBe(true);
    expect(text.endsWith(');')).toBe(true);
    // Plain JSON comes from the cache of POI texts (asked twice: built, then reused): byte for byte what
    // JSON.stringify made of the same POIs for the JSONP answer.
    for (let i = 0; i < 2; i++) {
      const json = await t.get(`/v3/poi?${MANHATTAN}&maxresults=2`);
      expect(json.headers.get('Content-Type')).toContain('application/json');
      expect(`/**/my.cb(${await json.text()});`).toBe(text);
    }
    // Every output option is part of the cached form: the unit shows in AddressInfo even without distances.
    const unitOf = async (qs: string) => ((await (await t.get(`/v3/poi?${MANHATTAN}&maxresults=2${qs}`)).json()) as Array<{ AddressInfo: { DistanceUnit: number } }>)[0].AddressInfo.DistanceUnit;
    expect(await unitOf('')).toBe(2);
    expect(await unitOf('&distanceunit=km')).toBe(1);
    expect(await unitOf('&distanceunit=miles')).toBe(2);
  });

  it('geojson, xml, csv and kml', async () => {
    const gj = (await (await t.get(`/v3/poi?${MANHATTAN}&maxresults=3&output=geojson`)).json()) as { type: string; features: Array<{ geometry: { coordinates: number[] }; properties: Poi }> };
    expect(gj.type).toBe('FeatureCollection');
    expect(gj.features).toHaveLength(3);
    expect(gj.features[0].geometry.coordinates).toEqual([gj.features[0].properties.AddressInfo.Longitude, gj.features[0].properties.AddressInfo.Latitude]);

    const xmlRes = await t.get(`/v3/poi?${MANHATTAN}&maxresults=3&output=xml`);
    expect(xmlRes.headers.get('Content-Type')).toContain('xml');
    const xml = new XMLParser().parse(await xmlRes.text()) as { ChargePoints: { ChargePoint: Array<{ ID: number; Connections: unknown }> } };
    expect(xml.ChargePoints.ChargePoint).toHaveLength(3);

    const csvRes = await t.get(`/v3/poi?${MANHATTAN}&maxresults=3&output=csv`);
    const csv = Papa.parse<Record<string, string>>(await csvRes.text(), { header: true, skipEmptyLines: true });
    expect(csv.data).toHaveLength(3);
    expect(Number(csv.data[0].Latitude)).toBeGreaterThan(40.7);

    const kml = new XMLParser({ ignoreAttributes: false }).parse(await (await t.get(`/v3/poi?${MANHATTAN}&maxresults=3&output=kml`)).text()) as {
      kml: { Document: { Placemark: Array<{ Point: { coordinates: string } }> } };
    };
    expect(kml.kml.Document.Placemark).toHaveLength(3);
    expect(kml.kml.Document.Placemark[0].Point.coordinates).toMatch(/^-7\d\.\d+,40\.\d+,0$/);
  });
});

describe('GET /v3/referencedata', () => {
  it('returns OCM core reference data', async () => {
    const { res, body } = await t.json<Record<string, Array<{ ID: number; Title: string }>>>('/v3/referencedata');
    expect(res.status).toBe(200);
    expect(body.ConnectionTypes.find((c) => c.ID === 32)?.Title).toBe('CCS (Type 1)');
    expect(body.CheckinStatusTypes).toHaveLength(18);
    expect(body.UserCommentTypes).toHaveLength(5);
    expect(body.Operators.length).toBeGreaterThan(684); // plus networks added by imports
  });
  it('filters operators and connection types to those used in the given countries', async () => {
    const { body } = await t.json<Record<string, Array<{ ID: number; Title: string }>>>('/v3/referencedata?countryid=87');
    const all = await t.json<Record<string, Array<{ ID: number }>>>('/v3/referencedata');
    expect(body.Operators.length).toBeGreaterThan(0);
    expect(body.Operators.length).toBeLessThan(all.body.Operators.length);
    expect(body.Countries.map((c) => c.ID)).toEqual([87]);
  });
  it('rejects a bad countryid', async () => {
    const res = await t.get('/v3/referencedata?countryid=DE');
    expect(res.status).toBe(400);
    expect(((await res.json()) as { errors: Array<{ parameter: string }> }).errors[0].parameter).toBe('countryid');
  });
});

describe('map filter extensions', () => {
  it('excludeoperatorid, operationalonly and cost combine with the OCM filters', async () => {
    const all = await pois(`${MANHATTAN}&maxresults=1`);
    const cp = await pois(`${MANHATTAN}&operatorid=5&maxresults=1`);
    const noCp = await pois(`${MANHATTAN}&excludeoperatorid=5&maxresults=500`);
    expect(noCp.total + cp.total).toBe(all.total);
    expect(noCp.body.every((p) => p.OperatorID !== 5)).toBe(true);
    const free = await pois(`${MANHATTAN}&cost=free&maxresults=500`);
    const paid = await pois(`${MANHATTAN}&cost=paid&maxresults=500`);
    expect(free.total).toBeGreaterThan(0);
    expect(paid.total).toBeGreaterThan(0);
    expect(free.total + paid.total).toBeLessThanOrEqual(all.total);
    expect(free.body.every((p) => /^free/i.test(String((p as unknown as { UsageCost: string }).UsageCost)))).toBe(true);
    const op = await pois('operationalonly=true&maxresults=1');
    const everything = await pois('maxresults=1');
    expect(op.total).toBeLessThan(everything.total);
    const notOp = await pois('statustypeid=100,150&operationalonly=true&maxresults=1');
    expect(notOp.total).toBe(0);
  });
  it.each([
    ['cost=cheap', 'cost'],
    ['operationalonly=maybe', 'operationalonly'],
    ['excludeoperatorid=x', 'excludeoperatorid'],
  ])('rejects %s', async (qs, parameter) => {
    await bad(qs, parameter);
  });
});
