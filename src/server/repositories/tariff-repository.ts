import type { Db } from '../db/open-db';
import type { ParsedPrice } from '../../shared/tariffs/parse-price-text';

export interface PricedLocation {
  id: number;
  title: string | null;
  town: string | null;
  usage_cost: string | null;
  source_updated_at: string | null;
  date_last_status_update: string | null;
  licence: string;
  operator_id: number | null;
  operator_title: string | null;
  operator_url: string | null;
  country_iso: string | null;
  status_type_id: number | null;
}

export interface LocationTariffRow {
  location_id: number;
  source_text: string;
  text_date: string | null;
  status: ParsedPrice['status'];
  currency: string | null;
  per_kwh: number | null;
  per_hour: number | null;
  session_fee: number | null;
  idle_per_hour: number | null;
  parking_per_hour: number | null;
  parking_fee_applies: number;
  notes: string;
}

export interface NetworkRow {
  id: string;
  name: string;
  operator_id: number | null;
  urls: string;
  logo: string | null;
  source: string;
  licence: string | null;
  is_example: number;
  updated_at: string;
}

export interface ServiceRow {
  id: string;
  network_id: string;
  name: string;
  speeds: string;
  max_ac_kw: number;
  max_dc_kw: number;
  status: 'current' | 'discontinued';
  position: number;
}

export interface RateRow {
  id: string;
  service_id: string;
  name: string;
  currency: string;
  last_updated: string;
  is_current: number;
  energy_included: number;
  kwh: number;
  connection: number;
  monthly: number;
  excess_kwh: number;
  hour: number;
  idle_hour: number;
  parking_hour: number;
  source_text: string | null;
  source: string;
  licence: string | null;
}

export interface RateLocationRow {
  rate_id: string;
  position: number;
  location_id: number | null;
  place: string;
  costs: string;
  last_updated: string | null;
}

export interface ConnectorSummary {
  location_id: number;
  current_type_id: number | null;
  power_kw: number | null;
}

/** All tariff SQL: per-location parsed prices and the network → service → rate tables. */
export class TariffRepository {
  constructor(private readonly db: Db) {}

  pricedLocations(): PricedLocation[] {
    return this.db
      .prepare(
        `SELECT l.id, l.title, l.town, l.usage_cost, l.source_updated_at, l.date_last_status_update, l.licence, l.operator_id,
           o.title AS operator_title, o.website_url AS operator_url, c.iso_code AS country_iso, l.status_type_id
         FROM locations l LEFT JOIN ref_operators o ON o.id = l.operator_id LEFT JOIN ref_countries c ON c.id = l.country_id`,
      )
      .all() as PricedLocation[];
  }

  connectors(): ConnectorSummary[] {
    return this.db.prepare('SELECT location_id, current_type_id, power_kw FROM connectors').all() as ConnectorSummary[];
  }

  operationalStatusIds(): Set<number> {
    return new Set((this.db.prepare('SELECT id FROM ref_status_types WHERE is_operational = 1').all() as Array<{ id: number }>).map((r) => r.id));
  }

  replaceLocationTariffs(rows: LocationTariffRow[]) {
    const insert = this.db.prepare(
      `INSERT INTO location_tariffs (location_id, source_text, text_date, status, currency, per_kwh, per_hour, session_fee, idle_per_hour, parking_per_hour, parking_fee_applies, notes)
       VALUES (@location_id, @source_text, @text_date, @status, @currency, @per_kwh, @per_hour, @session_fee, @idle_per_hour, @parking_per_hour, @parking_fee_applies, @notes)`,
    );
    this.db.transaction(() => {
      this.db.prepare('DELETE FROM location_tariffs').run();
      for (const r of rows) insert.run(r);
    })();
  }

  locationTariff(locationId: number): LocationTariffRow | undefined {
    return this.db.prepare('SELECT * FROM location_tariffs WHERE location_id = ?').get(locationId) as LocationTariffRow | undefined;
  }

  /**
   * Replaces a set of networks (all of some sources, or the given ids) with a new set, keeping rates that
   * disappeared as history (not current), so a registered caller still sees past prices.
   */
  replaceNetworks(scope: { sources: string[] } | { ids: string[] }, networks: NetworkRow[], services: ServiceRow[], rates: RateRow[], rateLocations: RateLocationRow[]) {
    const db = this.db;
    const [column, values] = 'sources' in scope ? ['n.source', scope.sources] : ['n.id', scope.ids];
    const inScope = `${column} IN (SELECT value FROM json_each(?))`;
    const arg = JSON.stringify(values);
    db.transaction(() => {
      const oldRates = db
        .prepare(`SELECT r.* FROM tariff_rates r JOIN tariff_services s ON s.id = r.service_id JOIN tariff_networks n ON n.id = s.network_id WHERE ${inScope}`)
        .all(arg) as RateRow[];
      const oldServices = db.prepare(`SELECT s.* FROM tariff_services s JOIN tariff_networks n ON n.id = s.network_id WHERE ${inScope}`).all(arg) as ServiceRow[];
      const oldNetworks = db.prepare(`SELECT n.* FROM tariff_networks n WHERE ${inScope}`).all(arg) as NetworkRow[];
      db.prepare(`DELETE FROM tariff_networks AS n WHERE ${inScope}`).run(arg);

      const keptRates = new Map(rates.map((r) => [r.id, r]));
      const allNetworks = new Map(networks.map((n) => [n.id, n]));
      const allServices = new Map(services.map((s) => [s.id, s]));
      for (const r of oldRates) {
        if (keptRates.has(r.id)) continue;
        const service = oldServices.find((s) => s.id === r.service_id);
        const network = service && oldNetworks.find((n) => n.id === service.network_id);
        if (!service || !network) continue;
        // A vanished rate stays as history under its service (the service too, marked discontinued if it went).
        keptRates.set(r.id, { ...r, is_current: 0 });
        if (!allServices.has(service.id)) allServices.set(service.id, { ...service, status: 'discontinued' });
        if (!allNetworks.has(network.id)) allNetworks.set(network.id, network);
      }
      const insNetwork = db.prepare(
        'INSERT INTO tariff_networks (id, name, operator_id, urls, logo, source, licence, is_example, updated_at) VALUES (@id, @name, @operator_id, @urls, @logo, @source, @licence, @is_example, @updated_at)',
      );
      const insService = db.prepare(
        'INSERT INTO tariff_services (id, network_id, name, speeds, max_ac_kw, max_dc_kw, status, position) VALUES (@id, @network_id, @name, @speeds, @max_ac_kw, @max_dc_kw, @status, @position)',
      );
      const insRate = db.prepare(
        `INSERT INTO tariff_rates (id, service_id, name, currency, last_updated, is_current, energy_included, kwh, connection, monthly, excess_kwh, hour, idle_hour, parking_hour, source_text, source, licence)
         VALUES (@id, @service_id, @name, @currency, @last_updated, @is_current, @energy_included, @kwh, @connection, @monthly, @excess_kwh, @hour, @idle_hour, @parking_hour, @source_text, @source, @licence)`,
      );
      const insLocation = db.prepare(
        'INSERT INTO tariff_rate_locations (rate_id, position, location_id, place, costs, last_updated) VALUES (@rate_id, @position, @location_id, @place, @costs, @last_updated)',
      );
      // Ids are global: another source's network with the same id is replaced by this one.
      const clash = db.prepare('DELETE FROM tariff_networks WHERE id = ?');
      for (const n of allNetworks.values()) {
        clash.run(n.id);
        insNetwork.run(n);
      }
      for (const s of allServices.values()) insService.run(s);
      for (const r of keptRates.values()) insRate.run(r);
      for (const l of rateLocations) insLocation.run(l);
    })();
  }

  networks(): NetworkRow[] {
    return this.db.prepare('SELECT * FROM tariff_networks ORDER BY name COLLATE NOCASE, id').all() as NetworkRow[];
  }

  network(id: string): NetworkRow | undefined {
    return this.db.prepare('SELECT * FROM tariff_networks WHERE id = ?').get(id) as NetworkRow | undefined;
  }

  networksOfOperator(operatorId: number): NetworkRow[] {
    return this.db.prepare('SELECT * FROM tariff_networks WHERE operator_id = ? ORDER BY source, name').all(operatorId) as NetworkRow[];
  }

  services(networkIds: string[]): ServiceRow[] {
    if (networkIds.length === 0) return [];
    return this.db
      .prepare(`SELECT * FROM tariff_services WHERE network_id IN (SELECT value FROM json_each(?)) ORDER BY network_id, position, id`)
      .all(JSON.stringify(networkIds)) as ServiceRow[];
  }

  service(id: string): ServiceRow | undefined {
    return this.db.prepare('SELECT * FROM tariff_services WHERE id = ?').get(id) as ServiceRow | undefined;
  }

  rates(serviceIds: string[]): RateRow[] {
    if (serviceIds.length === 0) return [];
    return this.db
      .prepare('SELECT * FROM tariff_rates WHERE service_id IN (SELECT value FROM json_each(?)) ORDER BY service_id, is_current DESC, last_updated DESC, id')
      .all(JSON.stringify(serviceIds)) as RateRow[];
  }

  rateLocations(rateIds: string[]): RateLocationRow[] {
    if (rateIds.length === 0) return [];
    return this.db
      .prepare('SELECT * FROM tariff_rate_locations WHERE rate_id IN (SELECT value FROM json_each(?)) ORDER BY rate_id, position')
      .all(JSON.stringify(rateIds)) as RateLocationRow[];
  }

  /** Rates that name this location among their places. */
  ratesAtLocation(locationId: number): RateRow[] {
    return this.db
      .prepare('SELECT r.* FROM tariff_rates r JOIN tariff_rate_locations l ON l.rate_id = r.id WHERE l.location_id = ? AND r.is_current = 1')
      .all(locationId) as RateRow[];
  }

  operatorIdsByName(): Map<string, number> {
    const m = new Map<string, number>();
    for (const r of this.db.prepare('SELECT id, title FROM ref_operators ORDER BY id').all() as Array<{ id: number; title: string }>) {
      const key = r.title.toLowerCase();
      if (!m.has(key)) m.set(key, r.id);
    }
    return m;
  }

  getMeta(key: string): string | null {
    return (this.db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined)?.value ?? null;
  }

  setMeta(key: string, value: string) {
    this.db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value);
  }
}
