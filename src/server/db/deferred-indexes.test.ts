import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importFile } from '../importers/run-import';
import { DATA_DIR, fixture } from '../test/test-db';
import { openDb } from './open-db';
import { deferIndexesForBulkLoad } from './deferred-indexes';

const SECONDARY = ['connectors_location', 'locations_country', 'locations_operator'];
const indexes = (db: ReturnType<typeof openDb>) =>
  (db.prepare(`SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN ('locations', 'stations', 'connectors') ORDER BY name`).all() as Array<{ name: string }>).map((r) => r.name);

describe('secondary indexes during a bulk load', () => {
  it('are built after an import into an empty database, and kept (not dropped) by an import into a filled one', async () => {
    const db = openDb(':memory:');
    await importFile(db, path.join(DATA_DIR, 'ocm-reference/CoreReferenceData.json'));
    expect(indexes(db)).toEqual(SECONDARY);
    await importFile(db, fixture('afdc-ny-sample.csv'));
    expect(indexes(db)).toEqual(SECONDARY);
    expect(db.prepare('SELECT COUNT(*) AS n FROM deferred_indexes').get()).toEqual({ n: 0 });
    // The planner uses them again.
    const plan = db.prepare('EXPLAIN QUERY PLAN SELECT id FROM locations WHERE operator_id = 5').all() as Array<{ detail: string }>;
    expect(plan.map((p) => p.detail).join()).toContain('locations_operator');
    // A filled database keeps its indexes during an import.
    db.exec('BEGIN');
    expect(deferIndexesForBulkLoad(db)).toBe(false);
    db.exec('ROLLBACK');
    expect(indexes(db)).toEqual(SECONDARY);
  });

  it('are rebuilt when the database is next opened if the load died half-way', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'deferred-')), 'db.sqlite');
    const db = openDb(file);
    await importFile(db, path.join(DATA_DIR, 'ocm-reference/CoreReferenceData.json'));
    db.exec('BEGIN');
    expect(deferIndexesForBulkLoad(db)).toBe(true);
    db.exec('COMMIT'); // a batch committed, then the process died
    expect(indexes(db)).toEqual([]);
    db.close();
    const reopened = openDb(file);
    expect(indexes(reopened)).toEqual(SECONDARY);
    expect(reopened.prepare('SELECT COUNT(*) AS n FROM deferred_indexes').get()).toEqual({ n: 0 });
    reopened.close();
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
  });
});
