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
import { TelemetryRepository } from './repositories/telemetry-repository';
import { AvailabilityService } from './telemetry/availability-service';
import { TelemetryService } from './telemetry/telemetry-service';

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
  telemetryRepo: TelemetryRepository;
  telemetry: TelemetryService;
  availability: AvailabilityService;
  /** Bearer token of the telemetry feed (EVSE logs). */
  feedToken: string;
}

/** JWT_SECRET, else a random secret generated once and kept in the database so tokens survive restarts. */
function jwtSecret(env: Env, db: Db): Uint8Array {
  if (env.JWT_SECRET) return new TextEncoder().encode(env.JWT_SECRET);
  return Buffer.from(storedSecret(db, 'jwt_secret', () => randomBytes(32).toString('base64')), 'base64');
}

/** A value kept in the meta table, generated once when missing (secrets that must survive restarts). */
function storedSecret(db: Db, key: string, generate: () => string): string {
  const row = db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined;
  if (row) return row.value;
  const value = generate();
  db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)').run(key, value);
  return value;
}

/** FEED_TOKEN, else a token generated once and kept in the database. */
export function feedTokenOf(env: Env, db: Db): string {
  return env.FEED_TOKEN ?? storedSecret(db, 'feed_token', () => `feed_${randomBytes(24).toString('base64url')}`);
}

export function createDeps(env: Env, db: Db, options: { usageFlushMs?: number } = {}): AppDeps {
  const accounts = new AccountRepository(db);
  const tokens = new TokenService(jwtSecret(env, db), env.ACCESS_TOKEN_TTL_SECONDS);
  const checkins = new CheckinRepository(db);
  const references = new ReferenceRepository(db);
  const tariffs = new TariffRepository(db);
  // Prices are read from the locations' texts after imports changed them (or this code's reading changed).
  ensureTariffs(tariffs);
  const telemetryRepo = new TelemetryRepository(db);
  const availability = new AvailabilityService(telemetryRepo, env.AVAILABILITY_STALE_MINUTES);
  return {
    env,
    db,
    locations: new SqliteLocationRepository(db, { scores: () => checkins.scores(), liveAvailability: () => availability.liveStatuses(), freshSinceMs: () => availability.freshSinceMs() }),
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
    telemetryRepo,
    telemetry: new TelemetryService(telemetryRepo, availability, checkins),
    availability,
    feedToken: feedTokenOf(env, db),
  };
}
