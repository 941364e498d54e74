import fs from 'node:fs';
import path from 'node:path';
import { openDb, type Db } from '../src/server/db/open-db';
import { importBundledData } from '../src/server/bundled-data';

/**
 * Builds (or reuses) a benchmark database of about `target` locations: the bundled real data, then jittered copies
 * of every real location (stations and connectors copied too), so density follows the real data's spread.
 */
export async function syntheticDb(file: string, target: number, log = console.log): Promise<Db> {
  if (fs.existsSync(file)) {
    const db = openDb(file);
    const n = (db.prepare('SELECT COUNT(*) AS n FROM locations').get() as { n: number }).n;
    if (n >= target * 0.95) return db;
    db.close();
    for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
  }
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const db = openDb(file);
  log('importing the bundled data …');
  await importBundledData(db, path.resolve('data'));
  const base = (db.prepare('SELECT COUNT(*) AS n FROM locations').get() as { n: number }).n;
  const copies = Math.ceil(target / base) - 1;
  const maxId = (db.prepare('SELECT MAX(id) AS m FROM locations').get() as { m: number }).m;
  const maxStation = (db.prepare('SELECT MAX(id) AS m FROM stations').get() as { m: number }).m;
  const maxConnector = (db.prepare('SELECT MAX(id) AS m FROM connectors').get() as { m: number }).m;
  const cols = (db.prepare('PRAGMA table_info(locations)').all() as Array<{ name: string }>).map((c) => c.name);
  const jittered = cols.map((c) => {
    if (c === 'id') return 'id + @off';
    if (c === 'uuid') return "uuid || '-' || @k";
    if (c === 'source_id') return "source_id || '~' || @k";
    // ±0.03° (about ±3 km) keeps copies in the same city.
    if (c === 'latitude') return 'latitude + ((abs(random()) % 60000) - 30000) / 1000000.0';
    if (c === 'longitude') return 'longitude + ((abs(random()) % 60000) - 30000) / 1000000.0';
    return c;
  });
  db.pragma('synchronous = OFF');
  log(`adding ${copies} jittered copies of ${base} real locations …`);
  const t = performance.now();
  for (let k = 1; k <= copies; k++) {
    const off = k * (maxId + 1);
    db.transaction(() => {
      db.prepare(`INSERT INTO locations (${cols.join(', ')}) SELECT ${jittered.join(', ')} FROM locations WHERE id <= @maxId`).run({ off, k, maxId });
      db.prepare('INSERT INTO locations_rtree SELECT id, latitude, latitude, longitude, longitude FROM locations WHERE id > @lo AND id <= @hi').run({ lo: off, hi: off + maxId });
      db.prepare(
        'INSERT INTO stations (id, location_id, ref, network_ext_id, manufacturer, model, status_type_id, created_at) SELECT id + @soff, location_id + @off, ref, network_ext_id, manufacturer, model, status_type_id, created_at FROM stations WHERE id <= @maxStation',
      ).run({ soff: k * (maxStation + 1), off, maxStation });
      db.prepare(
        `INSERT INTO connectors (id, station_id, location_id, ref, connection_type_id, current_type_id, level_id, power_kw, power_estimated, amps, voltage, quantity, status_type_id, comments)
         SELECT id + @coff, station_id + @soff, location_id + @off, ref, connection_type_id, current_type_id, level_id, power_kw, power_estimated, amps, voltage, quantity, status_type_id, comments
         FROM connectors WHERE id <= @maxConnector`,
      ).run({ coff: k * (maxConnector + 1), soff: k * (maxStation + 1), off, maxConnector });
    })();
    if (k % 10 === 0) log(`  ${k}/${copies} copies (${((performance.now() - t) / 1000).toFixed(0)} s)`);
  }
  db.pragma('synchronous = FULL');
  db.exec('ANALYZE');
  db.pragma('wal_checkpoint(TRUNCATE)');
  return db;
}
