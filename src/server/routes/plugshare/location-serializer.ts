import type { LocationDetails } from '../../repositories/location-repository';
import type { ReferenceData } from '../../repositories/reference-repository';
import { plugshareAccess, plugshareOutlet } from '../../../shared/api/plugshare-connectors';
import { staticAvailability, type EvseLatest, type LocationLive } from '../../../shared/telemetry/availability';
import { evseIdOf } from '../../../shared/telemetry/evse-id';
import { powerClass } from '../../../shared/power-class';
import type { Photo, Review } from '../../../shared/api/checkins';
import type { LocationStats } from '../../repositories/checkin-repository';

/** PlugShare station cost: 0 unknown, 1 free, 2 fee. */
export function costCode(usageCost: string | null): 0 | 1 | 2 {
  if (usageCost === null) return 0;
  // Same rule as COST_CODE_SQL in the repository.
  return /^free/i.test(usageCost) ? 1 : 2;
}

const isoTimestamp = (d: string | null) => (d ? d.replace(/\.\d{3}Z$/, 'Z') : null);

export interface SerializeContext {
  refs: ReferenceData;
  baseUrl: string;
  /** Check-in scores by location id. */
  scores: ReadonlyMap<number, number>;
  /** Live availability (the availability service). */
  live: LiveAvailability;
}

export interface LiveAvailability {
  evse(stationId: number): (EvseLatest & { fresh: boolean }) | undefined;
  location(locationId: number): LocationLive | undefined;
}

/** A location's live availability as PlugShare-style JSON (null when no EVSE ever reported). */
export function liveJson(live: LocationLive | undefined) {
  return live
    ? { status: live.status, available: live.available, in_use: live.inUse, offline: live.offline, unknown: live.unknown, updated_at: new Date(live.sampledAtMs).toISOString(), simulated: live.simulated }
    : null;
}

/** What only the single-location route adds: check-ins, photos and their statistics. */
export interface LocationCommunity {
  reviews: Review[];
  photos: Photo[];
  stats: LocationStats | undefined;
}

/** A location in the PlugShare API's shape (field names and nesting as its tables), plus provenance. */
export function toPlugShareLocation(l: LocationDetails, ctx: SerializeContext, extra: { distanceKm?: number | null; bearing?: number | null; detail?: boolean; community?: LocationCommunity } = {}) {
  const { refs, baseUrl } = ctx;
  const op = l.operator_id !== null ? refs.operators.get(l.operator_id) : undefined;
  const network = op
    ? {
        id: op.ID,
        name: String(op.Title),
        description: (op.Comments as string | null) ?? null,
        action_name: op.WebsiteURL ? 'Learn More' : null,
        action_url: (op.WebsiteURL as string | null) ?? null,
        phone: (op.PhonePrimaryContact as string | null) ?? null,
        image: null,
      }
    : null;
  const cost = costCode(l.usage_cost);
  const cls = powerClass(l.max_power_kw);
  const status = l.status_type_id !== null ? refs.statusTypes.get(l.status_type_id) : undefined;
  const address = [l.address_line1, l.town, [l.state_or_province, l.postcode].filter(Boolean).join(' '), refs.countries.get(l.country_id ?? -1)?.ISOCode]
    .filter((s) => s && String(s).trim() !== '')
    .join(', ');
  const location = {
    id: l.id,
    name: l.title,
    icon: `${baseUrl}/icons/${cls ?? 'unknown'}.svg`,
    latitude: l.latitude,
    longitude: l.longitude,
    created_at: isoTimestamp(l.date_created) ?? isoTimestamp(l.imported_at),
    description: [l.general_comments, l.address_line2].filter(Boolean).join('\n') || null,
    stations: l.stations.map((s) => {
      const live = ctx.live.evse(s.id);
      const fresh = live?.fresh ? live : undefined;
      return {
      id: s.id,
      created_at: isoTimestamp(s.created_at),
      network,
      network_ext_id: s.network_ext_id,
      cost,
      cost_description: l.usage_cost,
      manufacturer: s.manufacturer,
      model: s.model,
      available: fresh ? fresh.state : staticAvailability(s.status_type_id ?? l.status_type_id),
      outlets: s.connectors.map((c) => {
        const { connector, power } = plugshareOutlet(c.connection_type_id, c.current_type_id);
        return {
          id: c.id,
          connector,
          power,
          available: null,
          // Extensions beyond PlugShare's outlet: the OCM type, kW (and whether it is a nominal estimate), count.
          ocm_connection_type_id: c.connection_type_id,
          connector_name: String(refs.connectionTypes.get(c.connection_type_id)?.Title ?? 'Unknown'),
          current_type_id: c.current_type_id,
          kilowatts: c.power_kw,
          kilowatts_estimated: c.power_estimated === 1,
          quantity: c.quantity,
          status_type_id: c.status_type_id,
        };
      }),
      evse_id: evseIdOf(s.id),
      available_updated_at: fresh ? new Date(fresh.sampledAtMs).toISOString() : null,
      available_simulated: fresh?.simulated ?? false,
      };
    }),
    reviews: extra.community?.reviews ?? [],
    photos: extra.community?.photos ?? [],
    score: ctx.scores.get(l.id) ?? null,
    availability: liveJson(ctx.live.location(l.id)),
    custom_ports: null,
    enabled: l.status_type_id !== 200 && l.status_type_id !== 210,
    cost: cost === 2,
    cost_description: l.usage_cost,
    access: plugshareAccess(l.usage_type_id),
    url: `${baseUrl}/?location=${l.id}`,
    phone: l.contact_telephone1,
    address: address || null,
    reverse_geocoded_address: null,
    reverse_geocoded_address_components: null,
    payment_enabled: false,
    valid_outlets: null,
    nissan_nctc: null,
    qr_enabled: null,
    pwps_version: null,
    // Extensions: country, opening info, status, power class, and where the record came from.
    country_code: (refs.countries.get(l.country_id ?? -1)?.ISOCode as string | undefined) ?? null,
    open_hours: l.access_comments,
    status: status ? { id: status.ID, title: String(status.Title), is_operational: (status.IsOperational as boolean | null) ?? null } : null,
    max_power_kw: l.max_power_kw,
    power_class: cls,
    provenance: {
      source: l.source,
      source_id: l.source_id,
      data_provider: String(refs.dataProviders.get(l.data_provider_id)?.Title ?? l.data_provider_id),
      data_provider_id: l.data_provider_id,
      licence: l.licence,
      source_updated_at: l.source_updated_at,
      last_confirmed_at: l.date_last_confirmed,
      last_verified_at: l.date_last_verified,
      imported_at: l.imported_at,
      updated_at: l.updated_at,
      ...(extra.community && { last_successful_checkin_at: extra.community.stats?.last_success_at ?? null }),
    },
    ...(extra.community && {
      checkins: {
        count: extra.community.stats?.checkin_count ?? 0,
        last_checkin_at: extra.community.stats?.last_checkin_at ?? null,
        last_success_at: extra.community.stats?.last_success_at ?? null,
        last_failure_at: extra.community.stats?.last_failure_at ?? null,
      },
    }),
    ...(extra.distanceKm !== undefined && extra.distanceKm !== null ? { distance_meters: extra.distanceKm * 1000, compass_bearing: extra.bearing ?? null } : {}),
  };
  return location;
}
