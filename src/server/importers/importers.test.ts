import { describe, expect, it, beforeEach } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import type { Db } from '../db/open-db';
import { detectFormat, importFile } from './run-import';
import { count, fixture, referenceDb } from '../test/test-db';

let db: Db;
beforeEach(async () => {
  db = await referenceDb();
});

const location = (source: string, sourceId: string) => db.prepare('SELECT * FROM locations WHERE source = ? AND source_id = ?').get(source, sourceId) as Record<string, unknown>;
const connectors = (locationId: number) =>
  db.prepare('SELECT c.* FROM connectors c WHERE c.location_id = ? ORDER BY c.id').all(locationId) as Array<Record<string, unknown>>;

describe('format detection', () => {
  it.each([
    ['afdc-ny-sample.csv', 'afdc'],
    ['afdc-ma-sample.csv', 'afdc'],
    ['ncr-sample.csv', 'ncr'],
    ['bnetza-berlin-sample.csv', 'bnetza'],
    ['bnetza-koeln-sample.csv', 'bnetza'],
    ['ocm-austin-sample.json', 'ocm-json'],
    ['ocm-export-sample.ndjson', 'ocm-ndjson'],
    ['open-ev-data-sample.json', 'open-ev-data'],
  ])('%s is %s', (file, format) => {
    const head = fs.readFileSync(fixture(file), 'utf8').replace(/^\uFEFF/, '').slice(0, 65536);
    expect(detectFormat(head)).toBe(format);
  });

  it('refuses unknown content with a clear message', async () => {
    const f = path.join(os.tmpdir(), `unknown-${process.pid}.txt`);
    fs.writeFileSync(f, 'hello,world\n1,2\n');
    await expect(importFile(db, f)).rejects.toThrow(/could not tell the format.*--format/);
  });
});

describe('AFDC importer', () => {
  it('imports electric stations, skips other fuels with line numbers, and maps connectors', async () => {
    const s = await importFile(db, fixture('afdc-ny-sample.csv'));
    expect(s.read).toBe(13);
    expect(s.skipped).toBe(3);
    expect(s.skippedRows.map((r) => r.line)).toEqual([2, 3, 4]);
    expect(s.skippedRows[0].reason).toMatch(/not an electric station/);
    expect(s.inserted).toBe(10);
    // every location is in the spatial index at its coordinates
    const outOfIndex = db
      .prepare('SELECT COUNT(*) AS n FROM locations l LEFT JOIN locations_rtree r ON r.id = l.id WHERE r.id IS NULL OR abs(r.min_lat - l.latitude) > 1e-4 OR abs(r.min_lng - l.longitude) > 1e-4')
      .get() as { n: number };
    expect(outOfIndex.n).toBe(0);

    const ea = db.prepare("SELECT * FROM locations WHERE source = 'afdc' AND operator_id = 3318").get() as { id: number; max_power_kw: number; licence: string };
    expect(ea.licence).toMatch(/Public domain/);
    const eaConnectors = connectors(ea.id);
    expect(eaConnectors.map((c) => c.connection_type_id)).toContain(32); // CCS (Type 1)
    expect(eaConnectors.every((c) => c.power_estimated === 1)).toBe(true);
    expect(ea.max_power_kw).toBe(150);

    const tesla = db.prepare("SELECT id FROM locations WHERE source = 'afdc' AND operator_id = 23").get() as { id: number };
    const tc = connectors(tesla.id);
    expect(tc).toEqual(expect.arrayContaining([expect.objectContaining({ connection_type_id: 27, current_type_id: 30, level_id: 3 })]));

    const dest = db.prepare("SELECT id FROM locations WHERE source = 'afdc' AND operator_id = 3534").get() as { id: number };
    const dc = connectors(dest.id);
    expect(dc.find((c) => c.connection_type_id === 27)).toMatchObject({ current_type_id: 10, level_id: 2, power_kw: 11.5 });
  });

  it('creates a local operator for networks OCM does not list', async () => {
    await importFile(db, fixture('afdc-ny-sample.csv'));
    const op = db.prepare("SELECT id, is_local FROM ref_operators WHERE title = 'Vialynk'").get() as { id: number; is_local: number };
    expect(op.is_local).toBe(1);
    expect(op.id).toBeGreaterThanOrEqual(1_000_000);
  });

  it('pads stripped ZIP zeros and reads M/D/YYYY dates (MA export)', async () => {
    const s = await importFile(db, fixture('afdc-ma-sample.csv'));
    expect(s.skipped).toBe(0);
    const rows = db.prepare("SELECT postcode, date_created, date_last_confirmed, usage_type_id FROM locations WHERE source = 'afdc'").all() as Array<Record<string, string | number>>;
    expect(rows.every((r) => /^\d{5}$/.test(String(r.postcode)))).toBe(true);
    expect(rows.every((r) => r.date_created === null || /^\d{4}-\d{2}-\d{2}T/.test(String(r.date_created)))).toBe(true);
    expect(rows.filter((r) => r.usage_type_id === 2).length).toBe(3); // private → Private - Restricted Access
  });

  it('is idempotent: the same file twice changes nothing', async () => {
    await importFile(db, fixture('afdc-ny-sample.csv'));
    const before = db.prepare('SELECT id, updated_at, content_hash FROM locations ORDER BY id').all();
    const stationIds = db.prepare('SELECT id FROM stations ORDER BY id').all();
    const again = await importFile(db, fixture('afdc-ny-sample.csv'));
    expect(again).toMatchObject({ inserted: 0, updated: 0, unchanged: 10 });
    expect(db.prepare('SELECT id, updated_at, content_hash FROM locations ORDER BY id').all()).toEqual(before);
    expect(db.prepare('SELECT id FROM stations ORDER BY id').all()).toEqual(stationIds);
  });

  it('updates in place from a newer export, keeping ids', async () => {
    await importFile(db, fixture('afdc-ny-sample.csv'));
    const text = fs.readFileSync(fixture('afdc-ny-sample.csv'), 'utf8');
    const first = location('afdc', (db.prepare("SELECT source_id FROM locations WHERE source = 'afdc' ORDER BY id LIMIT 1").get() as { source_id: string }).source_id);
    const newer = text
      .replace(String(first.title), `${String(first.title)} (renamed)`)
      .replace(String(first.latitude), String(Number(first.latitude) + 0.01));
    const f = path.join(os.tmpdir(), `afdc-newer-${process.pid}.csv.gz`);
    fs.writeFileSync(f, zlib.gzipSync(newer));
    const s = await importFile(db, f);
    expect(s).toMatchObject({ inserted: 0, updated: 1, unchanged: 9 });
    const after = location('afdc', String(first.source_id));
    expect(after.id).toBe(first.id);
    expect(after.title).toBe(`${String(first.title)} (renamed)`);
    const box = db.prepare('SELECT min_lat FROM locations_rtree WHERE id = ?').get(first.id) as { min_lat: number };
    expect(box.min_lat).toBeCloseTo(Number(first.latitude) + 0.01, 4);
  });

  it('reports a bad row with its line and reason and goes on', async () => {
    const lines = fs.readFileSync(fixture('afdc-ny-sample.csv'), 'utf8').split('\n');
    // Line 6 of the file: break its latitude.
    const header = lines[0].replace(/^\uFEFF/, '').split(',');
    const latIdx = header.indexOf('Latitude');
    const cells = lines[5].split(',');
    expect(cells.length).toBe(header.length); // this row has no quoted commas
    cells[latIdx] = '95.5';
    lines[5] = cells.join(',');
    const f = path.join(os.tmpdir(), `afdc-bad-${process.pid}.csv`);
    fs.writeFileSync(f, lines.join('\n'));
    const s = await importFile(db, f);
    expect(s.skippedRows).toContainEqual({ line: 6, reason: 'latitude out of range (95.5)' });
    expect(s.inserted).toBe(9);
  });

  it('reads a connector type listed twice as one type (it used to fail the whole import on a unique key)', async () => {
    const text = fs.readFileSync(fixture('afdc-ny-sample.csv'), 'utf8');
    const lines = text.split('\n');
    const header = lines[0].replace(/^\uFEFF/, '').split(',');
    const at = (name: string) => header.indexOf(name);
    const row = lines.findIndex((l, i) => i > 0 && l.split(',').length === header.length && l.split(',')[at('Fuel Type Code')] === 'ELEC' && Number(l.split(',')[at('EV Level2 EVSE Num')]) > 0 && l.split(',')[at('EV DC Fast Count')] === '');
    const cells = lines[row].split(',');
    cells[at('EV Connector Types')] = 'J1772 J1772';
    const f = path.join(os.tmpdir(), `afdc-twice-${process.pid}.csv`);
    fs.writeFileSync(f, `${lines[0]}\n${cells.join(',')}\n`);
    const s = await importFile(db, f);
    expect(s.inserted).toBe(1);
    const stored = connectors(location('afdc', cells[at('ID')]).id as number);
    expect(stored.map((c) => [c.ref, c.quantity, c.comments])).toEqual([['J1772', Number(cells[at('EV Level2 EVSE Num')]), null]]);
  });
});

describe('UK NCR importer', () => {
  it('reads connectors, skips the column-shifted row, and keeps OGL provenance', async () => {
    const s = await importFile(db, fixture('ncr-sample.csv'));
    expect(s.skippedRows).toHaveLength(1);
    expect(s.skippedRows[0].reason).toMatch(/column-shifted/);
    expect(s.inserted).toBe(s.read - 1);
    const l = location('ncr', 'cfeedcdd5e287bef4b583158a12363f1');
    expect(l).toMatchObject({ data_provider_id: 18, town: 'Leek', postcode: 'SE12 9QR', status_type_id: 50 });
    expect(String(l.licence)).toMatch(/OGL/);
    expect(String(l.usage_cost)).toMatch(/£5 per annum/);
    const c = connectors(Number(l.id));
    expect(c.map((x) => [x.connection_type_id, x.power_kw])).toEqual([
      [3, 3.7],
      [25, 7],
    ]);
    // Three sample devices are "Out of service" → OCM Not Operational.
    expect(count(db, "SELECT COUNT(*) AS n FROM locations WHERE source = 'ncr' AND status_type_id = 100")).toBe(3);
    // A bare CR inside a field splits this record for line-based readers; it must stay one record with its connectors.
    const split = location('ncr', '0df94ca5d0479fab1af38bc25e84e0bf');
    expect(connectors(Number(split.id)).length).toBeGreaterThan(0);
  });
});

describe('BNetzA importer', () => {
  it('groups devices at one address into one location with a station each', async () => {
    const s = await importFile(db, fixture('bnetza-koeln-sample.csv'));
    expect(s.skipped).toBe(0);
    expect(s.read).toBe(5);
    const lanxess = db.prepare("SELECT id, number_of_points, date_created FROM locations WHERE source = 'bnetza' AND title LIKE 'LANXESS%'").get() as { id: number; number_of_points: number; date_created: string };
    expect(count(db, 'SELECT COUNT(*) AS n FROM stations WHERE location_id = ?', lanxess.id)).toBe(4);
    expect(lanxess.number_of_points).toBe(8);
    expect(count(db, "SELECT COUNT(*) AS n FROM locations WHERE source = 'bnetza'")).toBe(2);
    expect(lanxess.date_created).toBe('2021-07-22T00:00:00Z');
  });

  it('reads decimal commas and M/D/YY dates (Berlin edition) and reports a bad row', async () => {
    const s = await importFile(db, fixture('bnetza-berlin-sample.csv'));
    expect(s.skippedRows).toEqual([{ line: 8, reason: 'longitude: not a number ("abc")' }]);
    const l = db.prepare("SELECT latitude, longitude, date_created FROM locations WHERE source = 'bnetza' AND address_line1 = 'Boyenstr. 23'").get() as Record<string, number | string>;
    expect(l.latitude).toBeCloseTo(52.535955);
    expect(l.longitude).toBeCloseTo(13.368842);
    expect(l.date_created).toBe('2009-07-14T00:00:00Z');
    const fast = db.prepare("SELECT MAX(max_power_kw) AS p FROM locations WHERE source = 'bnetza'").get() as { p: number };
    expect(fast.p).toBeGreaterThanOrEqual(50);
  });
});

describe('OCM importers', () => {
  it('keeps OCM ids and provenance from the API array output', async () => {
    const s = await importFile(db, fixture('ocm-austin-sample.json'));
    expect(s).toMatchObject({ read: 5, inserted: 5, skipped: 0 });
    const doc = JSON.parse(fs.readFileSync(fixture('ocm-austin-sample.json'), 'utf8')) as Array<{ ID: number; UUID: string; DataProvidersReference: string | null }>;
    const row = db.prepare('SELECT * FROM locations WHERE id = ?').get(doc[0].ID) as Record<string, unknown>;
    expect(row).toMatchObject({ uuid: doc[0].UUID, source: 'ocm', source_id: String(doc[0].ID) });
    expect(String(row.licence)).toMatch(/CC BY 4.0/);
  });

  it('reads the MongoDB ndjson export, drops non-open records, reports broken lines', async () => {
    const s = await importFile(db, fixture('ocm-export-sample.ndjson'));
    expect(s.inserted).toBe(5);
    expect(s.skippedRows).toEqual([
      { line: 6, reason: 'not openly licensed (DataProvider 15 CarStations.com)' },
      expect.objectContaining({ line: 7, reason: expect.stringMatching(/not valid JSON/) }),
    ]);
    const dated = db.prepare('SELECT date_created FROM locations WHERE id = 2388').get() as { date_created: string };
    expect(dated.date_created).toMatch(/^\d{4}-\d{2}-\d{2}T/);
  });

  it('stores the UserComments published with OCM records as check-ins, once', async () => {
    const s = await importFile(db, fixture('ocm-export-sample.ndjson'));
    expect(s.checkins).toBe(1);
    const rows = () => db.prepare("SELECT location_id, source_id, user_name, comment_type_id, rating, review_rating, created_at FROM checkins WHERE source = 'ocm'").all();
    expect(rows()).toEqual([
      { location_id: 2398, source_id: '202', user_name: 'Ron Freund', comment_type_id: 100, rating: 1, review_rating: 0, created_at: '2012-11-25T15:14:03.640Z' },
    ]);
    await importFile(db, fixture('ocm-export-sample.ndjson'));
    expect(rows()).toHaveLength(1);
    expect(count(db, 'SELECT checkin_count AS n FROM location_stats WHERE location_id = 2398')).toBe(1);
  });

  it('recognises OCM records that re-publish an AFDC station already imported', async () => {
    await importFile(db, fixture('ocm-export-sample.ndjson'));
    const afdcRef = (db.prepare("SELECT data_providers_reference AS r FROM locations WHERE data_provider_id = 2 AND source = 'ocm' LIMIT 1").get() as { r: string }).r;
    // A later AFDC import of that station + a re-import of OCM: the OCM copy is now a duplicate.
    db.prepare("UPDATE locations SET source = 'afdc', source_id = ? WHERE data_providers_reference = ? AND source = 'ocm'").run(afdcRef, afdcRef);
    const again = await importFile(db, fixture('ocm-export-sample.ndjson'));
    expect(again.skippedRows).toContainEqual({ line: expect.any(Number), reason: `duplicate of AFDC station ${afdcRef}, already imported from the AFDC export` });
  });

  it('does not let an older export overwrite a newer record', async () => {
    const doc = JSON.parse(fs.readFileSync(fixture('ocm-austin-sample.json'), 'utf8')) as Array<Record<string, unknown>>;
    const newer = path.join(os.tmpdir(), `ocm-newer-${process.pid}.json`);
    const older = path.join(os.tmpdir(), `ocm-older-${process.pid}.json`);
    fs.writeFileSync(newer, JSON.stringify([{ ...doc[0], DateLastStatusUpdate: '2025-01-01T00:00:00Z' }]));
    fs.writeFileSync(older, JSON.stringify([{ ...doc[0], DateLastStatusUpdate: '2020-01-01T00:00:00Z', UsageCost: 'old text' }]));
    await importFile(db, newer);
    const s = await importFile(db, older);
    expect(s.skippedRows[0].reason).toMatch(/older than the stored version/);
    expect((db.prepare('SELECT usage_cost FROM locations WHERE id = ?').get(doc[0].ID) as { usage_cost: string | null }).usage_cost).not.toBe('old text');
  });
});

describe('Open EV Data importer', () => {
  it('stores vehicles and reports invalid entries', async () => {
    const s = await importFile(db, fixture('open-ev-data-sample.json'));
    expect(s).toMatchObject({ read: 4, inserted: 3, skipped: 1 });
    expect(s.skippedRows[0]).toEqual({ line: 4, reason: 'data[3] (bad): missing brand or model' });
    expect(count(db, 'SELECT COUNT(*) AS n FROM vehicles WHERE usable_battery_kwh > 0')).toBe(3);
  });
});
