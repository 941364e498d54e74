// The API server alone (no SPA) on a given database, for bench:telemetry: a separate process, so the load
// generator's own work does not share the server's event loop.
import { createApp } from '../src/server/app';
import { createDeps } from '../src/server/app-deps';
import { openDb } from '../src/server/db/open-db';
import { loadEnv } from '../src/server/env';
import { listen } from '../src/server/http-listen';
import type { SqliteLocationRepository } from '../src/server/repositories/location-repository';

const env = loadEnv();
const db = openDb(env.DATABASE_PATH);
const deps = createDeps(env, db);
(deps.locations as SqliteLocationRepository).warmUp();
const { port } = await listen(createApp(deps).fetch, env.PORT, '127.0.0.1');
console.log(`listening ${port}`);
