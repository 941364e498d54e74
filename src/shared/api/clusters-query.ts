import { z } from 'zod';
import { OcmPoiQuerySchema } from './ocm-poi-query';
import { queryInt } from './query-params';

/**
 * `/api/clusters`: server-side clusters for a map view, with the same filters as /v3/poi (OCM's names plus the
 * map's extensions `excludeoperatorid`, `operationalonly` and `cost`).
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
  excludeoperatorid: true,
  operationalonly: true,
  cost: true,
  minscore: true,
  vehicleports: true,
  availability: true,
}).extend({
  boundingbox: z.string().describe('(lat,lng),(lat2,lng2): the map view'),
  zoom: queryInt(0, 22).describe('Map zoom level; cells are about 60 px at this zoom'),
});

export type ClustersQuery = z.infer<typeof ClustersQuerySchema>;
