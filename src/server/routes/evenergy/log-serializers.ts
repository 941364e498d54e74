import type { Evse, EvseCommandLog, EvseStatusLog, UserVehicle, VehicleStatusLog } from '../../../shared/api/evenergy-logs';
import { evseIdOf } from '../../../shared/telemetry/evse-id';
import type { EvseCommandRow, EvseInfo, EvseStatusRow, UserVehicleRow, VehicleStatusRow } from '../../repositories/telemetry-repository';
import { iso } from './log-pages';

const bool = (v: number | null) => (v === null ? null : v === 1);

export const evseUrl = (base: string, stationId: number) => `${base}/v2/evses/${evseIdOf(stationId)}`;
export const vehicleUrl = (base: string, id: string) => `${base}/v2/vehicles/${id}`;

export function toEvse(base: string, e: EvseInfo, connectors: Array<{ title: string; power_kw: number | null }>): Evse {
  const url = evseUrl(base, e.station_id);
  return {
    id: evseIdOf(e.station_id),
    url,
    location_id: e.location_id,
    location: `${base}/api/locations/${e.location_id}`,
    name: `${e.title} (${e.ref})`,
    network_ext_id: e.network_ext_id,
    connectors: connectors.map((c) => ({ type: c.title, power_kw: c.power_kw })),
    status_logs: `${url}/status_logs`,
    command_logs: `${url}/command_logs`,
  };
}

// Item URLs end in a slash, as ev.energy's do.
export function toEvseStatusLog(base: string, r: EvseStatusRow, evse: Evse | null): EvseStatusLog {
  const url = evseUrl(base, r.station_id);
  return {
    url: `${url}/status_logs/${iso(r.sampled_at_ms)}/`,
    sampled_at: iso(r.sampled_at_ms),
    logged_at: iso(r.logged_at_ms),
    evse: evse ?? url,
    is_plugged_in: bool(r.is_plugged_in),
    is_charging: bool(r.is_charging),
    charge_rate_watts: r.charge_rate_watts,
    is_out_of_order: bool(r.is_out_of_order),
    source: r.simulated === 1 ? 'simulator' : 'feed',
  };
}

export function toEvseCommandLog(base: string, r: EvseCommandRow, evse: Evse | null): EvseCommandLog {
  const url = evseUrl(base, r.station_id);
  return {
    url: `${url}/command_logs/${iso(r.logged_at_ms)}/`,
    logged_at: iso(r.logged_at_ms),
    evse: evse ?? url,
    max_load_target_milliamps: r.max_load_target_milliamps,
    is_enabled_target: bool(r.is_enabled_target),
    always_enabled: bool(r.always_enabled),
    reason: r.reason,
    internal_command_id: r.internal_command_id,
  };
}

export function toUserVehicle(base: string, v: UserVehicleRow): UserVehicle {
  const url = vehicleUrl(base, v.id);
  return { id: v.id, url, name: v.name, created_at: v.created_at, status_logs: `${url}/status_logs` };
}

export function toVehicleStatusLog(base: string, r: VehicleStatusRow, vehicle: UserVehicle | null): VehicleStatusLog {
  const url = vehicleUrl(base, r.vehicle_id);
  return {
    url: `${url}/status_logs/${iso(r.sampled_at_ms)}/`,
    logged_at: iso(r.logged_at_ms),
    sampled_at: iso(r.sampled_at_ms),
    vehicle: vehicle ?? url,
    state_of_charge_percentage: r.state_of_charge_percentage,
    is_charging: bool(r.is_charging),
    is_plugged_in: bool(r.is_plugged_in),
    charge_rate_watts: r.charge_rate_watts,
  };
}
