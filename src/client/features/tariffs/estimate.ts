import type { Rate } from '../../../shared/api/leccy-networks';
import type { LocationTariff, PlugShareLocation } from '../../../shared/api/responses';
import { formatMoney, minorUnits } from '../../../shared/tariffs/currency';
import { ratePrices, sessionCost, type ConnectorPower, type RatePrices, type SessionCost } from '../../../shared/tariffs/session-cost';
import { chargingRegion, compatibleConnectionTypes } from '../../../shared/vehicles/ports';
import type { MyVehicle, SessionPlan } from '../../stores/vehicle-store';

const DC = 30;

/** The connector my vehicle would charge fastest at, at this location; null when none fits. */
export function bestConnector(l: Pick<PlugShareLocation, 'stations' | 'country_code'>, v: MyVehicle): (ConnectorPower & { name: string }) | null {
  const usable = new Set(compatibleConnectionTypes(v.ports, chargingRegion(l.country_code)));
  let best: (ConnectorPower & { name: string; effective: number }) | null = null;
  for (const s of l.stations) {
    for (const o of s.outlets) {
      if (!usable.has(o.ocm_connection_type_id) || o.kilowatts === null) continue;
      const current = o.current_type_id === DC ? 'dc' : 'ac';
      const carMax = current === 'dc' ? v.spec.dc?.maxPowerKw : v.spec.ac?.maxPowerKw;
      if (carMax === undefined) continue;
      const effective = Math.min(o.kilowatts, carMax);
      if (!best || effective > best.effective) best = { powerKw: o.kilowatts, current, name: o.connector_name, effective };
    }
  }
  return best && { powerKw: best.powerKw, current: best.current, name: best.name };
}

/** A location's own price, when its text was read exactly (prices in minor units). */
export function pricesFromTariff(t: LocationTariff | null | undefined): RatePrices | null {
  if (!t || (t.status !== 'exact' && t.status !== 'free') || !t.currency) return null;
  const m = minorUnits(t.currency);
  return ratePrices(t.currency, {
    kwh: (t.per_kwh ?? 0) * m,
    connection: (t.session_fee ?? 0) * m,
    hour: (t.per_hour ?? 0) * m,
    idleHour: (t.idle_per_hour ?? 0) * m,
    parkingHour: (t.parking_per_hour ?? 0) * m,
  });
}

/** A Leccy rate's prices; monthly and excess fields are absent for public callers and count as unknown zero. */
export function pricesFromRate(r: Rate): RatePrices {
  return ratePrices(r.currency, {
    kwh: r.costs.kwh,
    connection: r.costs.connection,
    monthly: r.costs.monthly ?? 0,
    excessKwh: r.costs.excessKwh ?? 0,
    energyIncluded: r.energyIncluded,
    hour: r.costs.hour ?? 0,
    idleHour: r.costs.idleHour ?? 0,
    parkingHour: r.costs.parkingHour ?? 0,
  });
}

export function estimate(v: MyVehicle, plan: SessionPlan, connector: ConnectorPower, prices: RatePrices): SessionCost {
  return sessionCost(v.spec, plan.fromPercent, plan.toPercent, connector, prices, { sessionsPerMonth: plan.sessionsPerMonth, money: (x) => money(x, prices.currency) });
}

/** Minor units → "$12.34". */
export const money = (minor: number, currency: string) => formatMoney(minor / minorUnits(currency), currency);
