import type { LocationDetails } from '../../repositories/location-repository';
import type { RefObject, ReferenceData } from '../../repositories/reference-repository';
import { kmToMiles } from '../../../shared/geo/distance';
import { AVAILABILITY_LABELS, type LocationLive } from '../../../shared/telemetry/availability';

export interface PoiOutputOptions {
  compact: boolean;
  verbose: boolean;
  camelcase: boolean;
  distanceUnit: 'km' | 'miles';
  comments?: Map<number, { UserComments: unknown[]; MediaItems: unknown[] }>;
  /** Check-in scores (0–10) by location id, for the `Score` extension (absent when the location has none). */
  scores?: ReadonlyMap<number, number>;
  /** Live availability by location, for the `Availability` extension (absent when no EVSE ever reported). */
  live?: (locationId: number) => LocationLive | undefined;
}

type Json = Record<string, unknown>;

/** OCM's DistanceUnit enum. */
const DISTANCE_UNIT = { km: 1, miles: 2 } as const;
const RECENTLY_VERIFIED_DAYS = 90;

const ref = (map: Map<number, RefObject>, id: number | null | undefined) => (id === null || id === undefined ? null : (map.get(id) ?? null));

/**
 * One location as an OCM v3 POI object. Built directly in the requested form: compact leaves out reference objects
 * (their IDs stay), verbose=false leaves out null fields; camelcase renames keys afterwards.
 */
export function toOcmPoi(l: LocationDetails, refs: ReferenceData, distanceKm: number | null, o: PoiOutputOptions): Json {
  const lastVerified = l.date_last_verified ?? l.date_last_confirmed;
  const recentlyVerified = lastVerified !== null && Date.now() - Date.parse(lastVerified) < RECENTLY_VERIFIED_DAYS * 86_400_000;

  const connections: Json[] = [];
  for (const s of l.stations) {
    for (const c of s.connectors) {
      const status = c.status_type_id ?? s.status_type_id;
      const k = {} as Json;
      putField(o, k, 'ID', c.id);
      putField(o, k, 'ConnectionTypeID', c.connection_type_id);
      putReference(o, k, 'ConnectionType', refs.connectionTypes, c.connection_type_id);
      putField(o, k, 'Reference', s.network_ext_id);
      putField(o, k, 'StatusTypeID', status);
      putReference(o, k, 'StatusType', refs.statusTypes, status);
      putField(o, k, 'LevelID', c.level_id);
      putReference(o, k, 'Level', refs.levels, c.level_id);
      putField(o, k, 'Amps', c.amps);
      putField(o, k, 'Voltage', c.voltage);
      putField(o, k, 'PowerKW', c.power_kw);
      putField(o, k, 'CurrentTypeID', c.current_type_id);
      putReference(o, k, 'CurrentType', refs.currentTypes, c.current_type_id);
      putField(o, k, 'Quantity', c.quantity);
      putField(o, k, 'Comments', c.comments);
      connections.push(k);
    }
  }

  const a = {} as Json;
  putField(o, a, 'ID', l.id);
  putField(o, a, 'Title', l.title);
  putField(o, a, 'AddressLine1', l.address_line1);
  putField(o, a, 'AddressLine2', l.address_line2);
  putField(o, a, 'Town', l.town);
  putField(o, a, 'StateOrProvince', l.state_or_province);
  putField(o, a, 'Postcode', l.postcode);
  putField(o, a, 'CountryID', l.country_id);
  putReference(o, a, 'Country', refs.countries, l.country_id);
  putField(o, a, 'Latitude', l.latitude);
  putField(o, a, 'Longitude', l.longitude);
  putField(o, a, 'ContactTelephone1', l.contact_telephone1);
  putField(o, a, 'ContactTelephone2', null);
  putField(o, a, 'ContactEmail', l.contact_email);
  putField(o, a, 'AccessComments', l.access_comments);
  putField(o, a, 'RelatedURL', l.related_url);
  putField(o, a, 'Distance', distanceKm === null ? null : o.distanceUnit === 'km' ? distanceKm : kmToMiles(distanceKm));
  putField(o, a, 'DistanceUnit', DISTANCE_UNIT[o.distanceUnit]);

  const p = {} as Json;
  putReference(o, p, 'DataProvider', refs.dataProviders, l.data_provider_id);
  putReference(o, p, 'OperatorInfo', refs.operators, l.operator_id);
  putReference(o, p, 'UsageType', refs.usageTypes, l.usage_type_id);
  putReference(o, p, 'StatusType', refs.statusTypes, l.status_type_id);
  putReference(o, p, 'SubmissionStatus', refs.submissionStatusTypes, l.submission_status_type_id);
  putField(o, p, 'UserComments', o.comments ? (o.comments.get(l.id)?.UserComments ?? null) : null);
  putField(o, p, 'PercentageSimilarity', null);
  putField(o, p, 'MediaItems', o.comments ? (o.comments.get(l.id)?.MediaItems ?? null) : null);
  putField(o, p, 'IsRecentlyVerified', recentlyVerified);
  putField(o, p, 'DateLastVerified', l.date_last_verified);
  putField(o, p, 'ID', l.id);
  putField(o, p, 'UUID', l.uuid);
  putField(o, p, 'ParentChargePointID', null);
  putField(o, p, 'DataProviderID', l.data_provider_id);
  putField(o, p, 'DataProvidersReference', l.data_providers_reference);
  putField(o, p, 'OperatorID', l.operator_id);
  putField(o, p, 'OperatorsReference', null);
  putField(o, p, 'UsageTypeID', l.usage_type_id);
  putField(o, p, 'UsageCost', l.usage_cost);
  putField(o, p, 'AddressInfo', a);
  putField(o, p, 'Connections', connections);
  putField(o, p, 'NumberOfPoints', l.number_of_points);
  putField(o, p, 'GeneralComments', l.general_comments);
  putField(o, p, 'DatePlanned', l.date_planned);
  putField(o, p, 'DateLastConfirmed', l.date_last_confirmed);
  putField(o, p, 'StatusTypeID', l.status_type_id);
  putField(o, p, 'DateLastStatusUpdate', l.date_last_status_update);
  putField(o, p, 'MetadataValues', null);
  putField(o, p, 'DataQualityLevel', l.data_quality_level);
  putField(o, p, 'DateCreated', l.date_created);
  putField(o, p, 'SubmissionStatusTypeID', l.submission_status_type_id);
  // Extension: the check-in score, only for scored locations (OCM clients ignore unknown keys).
  const score = o.scores?.get(l.id);
  if (score !== undefined) p.Score = score;
  const live = o.live?.(l.id);
  if (live) {
    p.Availability = {
      StatusID: live.status,
      Title: AVAILABILITY_LABELS[live.status],
      Available: live.available,
      InUse: live.inUse,
      Offline: live.offline,
      Unknown: live.unknown,
      DateLastStatusUpdate: new Date(live.sampledAtMs).toISOString(),
      IsSimulated: live.simulated,
    };
  }
  return o.camelcase ? (camelCaseKeys(p) as Json) : p;
}

/** Sets a field, leaving out nulls when verbose=false. */
function putField(o: PoiOutputOptions, target: Json, key: string, value: unknown) {
  if (value === undefined || (value === null && !o.verbose)) return;
  target[key] = value;
}

/** Sets a reference object (left out when compact=true; without nulls when verbose=false). */
function putReference(o: PoiOutputOptions, target: Json, key: string, map: Map<number, RefObject>, id: number | null | undefined) {
  if (o.compact) return;
  const r = ref(map, id);
  putField(o, target, key, r === null || o.verbose ? r : withoutNulls(r));
}

/** verbose=false: null fields are removed, also inside reference objects. */
function dropNulls(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(dropNulls);
  if (v !== null && typeof v === 'object') {
    const out: Json = {};
    for (const [k, x] of Object.entries(v as Json)) if (x !== null && x !== undefined) out[k] = dropNulls(x);
    return out;
  }
  return v;
}

/** Reference objects without their null fields, computed once per object. */
const nullFree = new WeakMap<object, unknown>();
function withoutNulls(r: RefObject): unknown {
  let v = nullFree.get(r);
  if (v === undefined) nullFree.set(r, (v = dropNulls(r)));
  return v;
}

/**
 * camelcase=true, the way OCM's serializer (Json.NET) does it: the leading run of capitals is lower-cased,
 * except the last one when a lower-case letter follows ("ISOCode" → "isoCode", "ID" → "id", "PowerKW" → "powerKW").
 */
export function toCamelCase(name: string): string {
  if (name === '' || !/[A-Z]/.test(name[0])) return name;
  const chars = [...name];
  for (let i = 0; i < chars.length; i++) {
    const hasNext = i + 1 < chars.length;
    if (i > 0 && hasNext && !/[A-Z]/.test(chars[i + 1])) break;
    if (!/[A-Z]/.test(chars[i])) break;
    chars[i] = chars[i].toLowerCase();
  }
  return chars.join('');
}

export function camelCaseKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(camelCaseKeys);
  if (v !== null && typeof v === 'object') return Object.fromEntries(Object.entries(v as Json).map(([k, x]) => [toCamelCase(k), camelCaseKeys(x)]));
  return v;
}
