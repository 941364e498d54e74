import { createApp } from '../app';
import { createDeps } from '../app-deps';
import { importBundledData } from '../bundled-data';
import { openDb } from '../db/open-db';
import { loadEnv } from '../env';
import { DATA_DIR } from './test-db';

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
