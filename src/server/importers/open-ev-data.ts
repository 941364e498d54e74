import { RowError, guardRow } from './parse-helpers';
import type { VehicleInput } from '../repositories/vehicle-repository';

export const OPEN_EV_DATA_LICENCE = 'MIT (Open EV Data by Chargeprice)';

type J = Record<string, unknown>;

function toVehicle(v: unknown, i: number): VehicleInput {
  const o = v as J;
  if (!o || typeof o !== 'object') throw new RowError(`data[${i}]: not an object`);
  if (typeof o.id !== 'string' || o.id === '') throw new RowError(`data[${i}]: missing id`);
  if (typeof o.brand !== 'string' || typeof o.model !== 'string') throw new RowError(`data[${i}] (${o.id}): missing brand or model`);
  const battery = o.usable_battery_size;
  if (battery !== undefined && battery !== null && (typeof battery !== 'number' || battery <= 0 || battery > 1000)) {
    throw new RowError(`data[${i}] (${o.id}): usable_battery_size out of range (${String(battery)})`);
  }
  return {
    id: o.id,
    brand: o.brand,
    model: o.model,
    variant: typeof o.variant === 'string' ? o.variant : null,
    releaseYear: typeof o.release_year === 'number' ? o.release_year : null,
    vehicleType: typeof o.vehicle_type === 'string' ? o.vehicle_type : null,
    powertrain: typeof o.type === 'string' ? o.type : null,
    usableBatteryKwh: typeof battery === 'number' ? battery : null,
    raw: o,
  };
}

/** Open EV Data `ev-data.json`: `{ data: [vehicle…], brands: […], meta: {…} }`. */
export function* parseOpenEvData(doc: unknown) {
  const list = (doc as J | null)?.data;
  if (!Array.isArray(list)) {
    yield { line: 1, skip: 'expected an object with a "data" array (Open EV Data)' } as const;
    return;
  }
  for (let i = 0; i < list.length; i++) yield guardRow(i + 1, () => toVehicle(list[i], i));
}
