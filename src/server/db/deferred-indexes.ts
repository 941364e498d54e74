import type { Db } from './open-db';

/** The tables a location import fills. */
const LOCATION_TABLES = ['locations', 'stations', 'connectors'];

/**
 * Bulk loading as databases do it: while an import fills an empty database, the plain secondary indexes of the
 * location tables (operator, country, connectors by location) are dropped and built once at the end — one sort
 * instead of a B-tree insert per row, about a tenth of a first import's time. Unique constraints stay in force. The
 * dropped definitions are recorded in the same transaction, so a process that dies mid-load leaves them to
 * restoreDeferredIndexes() at the next open. Call inside the import's transaction.
 */
export function deferIndexesForBulkLoad(db: Db): boolean {
  if (db.prepare('SELECT 1 FROM locations LIMIT 1').get()) return false;
  const indexes = db
    .prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN (${LOCATION_TABLES.map(() => '?').join(', ')})`)
    .all(...LOCATION_TABLES) as Array<{ name: string; sql: string }>;
  for (const i of indexes) {
    db.prepare('INSERT OR REPLACE INTO deferred_indexes (name, sql) VALUES (?, ?)').run(i.name, i.sql);
    db.exec(`DROP INDEX "${i.name.replace(/"/g, '""')}"`);
  }
  return indexes.length > 0;
}

/** Builds every index set aside by deferIndexesForBulkLoad(); a no-op when there is none. */
export function restoreDeferredIndexes(db: Db) {
  const rows = db.prepare('SELECT name, sql FROM deferred_indexes').all() as Array<{ name: string; sql: string }>;
  if (rows.length === 0) return;
  db.transaction(() => {
    for (const r of rows) {
      const exists = db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = ?`).get(r.name);
      if (!exists) db.exec(r.sql);
    }
    db.exec('DELETE FROM deferred_indexes');
  })();
}
