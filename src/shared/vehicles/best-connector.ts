import { chargingRegion, compatibleConnectionTypes, type PortFamily } from './ports';
import type { VehicleSpec } from './vehicle-spec';

const DC_CURRENT = 30;

export interface ConnectorFacts {
  connectionTypeId: number | null | undefined;
  currentTypeId: number | null | undefined;
  powerKw: number | null | undefined;
}

/**
 * The connector a car charges fastest at among a location's connectors: one its ports fit in the location's region,
 * with its power capped by what the car accepts on that current. Null when none fits.
 */
export function bestUsableConnector<T extends ConnectorFacts>(
  connectors: Iterable<T>,
  car: { ports: readonly PortFamily[]; spec: Pick<VehicleSpec, 'ac' | 'dc'> },
  countryIso: string | null | undefined,
): { connector: T; powerKw: number; current: 'ac' | 'dc' } | null {
  const usable = new Set(compatibleConnectionTypes(car.ports, chargingRegion(countryIso)));
  let best: { connector: T; powerKw: number; current: 'ac' | 'dc'; effective: number } | null = null;
  for (const c of connectors) {
    if (c.connectionTypeId == null || !usable.has(c.connectionTypeId) || !c.powerKw) continue;
    const current = c.currentTypeId === DC_CURRENT ? 'dc' : 'ac';
    const carMax = current === 'dc' ? car.spec.dc?.maxPowerKw : car.spec.ac?.maxPowerKw;
    if (carMax === undefined) continue;
    const effective = Math.min(c.powerKw, carMax);
    if (!best || effective > best.effective) best = { connector: c, powerKw: c.powerKw, current, effective };
  }
  return best && { connector: best.connector, powerKw: best.powerKw, current: best.current };
}
