import { z } from 'zod';
import { POWER_CLASSES } from '../power-class';
import { LOCATION_STATUSES } from '../location-status';
import { ClustersQuerySchema } from './clusters-query';
import { queryInt } from './query-params';

/** Locations a map view asks for at most in one answer. */
export const MAP_POINTS_MAX = 5000;

/**
 * `/api/points`: every matching location in a map view (strongest first, up to `maxresults`) as GeoJSON points
 * carrying only what a map symbol needs — about a tenth of the bytes of the same locations as OCM POIs, so a
 * street view's 2,000 chargers arrive and parse quickly. Same filters as `/api/clusters`.
 */
export const PointsQuerySchema = ClustersQuerySchema.omit({ zoom: true }).extend({
  maxresults: queryInt(1, MAP_POINTS_MAX).default(2000).describe(`Locations returned at most (default 2,000, at most ${MAP_POINTS_MAX}); X-Total-Count says how many match`),
});
export type PointsQuery = z.infer<typeof PointsQuerySchema>;

export const ChargerPropertiesSchema = z.object({
  id: z.number(),
  power_class: z.enum(POWER_CLASSES).nullable().describe('Highest power class among the connectors (slow / fast / rapid / ultra, as Leccy names speeds)'),
  max_power_kw: z.number().nullable(),
  status: z.enum(LOCATION_STATUSES).describe('OCM status type folded into the four states the map shows'),
  provider: z.number().nullable().describe('OCM data provider id, for crediting the sources on screen'),
  availability: z.number().int().min(0).max(3).describe('Live availability: 1 available, 2 in use, 3 offline; 0 stale or never reported'),
  simulated: z.boolean().describe('The live state comes from the feed simulator (demo data)'),
  point_count: z.number().optional(),
});
/** A charger symbol's properties, as `/api/points` sends them and the map draws them. */
export type ChargerProperties = z.infer<typeof ChargerPropertiesSchema>;

/** GeoJSON point features with these properties, in a FeatureCollection. */
const pointFeature = <P extends z.ZodType>(properties: P) =>
  z.object({ type: z.literal('Feature'), geometry: z.object({ type: z.literal('Point'), coordinates: z.tuple([z.number(), z.number()]) }), properties });
const featureCollection = <F extends z.ZodType>(feature: F) => z.object({ type: z.literal('FeatureCollection'), features: z.array(feature) });

export const PointFeatureCollectionSchema = featureCollection(pointFeature(ChargerPropertiesSchema).extend({ id: z.number() }));

/** `/api/clusters`: clusters, and single locations with their symbol data as /api/points gives it. */
export const ClusterFeatureCollectionSchema = featureCollection(
  pointFeature(
    z.object({
      cluster: z.boolean(),
      point_count: z.number(),
      max_power_kw: z.number().nullable(),
      power_class: z.enum(POWER_CLASSES).nullable(),
      id: z.number().nullable().describe('The location id when the cluster is a single location'),
      ...ChargerPropertiesSchema.pick({ status: true, provider: true, availability: true, simulated: true }).partial().shape,
    }),
  ),
);
