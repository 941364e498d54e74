import { ulid } from 'ulid';
import type { z } from 'zod';
import {
  EvseCommandLogInput,
  EvseStatusLogInput,
  VehicleStatusLogInput,
  type IngestReport,
} from '../../shared/api/evenergy-logs';
import type { ParamError } from '../../shared/api/query-params';
import { stationIdOf } from '../../shared/telemetry/evse-id';
import { evseState } from '../../shared/telemetry/availability';
import { busySummary, occupancyByHourOfWeek, type OccupancyBucket } from '../../shared/telemetry/occupancy';
import type { CheckinRepository } from '../repositories/checkin-repository';
import type { TelemetryRepository, UserVehicleRow } from '../repositories/telemetry-repository';
import type { AvailabilityService } from './availability-service';
import { batchOf, bit, FUTURE_TOLERANCE_MS, idFromRef, validateEach, type RecordErrors } from './ingest';
import { timeZoneAt } from './time-zone';

export const OCCUPANCY_DAYS = 30;
/** Recent logs that trigger a compaction (10 ticks of 10,000 EVSEs), and how much of the newest stays recent. */
export const COMPACT_AT_ROWS = 100_000;
export const RECENT_KEEP_MS = 10 * 60_000;

export type IngestResult = { ok: true; report: IngestReport } | { ok: false; errors: ParamError[] };

export interface Occupancy {
  location_id: number;
  time_zone: string;
  days: number;
  /** Status samples behind the figures, and check-ins counted. */
  samples: number;
  checkins: number;
  simulated: boolean;
  summary: string | null;
  buckets: OccupancyBucket[];
}

const reportOf = (v: { received: number; rejected: IngestReport['rejected'] }, outcome: { inserted: number; duplicates: number }): IngestResult => ({
  ok: true,
  report: { received: v.received, inserted: outcome.inserted, duplicates: outcome.duplicates, rejected: v.rejected },
});

/** Why a record's EVSE reference cannot be used (none when it can). */
function evseErrors(ref: string | undefined, station: number | null, pathStationId: number | null, known: Map<number, number>): RecordErrors {
  if (ref === undefined) return pathStationId === null ? [{ field: 'evse', message: 'required: the EVSE id or URL' }] : [];
  if (station === null) return [{ field: 'evse', message: 'not an EVSE id (evse + 26 characters) or URL' }];
  if (pathStationId !== null && station !== pathStationId) return [{ field: 'evse', message: 'differs from the EVSE in the path' }];
  if (!known.has(station)) return [{ field: 'evse', message: 'no such EVSE' }];
  return [];
}

/** Ingestion (validation, idempotence, newest state) and reads that combine several sources. */
export class TelemetryService {
  private compacting = false;

  constructor(
    private readonly repo: TelemetryRepository,
    private readonly availability: AvailabilityService,
    private readonly checkins: CheckinRepository,
    private readonly now: () => number = Date.now,
  ) {}

  /** EVSE status logs: in the batch route each record names its EVSE; under /evses/{id} the path does. */
  ingestEvseStatus(body: unknown, pathStationId: number | null): IngestResult {
    const now = this.now();
    const v = this.evseBatch(body, pathStationId, now, EvseStatusLogInput, (r) => ({ field: 'sampled_at', at: r.sampled_at }));
    if (!v.ok) return v;
    const rows = v.good.map(({ record: r, station, location }) => ({
      station_id: station,
      location_id: location,
      sampled_at_ms: r.sampled_at,
      logged_at_ms: now,
      is_plugged_in: bit(r.is_plugged_in),
      is_charging: bit(r.is_charging),
      charge_rate_watts: r.charge_rate_watts ?? null,
      is_out_of_order: bit(r.is_out_of_order),
      simulated: v.simulated ? 1 : 0,
      state: evseState(r),
    }));
    const outcome = rows.length > 0 ? this.repo.insertEvseStatus(rows) : { inserted: 0, duplicates: 0, latest: [] };
    this.availability.apply(outcome.latest);
    this.compactSoon();
    return reportOf(v, outcome);
  }

  ingestEvseCommands(body: unknown, pathStationId: number | null): IngestResult {
    const now = this.now();
    const v = this.evseBatch(body, pathStationId, now, EvseCommandLogInput, (r) => ({ field: 'logged_at', at: r.logged_at ?? now }));
    if (!v.ok) return v;
    const outcome = this.repo.insertEvseCommands(
      v.good.map(({ record: r, station }) => ({
        station_id: station,
        logged_at_ms: r.logged_at ?? now,
        max_load_target_milliamps: r.max_load_target_milliamps ?? null,
        is_enabled_target: bit(r.is_enabled_target),
        always_enabled: bit(r.always_enabled),
        reason: r.reason ?? null,
        internal_command_id: r.internal_command_id ?? null,
        simulated: v.simulated ? 1 : 0,
      })),
    );
    return reportOf(v, outcome);
  }

  /**
   * A batch of EVSE logs validated record by record: the shape, the EVSE (each record's, else the path's; read once
   * per record, looked up once per batch) and the time (not in the future at `now`). Good records come with their station
   * and location.
   */
  private evseBatch<S extends z.ZodType<{ evse?: string }>>(body: unknown, pathStationId: number | null, now: number, schema: S, timeOf: (r: z.infer<S>) => { field: string; at: number }) {
    const batch = batchOf(body);
    if (Array.isArray(batch)) return { ok: false as const, errors: batch };
    const stationAt = batch.logs.map((l) => {
      const ref = l && typeof l === 'object' ? (l as { evse?: unknown }).evse : undefined;
      return typeof ref === 'string' ? stationIdOf(idFromRef(ref)) : pathStationId;
    });
    const known = this.repo.locationsOfStations(stationAt.filter((st): st is number => st !== null));
    const latest = now + FUTURE_TOLERANCE_MS;
    const { good, rejected } = validateEach(batch.logs, schema, (r, index) => {
      const errors = evseErrors(r.evse, stationAt[index], pathStationId, known);
      const { field, at } = timeOf(r);
      if (at > latest) errors.push({ field, message: 'is in the future' });
      return errors;
    });
    return {
      ok: true as const,
      simulated: batch.simulated,
      received: batch.logs.length,
      rejected,
      good: good.map(({ index, record }) => ({ record, station: stationAt[index] as number, location: known.get(stationAt[index] as number) as number })),
    };
  }

  /**
   * Once the recent table holds many ticks, moves all but the newest few minutes into the log table (after this
   * request has been answered): each EVSE's page is then written once for many ticks.
   */
  private compactSoon() {
    if (this.compacting || this.repo.recentCount() < COMPACT_AT_ROWS) return;
    this.compacting = true;
    setImmediate(() => {
      try {
        // Relative to the newest sample, not the clock, so a backfill of past days compacts as a live feed does.
        const newest = this.repo.newestRecentSample();
        if (newest !== null) this.repo.compactEvseStatus(newest - RECENT_KEEP_MS);
      } finally {
        this.compacting = false;
      }
    });
  }

  createVehicle(userId: number, name: string | null): UserVehicleRow {
    const v = { id: `vhcl${ulid()}`, user_id: userId, name, created_at: new Date(this.now()).toISOString() };
    this.repo.createVehicle(v);
    return v;
  }

  /** The caller's own vehicle, or null (someone else's vehicle is "not found" too: ids are not disclosed). */
  ownVehicle(userId: number, vehicleId: string): UserVehicleRow | null {
    const v = this.repo.vehicle(vehicleId);
    return v && v.user_id === userId ? v : null;
  }

  ingestVehicleStatus(body: unknown, vehicleId: string): IngestResult {
    const batch = batchOf(body);
    if (Array.isArray(batch)) return { ok: false, errors: batch };
    const now = this.now();
    const { good, rejected } = validateEach(batch.logs, VehicleStatusLogInput, (r) =>
      r.sampled_at > now + FUTURE_TOLERANCE_MS ? [{ field: 'sampled_at', message: 'is in the future' }] : [],
    );
    const outcome = this.repo.insertVehicleStatus(
      good.map(({ record: r }) => ({
        vehicle_id: vehicleId,
        sampled_at_ms: r.sampled_at,
        logged_at_ms: now,
        state_of_charge_percentage: r.state_of_charge_percentage ?? null,
        is_charging: bit(r.is_charging),
        is_plugged_in: bit(r.is_plugged_in),
        charge_rate_watts: r.charge_rate_watts ?? null,
      })),
    );
    return reportOf({ received: batch.logs.length, rejected }, outcome);
  }

  /** Occupancy by local hour of week over the last 30 days: EVSE status logs plus check-ins. */
  occupancy(location: { id: number; latitude: number; longitude: number }): Occupancy {
    const since = this.now() - OCCUPANCY_DAYS * 86_400_000;
    const stations = this.repo.stationsOf(location.id);
    const { hours, simulated } = this.repo.hourlyOccupancy(stations, since);
    const checkinTimes = this.checkins.checkinTimes(location.id, new Date(since).toISOString());
    const timeZone = timeZoneAt(location.latitude, location.longitude);
    const buckets = occupancyByHourOfWeek(hours, checkinTimes, timeZone);
    return {
      location_id: location.id,
      time_zone: timeZone,
      days: OCCUPANCY_DAYS,
      samples: buckets.reduce((n, b) => n + b.samples, 0),
      checkins: checkinTimes.length,
      simulated,
      summary: busySummary(buckets),
      buckets,
    };
  }
}
