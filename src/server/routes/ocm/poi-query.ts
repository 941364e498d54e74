import type { Availability } from '../../../shared/telemetry/availability';
import { compatibilityByRegion } from '../../../shared/vehicles/ports';
import { OcmPoiQuerySchema, type OcmPoiQuery } from '../../../shared/api/ocm-poi-query';
import { lowerCaseQuery, paramErrors, type ParamError } from '../../../shared/api/query-params';
import { parseOcmBoundingBox } from '../../../shared/geo/bbox';
import { milesToKm } from '../../../shared/geo/distance';
import { decodePolyline } from '../../../shared/geo/polyline';
import type { LocationSearch, SearchArea } from '../../repositories/location-search';

export const DEFAULT_CORRIDOR_KM = 5;

export type PoiRequest = { ok: true; query: OcmPoiQuery; search: LocationSearch } | { ok: false; errors: ParamError[] };

/** Validates OCM `/v3/poi` parameters and maps them onto a repository search. Every failure names its parameter. */
export function parsePoiRequest(raw: Record<string, string | string[] | undefined>, maxResultsLimit: number): PoiRequest {
  const parsed = OcmPoiQuerySchema.safeParse(lowerCaseQuery(raw));
  if (!parsed.success) return { ok: false, errors: paramErrors(parsed.error) };
  const q = parsed.data;
  const errors: ParamError[] = [];
  const fail = (parameter: string, message: string) => errors.push({ parameter, message });

  if ((q.latitude === undefined) !== (q.longitude === undefined)) {
    fail(q.latitude === undefined ? 'latitude' : 'longitude', 'latitude and longitude must be given together');
  }
  const origin = q.latitude !== undefined && q.longitude !== undefined ? ([q.latitude, q.longitude] as const) : undefined;
  const toKm = (d: number) => (q.distanceunit === 'km' ? d : milesToKm(d));

  const areas: Array<[string, SearchArea]> = [];
  if (q.boundingbox !== undefined) {
    const box = parseOcmBoundingBox(q.boundingbox);
    if (box) areas.push(['boundingbox', { kind: 'bbox', box }]);
    else fail('boundingbox', 'expected (lat,lng),(lat2,lng2) with latitudes in -90..90 and longitudes in -180..180');
  }
  if (q.polygon !== undefined) {
    const ring = decodePolyline(q.polygon);
    if (ring && ring.length >= 3) areas.push(['polygon', { kind: 'polygon', ring }]);
    else fail('polygon', ring ? 'a polygon needs at least 3 points' : 'not a valid encoded polyline');
  }
  if (q.polyline !== undefined) {
    const line = decodePolyline(q.polyline);
    if (line) areas.push(['polyline', { kind: 'corridor', line, km: q.distance !== undefined ? toKm(q.distance) : DEFAULT_CORRIDOR_KM }]);
    else fail('polyline', 'not a valid encoded polyline');
  }
  if (q.distance !== undefined && q.polyline === undefined) {
    if (origin) areas.push(['distance', { kind: 'radius', center: origin, km: toKm(q.distance) }]);
    else fail('distance', 'distance needs latitude and longitude (or a polyline)');
  }
  if (areas.length > 1) fail(areas[1][0], `cannot be combined with ${areas[0][0]}: give one search area`);
  if (q.minpowerkw !== undefined && q.maxpowerkw !== undefined && q.minpowerkw > q.maxpowerkw) fail('maxpowerkw', 'must not be less than minpowerkw');
  if (q.sortby === 'distance_asc' && !origin) fail('sortby', 'distance_asc needs latitude and longitude');
  if (q.callback !== undefined && q.output !== 'json') fail('callback', 'JSONP is only available with output=json');
  if (errors.length > 0) return { ok: false, errors };

  const sortMap = { id_asc: 'id_asc', id_desc: 'id_desc', distance_asc: 'distance', created_date_desc: 'created_desc', modified_date_desc: 'modified_desc', power_desc: 'power_desc' } as const;
  const search: LocationSearch = {
    ...ocmFilters(q),
    area: areas[0]?.[1],
    origin: origin ? [origin[0], origin[1]] : undefined,
    ids: q.chargepointid,
    modifiedSince: q.modifiedsince,
    greaterThanId: q.greaterthanid,
    sort: q.sortby ? sortMap[q.sortby] : origin ? 'distance' : 'id_asc',
    limit: Math.min(q.maxresults, maxResultsLimit),
  };
  return { ok: true, query: q, search };
}

/** The OCM filter parameters shared by /v3/poi and the clusters endpoint, mapped onto a repository search. */
export function ocmFilters(
  q: Pick<
    OcmPoiQuery,
    'countryid' | 'countrycode' | 'operatorid' | 'connectiontypeid' | 'levelid' | 'minpowerkw' | 'maxpowerkw' | 'usagetypeid' | 'statustypeid' | 'dataproviderid' | 'opendata' | 'excludeoperatorid' | 'operationalonly' | 'cost' | 'minscore' | 'vehicleports' | 'availability'
  >,
) {
  return {
    excludeOperatorIds: q.excludeoperatorid,
    operationalOnly: q.operationalonly,
    cost: q.cost,
    minScore: q.minscore,
    compatibleWith: q.vehicleports && compatibilityByRegion(q.vehicleports),
    availability: q.availability as Availability[] | undefined,
    countryIds: q.countryid,
    countryIsoCodes: q.countrycode,
    operatorIds: q.operatorid,
    connectionTypeIds: q.connectiontypeid,
    levelIds: q.levelid,
    minPowerKw: q.minpowerkw,
    maxPowerKw: q.maxpowerkw,
    usageTypeIds: q.usagetypeid,
    statusTypeIds: q.statustypeid,
    dataProviderIds: q.dataproviderid,
    openData: q.opendata,
  } satisfies Partial<LocationSearch>;
}
