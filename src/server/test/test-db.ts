import path from 'node:path';
import { openDb, type Db } from '../db/open-db';
import { importFile } from '../importers/run-import';

export const ROOT = path.resolve(import.meta.dirname, '../../..');
export const DATA_DIR = path.join(ROOT, 'data');
export const FIXTURES = path.join(ROOT, 'src/server/importers/fixtures');
export const fixture = (name: string) => path.join(FIXTURES, name);

/** An in-memory database with the real OCM reference data loaded. */
export async function referenceDb(): Promise<Db> {
  const db = openDb(':memory:');
  await importFile(db, path.join(DATA_DIR, 'ocm-reference/CoreReferenceData.json'));
  return db;
}

export const count = (db: Db, sql: string, ...params: unknown[]) => (db.prepare(sql).get(...params) as { n: number }).n;
