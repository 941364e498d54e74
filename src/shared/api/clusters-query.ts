import { z } from 'zod';
import { OcmPoiQuerySchema } from './ocm-poi-query';
import { intList, queryBool, queryInt } from './query-params';

/**
 * `/api/clusters`: server-side clusters for a map view. Filters use OCM's parameter names (as /v3/poi), plus
 * `excludeoperatorid` and `operationalonly` for the map's "exclude networks" and "operational only" filters.
 */
export const ClustersQuerySchema = OcmPoiQuerySchema.pick({
  countrycode: true,
  countryid: true,
  operatorid: true,
  connectiontypeid: true,
  levelid: true,
  minpowerkw: true,
  maxpowerkw: true,
  usagetypeid: true,
  statustypeid: true,
  dataproviderid: true,
  opendata: true,
}).extend({
  boundingbox: z.string().describe('(lat,lng),(lat2,lng2): the map view'),
  zoom: queryInt(0, 22).describe('Map zoom level; cells are about 60 px at this zoom'),
  excludeoperatorid: intList.optional().describe('Drop locations of these operators (all conditions are combined with AND)'),
  operationalonly: queryBool.default(false).describe('Only operational (or unknown-status) locations'),
});

export type ClustersQuery = z.infer<typeof ClustersQuerySchema>;
