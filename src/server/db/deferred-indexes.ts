import type { Db } from './open-db';
import { bulkLoadRtree, type RtreeEntry } from './rtree-bulk-load';

/** The locations' R*Tree; a bulk load leaves it empty and packs it once at the end. */
export const SPATIAL_INDEX = 'locations_rtree';
/** Fills in what the spatial index lacks, row by row: the fallback when it is not empty (never after a bulk load). */
const SPATIAL_INDEX_SQL = `INSERT INTO ${SPATIAL_INDEX} (id, min_lat, max_lat, min_lng, max_lng)
  SELECT id, latitude, latitude, longitude, longitude FROM locations WHERE id NOT IN (SELECT id FROM ${SPATIAL_INDEX})`;

/**
 * Bulk loading as databases do it: while an import fills an empty database, the R*Tree is not written row by row
 * (choosing a leaf and splitting nodes costs about 10 µs a location, a quarter of a first import) but packed from
 * all locations at the end (rtree-bulk-load.ts). The plain B-tree indexes stay: with the R*Tree out of the way the
 * writer waits for the parse worker, so their inserts cost no time, while building them at the end would add to it
 * (measured both ways with `npm run bench:import`). What is set aside is recorded in the same transaction, so a
 * process that dies mid-load leaves it to restoreDeferredIndexes() at the next open. Call inside the import's
 * transaction; true when the load is a bulk load, and the writer must then be told (LocationWriter.beginBulkLoad).
 */
export function deferIndexesForBulkLoad(db: Db): boolean {
  if (db.prepare('SELECT 1 FROM locations LIMIT 1').get()) return false;
  db.prepare('INSERT OR REPLACE INTO deferred_indexes (name, sql) VALUES (?, ?)').run(SPATIAL_INDEX, SPATIAL_INDEX_SQL);
  return true;
}

/**
 * Builds every index set aside by deferIndexesForBulkLoad() — and B-tree indexes an earlier version set aside, by
 * their recorded definition — a no-op when there is none. `spatialEntries`: every location's R*Tree entry when the
 * caller knows them (a load that ended well), else they are read from the table.
 */
export function restoreDeferredIndexes(db: Db, spatialEntries?: Iterable<RtreeEntry>) {
  const rows = db.prepare('SELECT name, sql FROM deferred_indexes').all() as Array<{ name: string; sql: string }>;
  if (rows.length === 0) return;
  db.transaction(() => {
    for (const r of rows) {
      if (r.name === SPATIAL_INDEX) fillSpatialIndex(db, r.sql, spatialEntries);
      else if (!db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = ?`).get(r.name)) db.exec(r.sql);
    }
    db.exec('DELETE FROM deferred_indexes');
  })();
}

/** Packs the empty R*Tree; `rowByRowSql` (the recorded fallback) fills in one that somehow holds entries already. */
function fillSpatialIndex(db: Db, rowByRowSql: string, entries: Iterable<RtreeEntry> | undefined) {
  if (db.prepare(`SELECT 1 FROM ${SPATIAL_INDEX} LIMIT 1`).get()) {
    db.exec(rowByRowSql);
    return;
  }
  entries ??= points(db.prepare('SELECT id, latitude, longitude FROM locations ORDER BY id').raw().iterate() as IterableIterator<[number, number, number]>);
  bulkLoadRtree(db, SPATIAL_INDEX, entries);
}

function* points(rows: IterableIterator<[number, number, number]>): Generator<RtreeEntry> {
  for (const [id, lat, lng] of rows) yield { id, min0: lat, max0: lat, min1: lng, max1: lng };
}
