import type { LocationDetails } from '../../repositories/location-repository';
import type { RefObject, ReferenceData } from '../../repositories/reference-repository';
import { kmToMiles } from '../../../shared/geo/distance';

export interface PoiOutputOptions {
  compact: boolean;
  verbose: boolean;
  camelcase: boolean;
  distanceUnit: 'km' | 'miles';
  comments?: Map<number, { UserComments: unknown[]; MediaItems: unknown[] }>;
}

type Json = Record<string, unknown>;

/** OCM's DistanceUnit enum. */
const DISTANCE_UNIT = { km: 1, miles: 2 } as const;
const RECENTLY_VERIFIED_DAYS = 90;

const ref = (map: Map<number, RefObject>, id: number | null | undefined) => (id === null || id === undefined ? null : (map.get(id) ?? null));

/** One location as an OCM v3 POI object in OCM's verbose, non-compact form (PascalCase). */
export function toOcmPoi(l: LocationDetails, refs: ReferenceData, distanceKm: number | null, o: PoiOutputOptions): Json {
  const country = ref(refs.countries, l.country_id);
  const lastVerified = l.date_last_verified ?? l.date_last_confirmed;
  const recentlyVerified = lastVerified !== null && Date.now() - Date.parse(lastVerified) < RECENTLY_VERIFIED_DAYS * 86_400_000;
  const connections = l.stations.flatMap((s) =>
    s.connectors.map((c) => ({
      ID: c.id,
      ConnectionTypeID: c.connection_type_id,
      ConnectionType: ref(refs.connectionTypes, c.connection_type_id),
      Reference: s.network_ext_id,
      StatusTypeID: c.status_type_id ?? s.status_type_id,
      StatusType: ref(refs.statusTypes, c.status_type_id ?? s.status_type_id),
      LevelID: c.level_id,
      Level: ref(refs.levels, c.level_id),
      Amps: c.amps,
      Voltage: c.voltage,
      PowerKW: c.power_kw,
      CurrentTypeID: c.current_type_id,
      CurrentType: ref(refs.currentTypes, c.current_type_id),
      Quantity: c.quantity,
      Comments: c.comments,
    })),
  );
  const poi: Json = {
    DataProvider: ref(refs.dataProviders, l.data_provider_id),
    OperatorInfo: ref(refs.operators, l.operator_id),
    UsageType: ref(refs.usageTypes, l.usage_type_id),
    StatusType: ref(refs.statusTypes, l.status_type_id),
    SubmissionStatus: ref(refs.submissionStatusTypes, l.submission_status_type_id),
    UserComments: o.comments ? (o.comments.get(l.id)?.UserComments ?? null) : null,
    PercentageSimilarity: null,
    MediaItems: o.comments ? (o.comments.get(l.id)?.MediaItems ?? null) : null,
    IsRecentlyVerified: recentlyVerified,
    DateLastVerified: l.date_last_verified,
    ID: l.id,
    UUID: l.uuid,
    ParentChargePointID: null,
    DataProviderID: l.data_provider_id,
    DataProvidersReference: l.data_providers_reference,
    OperatorID: l.operator_id,
    OperatorsReference: null,
    UsageTypeID: l.usage_type_id,
    UsageCost: l.usage_cost,
    AddressInfo: {
      ID: l.id,
      Title: l.title,
      AddressLine1: l.address_line1,
      AddressLine2: l.address_line2,
      Town: l.town,
      StateOrProvince: l.state_or_province,
      Postcode: l.postcode,
      CountryID: l.country_id,
      Country: country,
      Latitude: l.latitude,
      Longitude: l.longitude,
      ContactTelephone1: l.contact_telephone1,
      ContactTelephone2: null,
      ContactEmail: l.contact_email,
      AccessComments: l.access_comments,
      RelatedURL: l.related_url,
      Distance: distanceKm === null ? null : o.distanceUnit === 'km' ? distanceKm : kmToMiles(distanceKm),
      DistanceUnit: DISTANCE_UNIT[o.distanceUnit],
    },
    Connections: connections,
    NumberOfPoints: l.number_of_points,
    GeneralComments: l.general_comments,
    DatePlanned: l.date_planned,
    DateLastConfirmed: l.date_last_confirmed,
    StatusTypeID: l.status_type_id,
    DateLastStatusUpdate: l.date_last_status_update,
    MetadataValues: null,
    DataQualityLevel: l.data_quality_level,
    DateCreated: l.date_created,
    SubmissionStatusTypeID: l.submission_status_type_id,
  };
  let out: unknown = poi;
  if (o.compact) out = stripReferenceObjects(poi);
  if (!o.verbose) out = dropNulls(out);
  if (o.camelcase) out = camelCaseKeys(out);
  return out as Json;
}

/** compact=true: reference data objects go; their IDs stay. */
const REFERENCE_OBJECT_KEYS = new Set(['DataProvider', 'OperatorInfo', 'UsageType', 'StatusType', 'SubmissionStatus', 'Country', 'ConnectionType', 'Level', 'CurrentType']);

function stripReferenceObjects(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(stripReferenceObjects);
  if (v !== null && typeof v === 'object') {
    return Object.fromEntries(
      Object.entries(v as Json)
        .filter(([k]) => !REFERENCE_OBJECT_KEYS.has(k))
        .map(([k, x]) => [k, k === 'UserComments' || k === 'MediaItems' ? x : stripReferenceObjects(x)]),
    );
  }
  return v;
}

/** verbose=false: null fields (and empty lists of them) are removed. */
function dropNulls(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(dropNulls);
  if (v !== null && typeof v === 'object') {
    const out: Json = {};
    for (const [k, x] of Object.entries(v as Json)) if (x !== null && x !== undefined) out[k] = dropNulls(x);
    return out;
  }
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
