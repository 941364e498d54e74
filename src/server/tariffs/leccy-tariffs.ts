import { LeccyImportNetwork } from '../../shared/api/leccy-networks';
import type { NetworkRow, RateLocationRow, RateRow, ServiceRow, TariffRepository } from '../repositories/tariff-repository';

/**
 * Tariffs in Leccy's JSON shape (an array of Network objects with services and rates, as GET /networks returns
 * them, or `{ networks: [...] }`) turned into rows. Shared by the file importer and the Leccy API sync.
 * Each network is validated on its own: a bad one is skipped with its position and reason, the rest are kept.
 */
export const LECCY_SOURCE = 'leccy';
export const EXAMPLE_SOURCE = 'example';
/** Leccy's prices are pence. */
const DEFAULT_CURRENCY = 'GBP';

export interface LeccyRows {
  read: number;
  networks: NetworkRow[];
  services: ServiceRow[];
  rates: RateRow[];
  rateLocations: RateLocationRow[];
  skipped: Array<{ line: number; reason: string }>;
}

const iso = (d: string | { c: string; u: number }) => new Date(typeof d === 'string' ? d : d.u * 1000).toISOString();

export function networkList(doc: unknown): unknown[] | null {
  if (Array.isArray(doc)) return doc;
  const list = (doc as { networks?: unknown } | null)?.networks;
  return Array.isArray(list) ? list : null;
}

export function leccyRows(list: unknown[], operatorIds: Map<string, number>, now = new Date(), source = LECCY_SOURCE): LeccyRows {
  const out: LeccyRows = { read: list.length, networks: [], services: [], rates: [], rateLocations: [], skipped: [] };
  const seen = new Set<string>();
  list.forEach((item, i) => {
    const parsed = LeccyImportNetwork.safeParse(item);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      out.skipped.push({ line: i + 1, reason: `network ${i + 1}: ${issue.path.join('.') || 'value'}: ${issue.message}` });
      return;
    }
    const n = parsed.data;
    if (seen.has(n.id)) {
      out.skipped.push({ line: i + 1, reason: `network ${i + 1}: duplicate id ${n.id}` });
      return;
    }
    // Leccy's service and rate ids are global; a file that repeats one is refused network by network.
    const keys = n.services.flatMap((s) => [`service ${s.id}`, ...s.rates.map((r) => `rate ${r.id}`)]);
    const repeated = keys.find((k, at) => seen.has(k) || keys.indexOf(k) !== at);
    if (repeated) {
      out.skipped.push({ line: i + 1, reason: `network ${i + 1}: duplicate ${repeated}` });
      return;
    }
    seen.add(n.id);
    for (const s of n.services) {
      seen.add(`service ${s.id}`);
      for (const r of s.rates) seen.add(`rate ${r.id}`);
    }
    const rowSource = n.isExample ? EXAMPLE_SOURCE : source;
    out.networks.push({
      id: n.id,
      name: n.name,
      operator_id: operatorIds.get(n.name.toLowerCase()) ?? null,
      urls: JSON.stringify(n.urls),
      logo: n.logo ?? null,
      source: rowSource,
      licence: n.isExample ? 'Example data (not real prices)' : null,
      is_example: n.isExample ? 1 : 0,
      updated_at: now.toISOString(),
    });
    n.services.forEach((s, position) => {
      const serviceId = s.id;
      out.services.push({
        id: serviceId,
        network_id: n.id,
        name: s.name,
        speeds: JSON.stringify(s.supportedSpeeds),
        max_ac_kw: s.maxPower.ac,
        max_dc_kw: s.maxPower.dc,
        status: s.status,
        position,
      });
      for (const r of s.rates) {
        const rateId = r.id;
        out.rates.push({
          id: rateId,
          service_id: serviceId,
          name: r.name,
          currency: r.currency ?? DEFAULT_CURRENCY,
          last_updated: iso(r.lastUpdated),
          is_current: r.current === false ? 0 : 1,
          energy_included: r.energyIncluded,
          kwh: r.costs.kwh,
          connection: r.costs.connection,
          monthly: r.costs.monthly,
          excess_kwh: r.costs.excessKwh,
          hour: r.costs.hour,
          idle_hour: r.costs.idleHour,
          parking_hour: r.costs.parkingHour,
          source_text: r.sourceText ?? null,
          source: rowSource,
          licence: null,
        });
        r.locations.forEach((l, p) =>
          out.rateLocations.push({ rate_id: rateId, position: p, location_id: null, place: l.place, costs: JSON.stringify(l.costs), last_updated: null }),
        );
      }
    });
  });
  return out;
}

/** Stores the rows, replacing the networks with the same ids (or, for a full sync, every network of the source). */
export function storeLeccyRows(repo: TariffRepository, rows: LeccyRows, scope: 'ids' | { source: string }) {
  repo.replaceNetworks(
    scope === 'ids' ? { ids: rows.networks.map((n) => n.id) } : { sources: [scope.source] },
    rows.networks,
    rows.services,
    rows.rates,
    rows.rateLocations,
  );
}
