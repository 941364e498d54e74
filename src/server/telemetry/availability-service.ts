import { locationLive, type Availability, type EvseLatest, type LocationLive } from '../../shared/telemetry/availability';
import type { EvseLatestRow, TelemetryRepository } from '../repositories/telemetry-repository';

/**
 * Every EVSE's newest state, held in memory: loaded from the database at start and moved forward by each ingested
 * batch (ingestion runs in this process), so a map view's availability is a few map lookups.
 */
export class AvailabilityService {
  private readonly byStation = new Map<number, EvseLatest & { locationId: number }>();
  private readonly byLocation = new Map<number, Set<number>>();
  private readonly staleMs: number;
  private cachedLive: { at: number; version: number; map: Map<number, Availability> } | null = null;
  private version = 0;

  constructor(repo: TelemetryRepository, staleMinutes: number, private readonly now: () => number = Date.now) {
    this.staleMs = staleMinutes * 60_000;
    this.apply(repo.latestAll());
  }

  /** Newest states from an ingested batch (only newer samples reach here). */
  apply(rows: EvseLatestRow[]) {
    for (const r of rows) {
      const prev = this.byStation.get(r.station_id);
      if (prev && prev.sampledAtMs >= r.sampled_at_ms) continue;
      if (prev && prev.locationId !== r.location_id) this.byLocation.get(prev.locationId)?.delete(r.station_id);
      this.byStation.set(r.station_id, { state: r.state, sampledAtMs: r.sampled_at_ms, simulated: r.simulated === 1, locationId: r.location_id });
      let set = this.byLocation.get(r.location_id);
      if (!set) this.byLocation.set(r.location_id, (set = new Set()));
      set.add(r.station_id);
    }
    if (rows.length > 0) this.version++;
  }

  /** Samples sampled before this are stale. */
  freshSinceMs(): number {
    return this.now() - this.staleMs;
  }

  /** A location's live availability, or undefined when none of its EVSEs has ever reported. */
  location(locationId: number): LocationLive | undefined {
    const stations = this.byLocation.get(locationId);
    if (!stations || stations.size === 0) return undefined;
    return locationLive(this.evsesOf(stations), this.freshSinceMs());
  }

  evse(stationId: number): (EvseLatest & { fresh: boolean }) | undefined {
    const e = this.byStation.get(stationId);
    return e && { ...e, fresh: e.sampledAtMs >= this.freshSinceMs() && e.state !== 0 };
  }

  /** Locations whose live status is known and fresh (the availability filter); rebuilt at most once a second. */
  liveStatuses(): ReadonlyMap<number, Availability> {
    const at = this.now();
    if (this.cachedLive && this.cachedLive.version === this.version && at - this.cachedLive.at < 1000) return this.cachedLive.map;
    const fresh = at - this.staleMs;
    const map = new Map<number, Availability>();
    for (const [locationId, stations] of this.byLocation) {
      const s = locationLive(this.evsesOf(stations), fresh).status;
      if (s !== 0) map.set(locationId, s);
    }
    this.cachedLive = { at, version: this.version, map };
    return map;
  }

  private *evsesOf(stations: Set<number>): Iterable<EvseLatest> {
    for (const id of stations) {
      const e = this.byStation.get(id);
      if (e) yield e;
    }
  }
}
