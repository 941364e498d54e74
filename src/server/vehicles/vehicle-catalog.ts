import type { Variant, Vehicle, VehiclesQuery } from '../../shared/api/leccy-vehicles';
import { kmToMiles } from '../../shared/geo/distance';
import { PORT_FAMILIES, type PortFamily } from '../../shared/vehicles/ports';
import { estimatedRangeKm } from '../../shared/vehicles/vehicle-spec';
import type { VehicleRow } from '../repositories/vehicle-repository';

/**
 * Leccy Vehicle objects built from Open EV Data variants. A Leccy vehicle is a model ("Nissan Leaf"); each Open EV
 * Data record is one of its variants. How range and status are derived is in the README:
 * - range: Open EV Data has no WLTP / EPA / NEDC figures, so only `est` is given: usable battery ÷ average
 *   consumption. The vehicle's min-max is over its variants.
 * - status: the data is a snapshot (its `meta.updated_at`); a variant released after that year is `future`; a
 *   variant whose model has a variant released in a later year is `discontinued` (superseded); others `current`.
 *   A vehicle is `current` if any variant is, else `future` if any is, else `discontinued`.
 */
type J = Record<string, unknown>;

const slug = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

const ports = (v: unknown): PortFamily[] => (Array.isArray(v) ? v.filter((p): p is PortFamily => (PORT_FAMILIES as readonly string[]).includes(p as string)) : []);

function acOf(raw: J): Variant['ac'] {
  const ac = raw.ac_charger as J | null | undefined;
  if (!ac || typeof ac.max_power !== 'number') return null;
  return { ports: ports(ac.ports), maxPowerKw: ac.max_power, phases: typeof ac.usable_phases === 'number' ? ac.usable_phases : null };
}

function dcOf(raw: J): Variant['dc'] {
  const dc = raw.dc_charger as J | null | undefined;
  if (!dc || typeof dc.max_power !== 'number') return null;
  const curve = Array.isArray(dc.charging_curve)
    ? (dc.charging_curve as J[])
        .filter((p) => typeof p.percentage === 'number' && typeof p.power === 'number')
        .map((p) => ({ percentage: p.percentage as number, power: p.power as number }))
        .sort((a, b) => a.percentage - b.percentage)
    : [];
  return { ports: ports(dc.ports), maxPowerKw: dc.max_power, curve: curve.length > 0 ? curve : [{ percentage: 0, power: dc.max_power }], isDefaultCurve: dc.is_default_charging_curve === true };
}

export interface CatalogVariant {
  variant: Omit<Variant, 'range'> & { rangeKm: number | null };
  brand: string;
  brandId: string | null;
  model: string;
  vehicleType: Vehicle['type'];
  licence: string;
  source: string;
}

export function catalogVariants(rows: VehicleRow[], dataYear: number): CatalogVariant[] {
  const latestByModel = new Map<string, number>();
  for (const r of rows) {
    const key = `${r.brand}\u0000${r.model}`;
    if (r.release_year !== null && r.release_year <= dataYear) latestByModel.set(key, Math.max(latestByModel.get(key) ?? 0, r.release_year));
  }
  return rows.map((r) => {
    const raw = JSON.parse(r.json) as J;
    const consumption = ((raw.energy_consumption as J | null)?.average_consumption as number | undefined) ?? null;
    const latest = latestByModel.get(`${r.brand}\u0000${r.model}`);
    const status: Variant['status'] =
      r.release_year !== null && r.release_year > dataYear ? 'future' : r.release_year !== null && latest !== undefined && r.release_year < latest ? 'discontinued' : 'current';
    const batteryKwh = r.usable_battery_kwh;
    return {
      brand: r.brand,
      brandId: typeof raw.brand_id === 'string' ? raw.brand_id : null,
      model: r.model,
      vehicleType: r.vehicle_type === 'motorbike' || r.vehicle_type === 'truck' || r.vehicle_type === 'van' ? r.vehicle_type : 'car',
      licence: r.licence,
      source: r.source,
      variant: {
        id: r.rowid,
        uuid: r.id,
        name: r.variant && r.variant.trim() !== '' ? r.variant : r.model,
        year: r.release_year,
        status,
        powertrain: r.powertrain === 'bev' || r.powertrain === 'phev' ? r.powertrain : null,
        batteryKwh,
        consumptionKwhPer100Km: typeof consumption === 'number' && consumption > 0 ? consumption : null,
        ac: acOf(raw),
        dc: dcOf(raw),
        rangeKm: batteryKwh !== null ? estimatedRangeKm({ batteryKwh, consumptionKwhPer100Km: typeof consumption === 'number' ? consumption : null }) : null,
      },
    };
  });
}

const inUnit = (km: number, unit: 'mi' | 'km') => Math.round(unit === 'km' ? km : kmToMiles(km));

/** Groups variants into Leccy vehicles. `withVariants` is false for public callers (variants are Registered). */
export function buildVehicles(variants: CatalogVariant[], distance: VehiclesQuery['distance'], withVariants: boolean): Vehicle[] {
  const unit = distance === 'metric' ? 'km' : 'mi';
  const groups = new Map<string, CatalogVariant[]>();
  for (const v of variants) {
    const id = slug(`${v.brand} ${v.model}`);
    const list = groups.get(id);
    if (list) list.push(v);
    else groups.set(id, [v]);
  }
  const out: Vehicle[] = [];
  for (const [id, list] of groups) {
    const first = list[0];
    const ranges = list.map((v) => v.variant.rangeKm).filter((r): r is number => r !== null);
    const statuses = new Set(list.map((v) => v.variant.status));
    out.push({
      id,
      name: `${first.brand} ${first.model}`,
      manufacturer: first.brand,
      status: statuses.has('current') ? 'current' : statuses.has('future') ? 'future' : 'discontinued',
      type: first.vehicleType,
      range: ranges.length > 0 ? { min: inUnit(Math.min(...ranges), unit), max: inUnit(Math.max(...ranges), unit) } : null,
      seats: null,
      variants: withVariants
        ? list
            .map(({ variant: { rangeKm, ...v } }) => ({ ...v, range: rangeKm !== null ? { est: inUnit(rangeKm, unit) } : {} }))
            .sort((a, b) => (b.year ?? 0) - (a.year ?? 0) || a.name.localeCompare(b.name))
        : [],
      distanceUnit: unit,
      source: first.source,
      licence: first.licence,
    });
  }
  return out;
}

/** Leccy's filters and sort on the built vehicles. */
export function queryVehicles(all: Vehicle[], q: VehiclesQuery): Vehicle[] {
  const manufacturer = q.manufacturer.toLowerCase();
  const words = (q.q ?? '').toLowerCase().split(/\s+/).filter(Boolean);
  const list = all.filter(
    (v) =>
      (q.status === 'all' || v.status === q.status) &&
      (q.type === 'all' || v.type === q.type) &&
      (manufacturer === 'all' || v.manufacturer.toLowerCase() === manufacturer || slug(v.manufacturer) === manufacturer) &&
      words.every((w) => `${v.name} ${v.variants.map((x) => x.name).join(' ')}`.toLowerCase().includes(w)),
  );
  const dir = q.order === 'desc' ? -1 : 1;
  const byName = (a: Vehicle, b: Vehicle) => a.name.localeCompare(b.name);
  if (q.sort === 'range') {
    // Vehicles without a range sort last either way.
    return list.sort((a, b) => (a.range === null ? 1 : b.range === null ? -1 : dir * (a.range.max - b.range.max) || byName(a, b)));
  }
  return list.sort((a, b) => dir * byName(a, b));
}

/** ev.energy-style make id: "vmak" + the brand UUID's 128 bits in Crockford base32 (26 characters, like a ULID). */
export function makeId(brandUuid: string): string {
  const hex = brandUuid.replace(/-/g, '');
  const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
  let n = BigInt(`0x${hex || '0'}`);
  let s = '';
  for (let i = 0; i < 26; i++) {
    s = alphabet[Number(n & 31n)] + s;
    n >>= 5n;
  }
  return `vmak${s}`;
}
