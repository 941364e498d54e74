import type { Network, Rate, Service } from '../../../shared/api/leccy-networks';
import type { SessionCost } from '../../../shared/tariffs/session-cost';
import type { MyVehicle, SessionPlan } from '../../stores/vehicle-store';
import { estimate, pricesFromRate } from '../tariffs/estimate';

export interface RateRow {
  network: Network;
  service: Service;
  rate: Rate;
  cost: SessionCost | null;
}

/** The connector a service offers my vehicle: DC when both have it (at the service's maximum), else AC. */
function serviceConnector(s: Service, v: MyVehicle) {
  if (s.maxPower.dc > 0 && v.spec.dc) return { powerKw: s.maxPower.dc, current: 'dc' as const };
  if (v.spec.ac) return { powerKw: s.maxPower.ac > 0 ? s.maxPower.ac : 7.4, current: 'ac' as const };
  return null;
}

/**
 * Every current rate as a row, priced for my vehicle's session when there is one, cheapest first; rates that cannot
 * be priced (no vehicle, or a service it cannot use) follow, by price per kWh.
 */
export function rateRows(networks: Network[], v: MyVehicle | null, plan: SessionPlan, filter: { kind: 'all' | 'ac' | 'dc'; text: string; currency: string | null }): RateRow[] {
  const words = filter.text.toLowerCase().split(/\s+/).filter(Boolean);
  const rows: RateRow[] = [];
  for (const network of networks) {
    if (!words.every((w) => network.name.toLowerCase().includes(w))) continue;
    for (const service of network.services) {
      if (filter.kind === 'dc' && !(service.maxPower.dc > 0)) continue;
      if (filter.kind === 'ac' && service.maxPower.dc > 0) continue;
      for (const rate of service.rates) {
        if (!rate.current || (filter.currency && rate.currency !== filter.currency)) continue;
        const connector = v && serviceConnector(service, v);
        rows.push({ network, service, rate, cost: v && connector ? estimate(v, plan, connector, pricesFromRate(rate)) : null });
      }
    }
  }
  const key = (r: RateRow) => (r.cost?.ok ? r.cost.total : Number.POSITIVE_INFINITY);
  return rows.sort((a, b) => key(a) - key(b) || a.rate.costs.kwh - b.rate.costs.kwh || a.network.name.localeCompare(b.network.name));
}

/** Currencies present, most rates first. */
export function currencies(networks: Network[]): string[] {
  const n = new Map<string, number>();
  for (const net of networks) for (const s of net.services) for (const r of s.rates) n.set(r.currency, (n.get(r.currency) ?? 0) + 1);
  return [...n.entries()].sort((a, b) => b[1] - a[1]).map(([c]) => c);
}
