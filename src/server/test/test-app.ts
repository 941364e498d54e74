import { createApp } from '../app';
import { createDeps } from '../app-deps';
import { importBundledData } from '../bundled-data';
import { openDb } from '../db/open-db';
import { loadEnv } from '../env';
import { importFile } from '../importers/run-import';
import { DATA_DIR, fixture, referenceDb } from './test-db';

/** The real app on an in-memory database built from the bundled open data, driven in-process. */
export async function createTestApp() {
  const env = loadEnv({ DATABASE_PATH: ':memory:', AUTO_IMPORT: 'false' });
  const db = openDb(':memory:');
  await importBundledData(db, DATA_DIR);
  const deps = createDeps(env, db);
  const app = createApp(deps);
  const get = (url: string, init?: RequestInit) => app.request(url, init);
  const json = async <T = unknown>(url: string) => {
    const res = await get(url);
    return { res, body: (await res.json()) as T };
  };
  return { app, deps, db, get, json };
}

/**
 * The real app on a small in-memory database (reference data plus the AFDC sample fixture), with configuration
 * overrides: fast to build, for account, check-in and limit tests.
 */
export async function createSmallTestApp(env: Record<string, string> = {}) {
  const db = await referenceDb();
  await importFile(db, fixture('afdc-ny-sample.csv'));
  const deps = createDeps(loadEnv({ DATABASE_PATH: ':memory:', AUTO_IMPORT: 'false', ...env }), db, { usageFlushMs: 0 });
  const app = createApp(deps);
  const locationIds = (db.prepare('SELECT id FROM locations ORDER BY id').all() as Array<{ id: number }>).map((r) => r.id);
  return { app, deps, db, locationIds, request: (url: string, init?: RequestInit) => app.request(url, init) };
}
