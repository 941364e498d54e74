/**
 * Live availability, PlugShare's codes: 0 unknown, 1 available, 2 in use, 3 offline. An EVSE's state comes from its
 * newest status log; a location's from its EVSEs' fresh states (available when any EVSE is free), else from the
 * location's own OCM status. The SQL in the location repository implements the same rule.
 */
export type Availability = 0 | 1 | 2 | 3;

export const AVAILABILITY_LABELS: Record<Availability, string> = { 0: 'Unknown', 1: 'Available', 2: 'In use', 3: 'Offline' };

/** What one status log says (absent = null: the integration could not tell). */
export interface EvseSample {
  is_plugged_in?: boolean | null;
  is_charging?: boolean | null;
  is_out_of_order?: boolean | null;
}

/** One status log → the EVSE's state: out of order → offline; a car plugged in or charging → in use. */
export function evseState(s: EvseSample): Availability {
  if (s.is_out_of_order === true) return 3;
  if (s.is_plugged_in === true || s.is_charging === true) return 2;
  if (s.is_plugged_in === false) return 1;
  return 0;
}

/** OCM status types that say something about availability: 10 available, 20 in use, 100 / 200 / 210 offline. */
export const STATUS_AVAILABILITY: ReadonlyArray<readonly [Availability, readonly number[]]> = [
  [1, [10]],
  [2, [20]],
  [3, [100, 200, 210]],
];

/** A location's or station's availability from its OCM status alone (0 when the status says nothing about it). */
export function staticAvailability(statusTypeId: number | null | undefined): Availability {
  for (const [availability, ids] of STATUS_AVAILABILITY) if (statusTypeId != null && ids.includes(statusTypeId)) return availability;
  return 0;
}

export interface EvseLatest {
  state: Availability;
  sampledAtMs: number;
  simulated: boolean;
}

export interface LocationLive {
  /** The location's availability from fresh EVSE states; 0 when none is fresh. */
  status: Availability;
  available: number;
  inUse: number;
  offline: number;
  /** EVSEs with a log that is stale or says nothing. */
  unknown: number;
  /** The newest sample among the location's EVSEs. */
  sampledAtMs: number;
  /** True when any fresh sample came from the feed simulator. */
  simulated: boolean;
}

/** Aggregates a location's EVSE states; samples older than `freshSinceMs` count as unknown. */
export function locationLive(evses: Iterable<EvseLatest>, freshSinceMs: number): LocationLive {
  const out: LocationLive = { status: 0, available: 0, inUse: 0, offline: 0, unknown: 0, sampledAtMs: 0, simulated: false };
  for (const e of evses) {
    out.sampledAtMs = Math.max(out.sampledAtMs, e.sampledAtMs);
    if (e.sampledAtMs < freshSinceMs || e.state === 0) {
      out.unknown++;
      continue;
    }
    if (e.simulated) out.simulated = true;
    if (e.state === 1) out.available++;
    else if (e.state === 2) out.inUse++;
    else out.offline++;
  }
  out.status = out.available > 0 ? 1 : out.inUse > 0 ? 2 : out.offline > 0 ? 3 : 0;
  return out;
}

/** What a filter compares: the live status when an EVSE is fresh, else the location's static status. */
export function effectiveAvailability(live: Availability | undefined, statusTypeId: number | null | undefined): Availability {
  return live !== undefined && live !== 0 ? live : staticAvailability(statusTypeId);
}
