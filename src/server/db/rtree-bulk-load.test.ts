import Database from 'better-sqlite3';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bulkLoadRtree, type RtreeEntry } from './rtree-bulk-load';

const table = (db: Database.Database) => db.exec('CREATE VIRTUAL TABLE rt USING rtree (id, min_lat, max_lat, min_lng, max_lng)');
const rows = (db: Database.Database) => db.prepare('SELECT * FROM rt ORDER BY id').all();
const check = (db: Database.Database) => (db.prepare(`SELECT rtreecheck('rt') AS c`).get() as { c: string }).c;
const within = (db: Database.Database, [s, w, n, e]: number[]) =>
  (db.prepare('SELECT id FROM rt WHERE max_lat >= ? AND min_lat <= ? AND max_lng >= ? AND min_lng <= ? ORDER BY id').all(s, n, w, e) as Array<{ id: number }>).map((r) => r.id);

/** The same entries stored by SQLite's own row-by-row inserts and by the bulk loader. */
function bothWays(entries: RtreeEntry[]) {
  const byRow = new Database(':memory:');
  const bulk = new Database(':memory:');
  table(byRow);
  table(bulk);
  const insert = byRow.prepare('INSERT INTO rt VALUES (?, ?, ?, ?, ?)');
  byRow.transaction(() => entries.forEach((e) => insert.run(e.id, e.min0, e.max0, e.min1, e.max1)))();
  bulk.transaction(() => bulkLoadRtree(bulk, 'rt', entries))();
  return { byRow, bulk };
}

const point = (id: number, lat: number, lng: number): RtreeEntry => ({ id, min0: lat, max0: lat, min1: lng, max1: lng });
const coordinate = fc.double({ min: -180, max: 180, noNaN: true });

describe('R*Tree bulk loading', () => {
  it.each([0, 1, 51, 52, 2_601, 20_000])('stores %i entries as SQLite does (same float32 boxes), in a valid tree that answers the same', (n) => {
    let seed = 7;
    const random = () => ((seed = (seed * 48271) % 2147483647) / 2147483647);
    // Clustered points around a few cities and some boxes, with ids out of order.
    const entries = Array.from({ length: n }, (_, i) => {
      const lat = 40.7 + (i % 3) * 10 + (random() - 0.5) * 2;
      const lng = -74 + (i % 5) * 20 + (random() - 0.5) * 2;
      return i % 10 === 0 ? { id: n * 3 - i, min0: lat, max0: lat + random(), min1: lng - random(), max1: lng } : point(n * 3 - i, lat, lng);
    });
    const { byRow, bulk } = bothWays(entries);
    expect(rows(bulk)).toEqual(rows(byRow));
    expect(check(bulk)).toBe('ok');
    for (const box of [[40, -75, 41.5, -73], [30, -80, 70, 30], [0, 0, 1, 1]]) expect(within(bulk, box)).toEqual(within(byRow, box));
  });

  it('rounds any coordinate outwards exactly as SQLite does', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(coordinate, coordinate), { minLength: 1, maxLength: 60 }), (pairs) => {
        const { byRow, bulk } = bothWays(pairs.map(([a, b], i) => point(i + 1, a / 2, b)));
        expect(rows(bulk)).toEqual(rows(byRow));
      }),
      { numRuns: 50 },
    );
  });

  it('leaves a tree that SQLite goes on inserting into and deleting from', () => {
    const { bulk } = bothWays(Array.from({ length: 5_000 }, (_, i) => point(i + 1, (i % 100) / 10, Math.floor(i / 100) / 10)));
    const insert = bulk.prepare('INSERT INTO rt VALUES (?, ?, ?, ?, ?)');
    const remove = bulk.prepare('DELETE FROM rt WHERE id = ?');
    bulk.transaction(() => {
      for (let i = 0; i < 2_000; i++) insert.run(10_000 + i, 50 + i / 1000, 50 + i / 1000, 1, 1);
      for (let i = 1; i <= 4_000; i++) remove.run(i);
    })();
    expect(check(bulk)).toBe('ok');
    expect(bulk.prepare('SELECT COUNT(*) AS n FROM rt').get()).toEqual({ n: 3_000 });
    expect(within(bulk, [50, 0, 51, 2])).toHaveLength(1_001);
  });

  it('refuses a table that is not empty or not a plain two-dimensional rtree, and bad ids, before writing', () => {
    const db = new Database(':memory:');
    table(db);
    db.prepare('INSERT INTO rt VALUES (1, 0, 0, 0, 0)').run();
    expect(() => bulkLoadRtree(db, 'rt', [point(2, 1, 1)])).toThrow(/empty/);
    db.exec('CREATE VIRTUAL TABLE rt3 USING rtree (id, a, b, c, d, e, f); CREATE TABLE plain (id INTEGER PRIMARY KEY)');
    expect(() => bulkLoadRtree(db, 'rt3', [point(2, 1, 1)])).toThrow(/two-dimensional/);
    expect(() => bulkLoadRtree(db, 'plain', [point(2, 1, 1)])).toThrow(/two-dimensional/);
    db.exec('DELETE FROM rt');
    expect(() => bulkLoadRtree(db, 'rt', [point(-1, 1, 1)])).toThrow(/ids/);
    expect(rows(db)).toEqual([]);
  });
});
