import { z } from 'zod';
import { intList, queryBool, queryDate, queryEnum, queryInt, queryNumber, portList, availabilityList } from './query-params';

export const OCM_OUTPUTS = ['json', 'geojson', 'xml', 'csv', 'kml'] as const;
export const OCM_SORTS = ['id_asc', 'id_desc', 'distance_asc', 'created_date_desc', 'modified_date_desc', 'power_desc'] as const;

/** Absolute cap on `maxresults`; the server may configure a lower one. */
export const OCM_MAX_RESULTS = 1_000_000;

/**
 * `/v3/poi` query parameters exactly as Open Charge Map names them (lower-case; matched case-insensitively).
 * Unknown parameters are ignored, as OCM does. Only the shape is checked here; cross-field rules are in
 * `checkOcmPoiQuery`.
 */
export const OcmPoiQuerySchema = z.object({
  key: z.string().optional().describe('API key (also accepted as the X-API-Key header)'),
  client: z.string().optional().describe('Identifier of the calling app'),
  output: queryEnum(OCM_OUTPUTS).default('json').describe('Response format'),
  maxresults: queryInt(1, OCM_MAX_RESULTS).default(100).describe('Limit on the number of results (default 100)'),
  countrycode: z
    .string()
    .trim()
    .regex(/^[A-Za-z]{2}(\s*,\s*[A-Za-z]{2})*$/, 'expected an ISO 3166-1 alpha-2 country code such as GB or US')
    .transform((s) => s.split(',').map((c) => c.trim().toUpperCase()))
    .optional()
    .describe('ISO country code(s)'),
  countryid: intList.optional().describe('OCM country id(s), comma-separated'),
  latitude: queryNumber(-90, 90).optional().describe('Latitude of the reference point for distance'),
  longitude: queryNumber(-180, 180).optional().describe('Longitude of the reference point for distance'),
  distance: queryNumber(0, 20_000).optional().describe('Radius around latitude/longitude, or corridor width with polyline'),
  distanceunit: queryEnum(['miles', 'mi', 'km', 'kilometers', 'kilometres', '1', '2'])
    .transform((u) => (u === 'km' || u === 'kilometers' || u === 'kilometres' || u === '1' ? 'km' : 'miles') as 'km' | 'miles')
    .default('miles')
    .describe('Miles (default) or KM'),
  operatorid: intList.optional().describe('EVSE operator id(s)'),
  connectiontypeid: intList.optional().describe('Connection type id(s)'),
  levelid: intList.optional().describe('Charging level id(s) (1-3)'),
  minpowerkw: queryNumber(0, 10_000).optional().describe('Minimum power in kW on a connector'),
  maxpowerkw: queryNumber(0, 10_000).optional().describe('Maximum power in kW on the same connector as minpowerkw'),
  usagetypeid: intList.optional().describe('Usage type id(s)'),
  statustypeid: intList.optional().describe('Status type id(s)'),
  dataproviderid: intList.optional().describe('Data provider id(s)'),
  modifiedsince: queryDate.optional().describe('POIs modified since this UTC date, e.g. 2016-09-15T09:30'),
  opendata: queryBool.optional().describe('true: only open-data-licensed records; false: only others'),
  includecomments: queryBool.default(false).describe('Include UserComments and MediaItems'),
  verbose: queryBool.default(true).describe('false removes null fields'),
  compact: queryBool.default(false).describe('true returns reference data as ids only'),
  camelcase: queryBool.default(false).describe('camelCase property names'),
  callback: z
    .string()
    .regex(/^[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*)*$/, 'expected a JavaScript function name')
    .max(100)
    .optional()
    .describe('JSONP callback name (json output only)'),
  chargepointid: intList.optional().describe('POI id(s)'),
  boundingbox: z.string().optional().describe('(lat,lng),(lat2,lng2): two opposite corners'),
  polygon: z.string().optional().describe('Encoded polyline of a polygon; closed automatically'),
  polyline: z.string().optional().describe('Encoded polyline of a route; use with distance (default 5 km)'),
  sortby: queryEnum(OCM_SORTS).optional().describe('Result order'),
  greaterthanid: queryInt(-1, Number.MAX_SAFE_INTEGER).optional().describe('Only POIs with a larger ID (paging with sortby=id_asc)'),
  // Extensions beyond OCM (OCM clients never send them): the map's filters.
  excludeoperatorid: intList.optional().describe('Extension: leave out locations of these operators (all filters combine with AND)'),
  operationalonly: queryBool.optional().describe('Extension: only operational (or unknown-status) locations'),
  cost: queryEnum(['free', 'paid']).optional().describe('Extension: free = cost text says free; paid = a fee is stated'),
  minscore: queryNumber(0, 10).optional().describe('Extension: only locations whose check-in score (0–10) is at least this'),
  availability: availabilityList.optional().describe('Extension: PlugShare availability codes (0 unknown, 1 available, 2 in use, 3 offline), live when an EVSE reported recently'),
  vehicleports: portList.optional().describe("Extension: only connectors a car with these Open EV Data port families can use, by the charger's region (type1 / type2 regions)"),
});

export type OcmPoiQuery = z.infer<typeof OcmPoiQuerySchema>;
