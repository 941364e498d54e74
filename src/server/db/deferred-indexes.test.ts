import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importFile } from '../importers/run-import';
import { DATA_DIR, count, fixture, referenceDb } from '../test/test-db';
import { openDb, type Db } from './open-db';
import { deferIndexesForBulkLoad } from './deferred-indexes';

const INDEXES = ['connectors_location', 'locations_country', 'locations_operator'];
const indexes = (db: Db) =>
  (db.prepare(`SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN ('locations', 'stations', 'connectors') ORDER BY name`).all() as Array<{ name: string }>).map((r) => r.name);
const spatial = (db: Db) => db.prepare('SELECT * FROM locations_rtree ORDER BY id').all();
const rtreeOk = (db: Db) => (db.prepare(`SELECT rtreecheck('locations_rtree') AS c`).get() as { c: string }).c;

/** The R*Tree entries SQLite itself makes from the stored locations, row by row. */
function spatialByRow(db: Db) {
  const copy = new Database(':memory:');
  copy.exec('CREATE VIRTUAL TABLE locations_rtree USING rtree (id, min_lat, max_lat, min_lng, max_lng)');
  const insert = copy.prepare('INSERT INTO locations_rtree VALUES (?, ?, ?, ?, ?)');
  for (const r of db.prepare('SELECT id, latitude AS lat, longitude AS lng FROM locations').all() as Array<{ id: number; lat: number; lng: number }>) {
    insert.run(r.id, r.lat, r.lat, r.lng, r.lng);
  }
  return spatial(copy);
}

describe('the spatial index during a bulk load', () => {
  it('is packed after an import into an empty database, and written row by row by an import into a filled one; B-tree indexes stay', async () => {
    const db = await referenceDb();
    expect(indexes(db)).toEqual(INDEXES);
    // Thousands of locations: a tree of several levels.
    await importFile(db, path.join(DATA_DIR, 'afdc-us-states/afdc_NY_2025-04.csv.gz'));
    expect(indexes(db)).toEqual(INDEXES);
    expect(count(db, 'SELECT COUNT(*) AS n FROM deferred_indexes')).toBe(0);
    expect(count(db, 'SELECT COUNT(*) AS n FROM locations')).toBeGreaterThan(2_600);
    expect(spatial(db)).toEqual(spatialByRow(db));
    expect(rtreeOk(db)).toBe('ok');
    // The planner uses them again.
    const plan = db.prepare('EXPLAIN QUERY PLAN SELECT id FROM locations WHERE operator_id = 5').all() as Array<{ detail: string }>;
    expect(plan.map((p) => p.detail).join()).toContain('locations_operator');
    // A filled database keeps its indexes during an import, and its R*Tree is written as rows come.
    db.exec('BEGIN');
    expect(deferIndexesForBulkLoad(db)).toBe(false);
    db.exec('ROLLBACK');
    const summary = await importFile(db, fixture('afdc-ma-sample.csv'));
    expect(summary.inserted).toBeGreaterThan(0);
    expect(indexes(db)).toEqual(INDEXES);
    expect(spatial(db)).toEqual(spatialByRow(db));
    expect(rtreeOk(db)).toBe('ok');
  });

  it('a UUID repeated in a file gives the second record a new one instead of failing the import, in a bulk load and after one', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bulk-uuid-'));
    // The sample's first four records are open data and well formed.
    const lines = fs.readFileSync(fixture('ocm-export-sample.ndjson'), 'utf8').trim().split('\n').slice(0, 4);
    const twin = JSON.parse(lines[0]) as { ID: number; UUID: string };
    twin.ID += 1_000_000;
    fs.writeFileSync(path.join(dir, 'twin.ndjson'), `${[...lines, JSON.stringify(twin)].join('\n')}\n`);
    for (const load of ['bulk', 'incremental']) {
      const db = await referenceDb();
      if (load === 'incremental') await importFile(db, fixture('afdc-ma-sample.csv'));
      const summary = await importFile(db, path.join(dir, 'twin.ndjson'));
      expect(summary.inserted).toBe(lines.length + 1);
      expect(count(db, 'SELECT COUNT(*) AS n FROM locations WHERE uuid = ?', twin.UUID)).toBe(1);
      expect(count(db, 'SELECT COUNT(*) AS n FROM locations WHERE id = ?', twin.ID)).toBe(1);
      expect(indexes(db)).toEqual(INDEXES);
    }
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it.each([
    ['packed from the table', false],
    ['filled in row by row, if it somehow holds entries already', true],
  ])('leave the R*Tree to be %s when the database is next opened if the load died half-way', async (_, holdsEntries) => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'deferred-')), 'db.sqlite');
    const db = openDb(file);
    await importFile(db, path.join(DATA_DIR, 'ocm-reference/CoreReferenceData.json'));
    db.exec('BEGIN');
    expect(deferIndexesForBulkLoad(db)).toBe(true);
    // A batch of locations committed (as the writer stores them during a bulk load: no R*Tree rows), then the process died.
    const insert = db.prepare(
      `INSERT INTO locations (id, uuid, source, source_id, data_provider_id, licence, title, latitude, longitude, imported_at, updated_at, content_hash)
       VALUES (?, ?, 'afdc', ?, 2, 'x', 'x', ?, ?, 'now', 'now', 'h')`,
    );
    insert.run(7, 'U7', '7', 40.75, -73.99);
    if (holdsEntries) {
      insert.run(8, 'U8', '8', 40.76, -73.98);
      db.prepare('INSERT INTO locations_rtree VALUES (8, 40.76, 40.76, -73.98, -73.98)').run();
    }
    db.exec('COMMIT');
    expect(count(db, 'SELECT COUNT(*) AS n FROM locations_rtree WHERE id = 7')).toBe(0);
    db.close();
    const reopened = openDb(file);
    expect(indexes(reopened)).toEqual(INDEXES);
    expect(reopened.prepare('SELECT id FROM locations_rtree WHERE min_lat <= 40.8 AND max_lat >= 40.7 ORDER BY id').all()).toEqual(holdsEntries ? [{ id: 7 }, { id: 8 }] : [{ id: 7 }]);
    expect(spatial(reopened)).toEqual(spatialByRow(reopened));
    expect(rtreeOk(reopened)).toBe('ok');
    expect(count(reopened, 'SELECT COUNT(*) AS n FROM deferred_indexes')).toBe(0);
    reopened.close();
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
  });
});
