import type { Db } from './db/open-db';
import type { Env } from './env';
import type { LocationRepository } from './repositories/location-repository';
import { SqliteLocationRepository } from './repositories/location-repository';
import { ReferenceRepository } from './repositories/reference-repository';

/** Everything route handlers need, built once per process (or per test). */
export interface AppDeps {
  env: Env;
  db: Db;
  locations: LocationRepository;
  references: ReferenceRepository;
}

export function createDeps(env: Env, db: Db): AppDeps {
  return { env, db, locations: new SqliteLocationRepository(db), references: new ReferenceRepository(db) };
}
