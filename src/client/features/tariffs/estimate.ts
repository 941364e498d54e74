import type { Rate } from '../../../shared/api/leccy-networks';
import type { LocationTariff, PlugShareLocation } from '../../../shared/api/responses';
import { formatMoney, minorUnits } from '../../../shared/tariffs/currency';
import { ratePrices, sessionCost, type ConnectorPower, type RatePrices, type SessionCost } from '../../../shared/tariffs/session-cost';
import { bestUsableConnector } from '../../../shared/vehicles/best-connector';
import { parsedFromTariff, ratePricesOf } from '../../../shared/tariffs/price-components';
import type { MyVehicle, SessionPlan } from '../../stores/vehicle-store';

/** The connector my vehicle would charge fastest at, at this location; null when none fits. */
export function bestConnector(l: Pick<PlugShareLocation, 'stations' | 'country_code'>, v: MyVehicle): (ConnectorPower & { name: string }) | null {
  const outlets = l.stations.flatMap((s) => s.outlets.map((o) => ({ connectionTypeId: o.ocm_connection_type_id, currentTypeId: o.current_type_id, powerKw: o.kilowatts, name: o.connector_name })));
  const best = bestUsableConnector(outlets, v, l.country_code);
  return best && { powerKw: best.powerKw, current: best.current, name: best.connector.name };
}

/** A location's own price, when its text was read exactly (prices in minor units). */
export const pricesFromTariff = (t: LocationTariff | null | undefined): RatePrices | null => (t ? ratePricesOf(parsedFromTariff(t)) : null);

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
