import { createHash } from 'node:crypto';
import { powerClass, POWER_CLASSES, type PowerClass } from '../../shared/power-class';
import { currencyOfCountry, formatMoney } from '../../shared/tariffs/currency';
import { minorPrices } from '../../shared/tariffs/price-components';
import { describePrice, parsePriceText, type ParsedPrice } from '../../shared/tariffs/parse-price-text';
import type { LocationTariffRow, NetworkRow, PricedLocation, RateLocationRow, RateRow, ServiceRow, TariffRepository } from '../repositories/tariff-repository';

/**
 * Networks → services → rates derived from the open data itself (source `open-data`):
 * - a network per operator that has locations (id `op-<OCM operator id>`);
 * - a service per kind of charging it offers there: AC, DC (speeds and maximum power from its connectors);
 * - a rate per distinct price read exactly from its locations' price texts, with those locations as Location Rate
 *   objects. Texts that do not read exactly make no rate; the location panel shows them as they are.
 * Bump the version when this logic or the parser changes meaning, so databases rebuild their tariffs at start.
 */
export const TARIFF_DERIVATION_VERSION = 1;
const VERSION_KEY = 'tariff_derivation_version';
export const OPEN_DATA_SOURCE = 'open-data';

const DC_CURRENT = 30;

type Kind = 'ac' | 'dc';

const SERVICE_NAMES: Record<Kind, string> = { ac: 'AC charging', dc: 'DC rapid charging' };

export interface TariffSummary {
  priced: number;
  exact: number;
  free: number;
  partial: number;
  unread: number;
  networks: number;
  rates: number;
}

function kindOf(current: number | null, kw: number | null): Kind {
  if (current === DC_CURRENT) return 'dc';
  if (current === null && kw !== null && kw >= 50) return 'dc';
  return 'ac';
}

const sha = (s: string) => createHash('sha1').update(s).digest('hex').slice(0, 12);
const round = (x: number) => Math.round(x * 1000) / 1000;

function tariffRow(loc: PricedLocation, p: ParsedPrice): LocationTariffRow {
  return {
    location_id: loc.id,
    source_text: (loc.usage_cost ?? '').trim(),
    text_date: loc.source_updated_at ?? loc.date_last_status_update,
    status: p.status,
    currency: p.currency,
    per_kwh: p.perKwh,
    per_hour: p.perHour,
    session_fee: p.sessionFee,
    idle_per_hour: p.idlePerHour,
    parking_per_hour: p.parkingPerHour,
    parking_fee_applies: p.parkingFeeApplies ? 1 : 0,
    notes: JSON.stringify(p.notes),
  };
}

/** Minor-unit costs of a read price, as a Cost object (with this server's extensions), rounded for storage. */
function costsOf(p: ParsedPrice) {
  const m = minorPrices(p);
  return { kwh: round(m.kwh), connection: round(m.connection), hour: round(m.hour), idleHour: round(m.idleHour), parkingHour: round(m.parkingHour) };
}

export function refreshTariffs(repo: TariffRepository, now = new Date()): TariffSummary {
  const locations = repo.pricedLocations();
  const operational = repo.operationalStatusIds();
  const byLocation = new Map<number, Array<{ kind: Kind; cls: PowerClass | null; kw: number | null }>>();
  for (const c of repo.connectors()) {
    const list = byLocation.get(c.location_id) ?? [];
    list.push({ kind: kindOf(c.current_type_id, c.power_kw), cls: powerClass(c.power_kw), kw: c.power_kw });
    byLocation.set(c.location_id, list);
  }

  const summary: TariffSummary = { priced: 0, exact: 0, free: 0, partial: 0, unread: 0, networks: 0, rates: 0 };
  const parsedCache = new Map<string, ParsedPrice>();
  const tariffRows: LocationTariffRow[] = [];
  const networks = new Map<string, NetworkRow>();
  const services = new Map<string, ServiceRow & { operational: boolean; speedSet: Set<PowerClass> }>();
  const rateGroups = new Map<string, { serviceId: string; currency: string; parsed: ParsedPrice; locs: Array<{ loc: PricedLocation; row: LocationTariffRow }> }>();
  const stamp = now.toISOString();

  for (const loc of locations) {
    const defaultCurrency = currencyOfCountry(loc.country_iso);
    let tariff: LocationTariffRow | null = null;
    let parsed: ParsedPrice | null = null;
    if (loc.usage_cost && loc.usage_cost.trim() !== '') {
      const cacheKey = `${defaultCurrency}\u0000${loc.usage_cost}`;
      parsed = parsedCache.get(cacheKey) ?? parsePriceText(loc.usage_cost, defaultCurrency);
      parsedCache.set(cacheKey, parsed);
      tariff = tariffRow(loc, parsed);
      tariffRows.push(tariff);
      summary.priced++;
      if (parsed.status === 'exact') summary.exact++;
      else if (parsed.status === 'free') summary.free++;
      else if (parsed.status === 'partial') summary.partial++;
      else summary.unread++;
    }
    if (loc.operator_id === null || loc.operator_title === null) continue;

    const networkId = `op-${loc.operator_id}`;
    if (!networks.has(networkId)) {
      networks.set(networkId, {
        id: networkId,
        name: loc.operator_title,
        operator_id: loc.operator_id,
        urls: JSON.stringify(loc.operator_url ? [loc.operator_url] : []),
        logo: null,
        source: OPEN_DATA_SOURCE,
        licence: null,
        is_example: 0,
        updated_at: stamp,
      });
    }
    const isOperational = loc.status_type_id === null || operational.has(loc.status_type_id) || loc.status_type_id === 0;
    const kinds = new Set<Kind>();
    for (const c of byLocation.get(loc.id) ?? []) {
      kinds.add(c.kind);
      const serviceId = `${networkId}-${c.kind}`;
      let s = services.get(serviceId);
      if (!s) {
        s = { id: serviceId, network_id: networkId, name: SERVICE_NAMES[c.kind], speeds: '[]', max_ac_kw: 0, max_dc_kw: 0, status: 'discontinued', position: c.kind === 'ac' ? 0 : 1, operational: false, speedSet: new Set() };
        services.set(serviceId, s);
      }
      if (c.cls) s.speedSet.add(c.cls);
      if (c.kw !== null) {
        if (c.kind === 'ac') s.max_ac_kw = Math.max(s.max_ac_kw, c.kw);
        else s.max_dc_kw = Math.max(s.max_dc_kw, c.kw);
      }
      if (isOperational) s.operational = true;
    }
    if (!tariff || !parsed || (parsed.status !== 'exact' && parsed.status !== 'free') || !parsed.currency) continue;
    const costs = costsOf(parsed);
    const key = JSON.stringify([parsed.currency, costs]);
    for (const kind of kinds) {
      const serviceId = `${networkId}-${kind}`;
      const id = `od-${sha(`${serviceId}|${key}`)}`;
      const g = rateGroups.get(id) ?? { serviceId, currency: parsed.currency, parsed, locs: [] };
      g.locs.push({ loc, row: tariff });
      rateGroups.set(id, g);
    }
  }

  const rates: RateRow[] = [];
  const rateLocations: RateLocationRow[] = [];
  for (const [id, g] of rateGroups) {
    const costs = costsOf(g.parsed);
    const texts = new Map<string, number>();
    for (const { row } of g.locs) texts.set(row.source_text, (texts.get(row.source_text) ?? 0) + 1);
    const commonText = [...texts.entries()].sort((a, b) => b[1] - a[1])[0][0];
    const dates = g.locs.map(({ row }) => row.text_date).filter((d): d is string => d !== null).sort();
    const licences = [...new Set(g.locs.map(({ loc }) => loc.licence))].sort();
    const label = describePrice(g.parsed, (a) => formatMoney(a, g.currency, 'en')) ?? 'Price';
    rates.push({
      id,
      service_id: g.serviceId,
      name: `${label} (${g.locs.length} location${g.locs.length === 1 ? '' : 's'})`,
      currency: g.currency,
      last_updated: dates.at(-1) ?? stamp,
      is_current: 1,
      energy_included: 0,
      kwh: costs.kwh,
      connection: costs.connection,
      monthly: 0,
      excess_kwh: 0,
      hour: costs.hour,
      idle_hour: costs.idleHour,
      parking_hour: costs.parkingHour,
      source_text: commonText,
      source: OPEN_DATA_SOURCE,
      licence: licences.join('; '),
    });
    g.locs.forEach(({ loc, row }, position) =>
      rateLocations.push({
        rate_id: id,
        position,
        location_id: loc.id,
        place: [loc.title, loc.town].filter(Boolean).join(', ') || `Location ${loc.id}`,
        // Every location of a rate has the same read price.
        costs: JSON.stringify(costs),
        last_updated: row.text_date,
      }),
    );
  }

  const serviceRows: ServiceRow[] = [...services.values()].map(({ operational: op, speedSet, ...s }) => ({
    ...s,
    speeds: JSON.stringify(POWER_CLASSES.filter((c) => speedSet.has(c))),
    max_ac_kw: Math.round(s.max_ac_kw),
    max_dc_kw: Math.round(s.max_dc_kw),
    status: op ? 'current' : 'discontinued',
  }));
  repo.replaceLocationTariffs(tariffRows);
  repo.replaceNetworks({ sources: [OPEN_DATA_SOURCE] }, [...networks.values()], serviceRows, rates, rateLocations);
  repo.setMeta(VERSION_KEY, String(TARIFF_DERIVATION_VERSION));
  summary.networks = networks.size;
  summary.rates = rates.length;
  return summary;
}

/** Locations changed: their prices are derived again by the next ensureTariffs(). */
export function markTariffsStale(repo: TariffRepository) {
  repo.setMeta(VERSION_KEY, 'stale');
}

/** Derives tariffs when locations changed since the last time, or this code's version differs. */
export function ensureTariffs(repo: TariffRepository): TariffSummary | null {
  return repo.getMeta(VERSION_KEY) === String(TARIFF_DERIVATION_VERSION) ? null : refreshTariffs(repo);
}
