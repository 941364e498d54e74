import { dateObject } from '../../shared/api/account';
import type { CostObject, Network, Rate, Service } from '../../shared/api/leccy-networks';
import type { PowerClass } from '../../shared/power-class';
import type { NetworkRow, RateLocationRow, RateRow, ServiceRow, TariffRepository } from '../repositories/tariff-repository';

/**
 * Leccy Network → Service → Rate objects with Leccy's access rules: public callers get current rates without
 * the Registered fields (logo, monthly, excessKwh, rate locations); signed-in callers also get up to the last 10
 * rates that are no longer current.
 */
export interface NetworkView {
  registered: boolean;
  speeds?: 'all' | PowerClass;
  status?: 'all' | 'current' | 'discontinued';
}

const HISTORY = 10;

function costs(r: Pick<RateRow, 'kwh' | 'connection' | 'monthly' | 'excess_kwh' | 'hour' | 'idle_hour' | 'parking_hour'>, registered: boolean): CostObject {
  return {
    kwh: r.kwh,
    connection: r.connection,
    ...(registered && { monthly: r.monthly, excessKwh: r.excess_kwh }),
    hour: r.hour,
    idleHour: r.idle_hour,
    parkingHour: r.parking_hour,
  };
}

const storedCosts = (json: string, registered: boolean): CostObject => {
  const c = JSON.parse(json) as Record<string, number | undefined>;
  return costs({ kwh: c.kwh ?? 0, connection: c.connection ?? 0, monthly: c.monthly ?? 0, excess_kwh: c.excessKwh ?? 0, hour: c.hour ?? 0, idle_hour: c.idleHour ?? 0, parking_hour: c.parkingHour ?? 0 }, registered);
};

export class NetworkService {
  constructor(private readonly repo: TariffRepository) {}

  list(view: NetworkView, filter: { name: string; order: 'asc' | 'desc' }): Network[] {
    const name = filter.name.toLowerCase();
    let rows = this.repo.networks();
    if (name !== 'all') rows = rows.filter((n) => n.name.toLowerCase().includes(name) || n.id.toLowerCase() === name);
    if (filter.order === 'desc') rows.reverse();
    return this.build(rows, view);
  }

  get(id: string, view: NetworkView): Network | null {
    const row = this.repo.network(id);
    return row ? this.build([row], view)[0] : null;
  }

  /** Networks of an operator (for the location panel: the rates that apply there). */
  ofOperator(operatorId: number, view: NetworkView): Network[] {
    return this.build(this.repo.networksOfOperator(operatorId), view);
  }

  service(id: string, view: NetworkView): Service | null {
    const s = this.repo.service(id);
    if (!s) return null;
    const network = this.repo.network(s.network_id);
    const [built] = this.buildServices([s], view, new Map(network ? [[network.id, network]] : []));
    return built ? { ...built, network: network?.name ?? s.network_id } : null;
  }

  private build(rows: NetworkRow[], view: NetworkView): Network[] {
    const byNetwork = new Map<string, Service[]>();
    const networks = new Map(rows.map((n) => [n.id, n]));
    const services = this.repo.services(rows.map((n) => n.id)).filter((s) => this.serviceMatches(s, view));
    const built = this.buildServices(services, view, networks);
    services.forEach((s, i) => {
      const list = byNetwork.get(s.network_id) ?? [];
      list.push(built[i]);
      byNetwork.set(s.network_id, list);
    });
    return rows.map((n) => ({
      id: n.id,
      name: n.name,
      urls: JSON.parse(n.urls) as string[],
      services: byNetwork.get(n.id) ?? [],
      ...(view.registered && { logo: n.logo }),
      operatorId: n.operator_id,
      source: n.source,
      isExample: n.is_example === 1,
    }));
  }

  private serviceMatches(s: ServiceRow, view: NetworkView): boolean {
    if (view.status && view.status !== 'all' && s.status !== view.status) return false;
    if (view.speeds && view.speeds !== 'all' && !(JSON.parse(s.speeds) as string[]).includes(view.speeds)) return false;
    return true;
  }

  private buildServices(services: ServiceRow[], view: NetworkView, networks: Map<string, NetworkRow>): Service[] {
    const rates = this.repo.rates(services.map((s) => s.id));
    const perService = new Map<string, RateRow[]>();
    for (const r of rates) {
      const list = perService.get(r.service_id) ?? [];
      list.push(r);
      perService.set(r.service_id, list);
    }
    // Rates arrive current first, then newest first: public callers get the current ones, registered callers
    // those plus the last HISTORY past ones.
    for (const [id, list] of perService) {
      const current = list.filter((r) => r.is_current === 1);
      perService.set(id, view.registered ? [...current, ...list.filter((r) => r.is_current === 0).slice(0, HISTORY)] : current);
    }
    const locations = new Map<string, RateLocationRow[]>();
    if (view.registered) {
      for (const l of this.repo.rateLocations([...perService.values()].flat().map((r) => r.id))) {
        const list = locations.get(l.rate_id) ?? [];
        list.push(l);
        locations.set(l.rate_id, list);
      }
    }
    return services.map((s) => ({
      id: s.id,
      name: s.name,
      supportedSpeeds: JSON.parse(s.speeds) as Service['supportedSpeeds'],
      maxPower: { ac: s.max_ac_kw, dc: s.max_dc_kw },
      status: s.status,
      rates: (perService.get(s.id) ?? []).map((r) => this.rate(r, view.registered, locations.get(r.id) ?? [], networks.get(s.network_id))),
    }));
  }

  private rate(r: RateRow, registered: boolean, locations: RateLocationRow[], network: NetworkRow | undefined): Rate {
    return {
      id: r.id,
      name: r.name,
      lastUpdated: dateObject(new Date(r.last_updated)),
      costs: costs(r, registered),
      energyIncluded: r.energy_included,
      ...(registered && {
        locations: locations.map((l) => ({
          place: l.place,
          costs: storedCosts(l.costs, registered),
          locationId: l.location_id,
          lastUpdated: l.last_updated ? dateObject(new Date(l.last_updated)) : null,
        })),
      }),
      currency: r.currency,
      current: r.is_current === 1,
      sourceText: r.source_text,
      source: r.source,
      licence: r.licence,
      isExample: network?.is_example === 1 || r.source === 'example',
    };
  }
}
