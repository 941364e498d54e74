import { z } from 'zod';
import { intList, availabilityList, listOf, queryBool, queryInt, queryNumber, portList } from './query-params';
import { AMENITY_FACILITY_TYPES, PLUGSHARE_CONNECTORS } from './plugshare-connectors';

export const PLUGSHARE_MAX_COUNT = 500;
export const PLUGSHARE_MAX_RADIUS_M = 50_000;

const OutletDescriptor = z
  .object({
    connector: z.number().int().refine((c) => c in PLUGSHARE_CONNECTORS, 'unknown connector id (see the PlugShare connector table)').optional(),
    power: z.number().int().min(0).max(1).optional(),
  })
  .strict();

const outlets = z
  .string()
  .transform((s, ctx) => {
    try {
      return JSON.parse(s) as unknown;
    } catch {
      ctx.addIssue({ code: 'custom', message: 'expected a JSON list such as [{"connector":13},{"connector":6,"power":1}]' });
      return z.NEVER;
    }
  })
  .pipe(z.array(OutletDescriptor).min(1, 'expected at least one outlet descriptor'));

/** Filters shared by PlugShare's search routes. */
export const PlugShareFilters = z.object({
  outlets: outlets.optional().describe('JSON list of {connector, power} descriptors; a location matches when one of its outlets matches one'),
  cost: queryBool.default(true).describe('false hides locations with a known fee'),
  access: listOf([1, 2, 3], 'access').optional().describe('1 public, 2 restricted, 3 residential'),
  availability: availabilityList.optional().describe('0 unknown, 1 available, 2 in use, 3 offline: live when an EVSE reported recently, else from the OCM status'),
  amenities: listOf(Object.keys(AMENITY_FACILITY_TYPES).map(Number), 'amenities').optional().describe('1 hotel/lodging'),
  networks: intList.optional().describe('Only these network ids (OCM operator ids)'),
  exclude_networks: intList.optional().describe('Drop locations whose stations all belong to these network ids'),
  minscore: queryNumber(0, 10).optional().describe('Extension: only locations whose PlugScore-like score is at least this'),
  vehicleports: portList.optional().describe("Extension: only locations with a connector a car with these Open EV Data port families can use"),
});

/** PlugShare region search: centre plus span in degrees (as the PlugShare apps query). */
export const PlugShareRegionQuery = PlugShareFilters.extend({
  latitude: queryNumber(-90, 90).describe('Centre latitude of the region'),
  longitude: queryNumber(-180, 180).describe('Centre longitude of the region'),
  spanLat: queryNumber(0, 180).describe('Height of the region in degrees'),
  spanLng: queryNumber(0, 360).describe('Width of the region in degrees'),
  count: queryInt(1, PLUGSHARE_MAX_COUNT).default(250).describe(`Maximum locations returned (at most ${PLUGSHARE_MAX_COUNT})`),
});

export const PlugShareNearbyQuery = PlugShareFilters.extend({
  latitude: queryNumber(-90, 90),
  longitude: queryNumber(-180, 180),
  radius: queryNumber(1, PLUGSHARE_MAX_RADIUS_M).default(5000).describe(`Radius in metres (at most ${PLUGSHARE_MAX_RADIUS_M})`),
  count: queryInt(1, PLUGSHARE_MAX_COUNT).default(25).describe(`Maximum locations returned (at most ${PLUGSHARE_MAX_COUNT})`),
});

export type PlugShareFiltersInput = z.infer<typeof PlugShareFilters>;
