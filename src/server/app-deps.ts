import { randomBytes } from 'node:crypto';
import type { Db } from './db/open-db';
import type { Env } from './env';
import { AccountService } from './auth/account-service';
import { TokenService } from './auth/tokens';
import { UsageCounter } from './auth/usage-counter';
import { CheckinService } from './checkins/checkin-service';
import { AccountRepository } from './repositories/account-repository';
import { CheckinRepository } from './repositories/checkin-repository';
import type { LocationRepository } from './repositories/location-repository';
import { SqliteLocationRepository } from './repositories/location-repository';
import { ReferenceRepository } from './repositories/reference-repository';
import { TariffRepository } from './repositories/tariff-repository';
import { VehicleRepository } from './repositories/vehicle-repository';
import { ensureTariffs } from './tariffs/derive-tariffs';
import { NetworkService } from './tariffs/network-service';
import { VehicleService } from './vehicles/vehicle-service';

/** Everything route handlers need, built once per process (or per test). */
export interface AppDeps {
  env: Env;
  db: Db;
  locations: LocationRepository;
  references: ReferenceRepository;
  accounts: AccountRepository;
  accountService: AccountService;
  tokens: TokenService;
  usage: UsageCounter;
  checkins: CheckinRepository;
  checkinService: CheckinService;
  tariffs: TariffRepository;
  networks: NetworkService;
  vehicles: VehicleService;
}

/** JWT_SECRET, else a random secret generated once and kept in the database so tokens survive restarts. */
function jwtSecret(env: Env, db: Db): Uint8Array {
  if (env.JWT_SECRET) return new TextEncoder().encode(env.JWT_SECRET);
  const row = db.prepare("SELECT value FROM meta WHERE key = 'jwt_secret'").get() as { value: string } | undefined;
  if (row) return Buffer.from(row.value, 'base64');
  const secret = randomBytes(32);
  db.prepare("INSERT INTO meta (key, value) VALUES ('jwt_secret', ?)").run(secret.toString('base64'));
  return secret;
}

export function createDeps(env: Env, db: Db, options: { usageFlushMs?: number } = {}): AppDeps {
  const accounts = new AccountRepository(db);
  const tokens = new TokenService(jwtSecret(env, db), env.ACCESS_TOKEN_TTL_SECONDS);
  const checkins = new CheckinRepository(db);
  const references = new ReferenceRepository(db);
  const tariffs = new TariffRepository(db);
  // Prices are read from the locations' texts after imports changed them (or this code's reading changed).
  ensureTariffs(tariffs);
  return {
    env,
    db,
    locations: new SqliteLocationRepository(db, { scores: () => checkins.scores() }),
    references,
    accounts,
    accountService: new AccountService(accounts, tokens, env.REFRESH_TOKEN_TTL_DAYS),
    tokens,
    usage: new UsageCounter(accounts, options.usageFlushMs),
    checkins,
    checkinService: new CheckinService(checkins, references, env),
    tariffs,
    networks: new NetworkService(tariffs),
    vehicles: new VehicleService(new VehicleRepository(db)),
  };
}
