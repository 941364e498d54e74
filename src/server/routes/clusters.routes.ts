import { Hono, type Context } from 'hono';
import type { ZodType } from 'zod';
import { ClustersQuerySchema } from '../../shared/api/clusters-query';
import { PointsQuerySchema, type ChargerProperties } from '../../shared/api/map-points';
import { lowerCaseQuery, paramErrors } from '../../shared/api/query-params';
import { parseOcmBoundingBox } from '../../shared/geo/bbox';
import type { BBox } from '../../shared/geo/types';
import { statusOf } from '../../shared/location-status';
import { powerClass } from '../../shared/power-class';
import { GridClusterer } from '../../shared/geo/grid-clusterer';
import type { AppDeps } from '../app-deps';
import type { MapPoint } from '../repositories/location-search';
import { badRequest } from './http-errors';
import { TOTAL_COUNT_HEADER } from './ocm/poi.routes';
import { ocmFilters } from './ocm/poi-query';

type MapQuery = { boundingbox: string; minpowerkw?: number; maxpowerkw?: number };

/** A map query parsed and its view's box, or the 400 answer naming what is wrong with it. */
function parseMapQuery<Q extends MapQuery>(c: Context, schema: ZodType<Q>): { q: Q; box: BBox } | { error: Response } {
  const parsed = schema.safeParse(lowerCaseQuery(c.req.queries() as Record<string, string[]>));
  if (!parsed.success) return { error: badRequest(c, paramErrors(parsed.error)) };
  const q = parsed.data;
  const box = parseOcmBoundingBox(q.boundingbox);
  if (!box) return { error: badRequest(c, [{ parameter: 'boundingbox', message: 'expected (lat,lng),(lat2,lng2)' }]) };
  if (q.minpowerkw !== undefined && q.maxpowerkw !== undefined && q.minpowerkw > q.maxpowerkw) {
    return { error: badRequest(c, [{ parameter: 'maxpowerkw', message: 'must not be less than minpowerkw' }]) };
  }
  return { q, box };
}

/** What a map symbol shows of one location. */
function symbolProperties(p: MapPoint, deps: AppDeps): ChargerProperties {
  const live = deps.availability.location(p.id);
  return {
    id: p.id,
    power_class: powerClass(p.maxPowerKw),
    max_power_kw: p.maxPowerKw,
    status: statusOf(p.statusTypeId),
    provider: p.dataProviderId,
    availability: live?.status ?? 0,
    simulated: live?.simulated ?? false,
  };
}

/**
 * The map's two views of the same filtered locations: server clusters (a country view never downloads tens of
 * thousands of points) and, closer in, the locations themselves with only what their symbols need.
 */
export function clustersRoutes(deps: AppDeps) {
  const app = new Hono({ strict: false });
  app.get('/clusters', (c) => {
    const view = parseMapQuery(c, ClustersQuerySchema);
    if ('error' in view) return view.error;
    const { q, box } = view;
    if (GridClusterer.layout(box, q.zoom).cells > GridClusterer.MAX_CELLS) {
      return badRequest(c, [{ parameter: 'zoom', message: 'the bounding box is far larger than a map view at this zoom: zoom out or send a smaller box' }]);
    }
    const { total, clusters } = deps.locations.clusters({ ...ocmFilters(q), box, zoom: q.zoom });
    // Single locations are drawn as points: they get the same symbol data (status, live state) as /api/points.
    const singles = new Map(deps.locations.symbolsOf(clusters.filter((k) => k.count === 1 && k.id !== null).map((k) => k.id as number)).map((p) => [p.id, p]));
    c.header(TOTAL_COUNT_HEADER, String(total));
    return c.json({
      type: 'FeatureCollection',
      features: clusters.map((k) => {
        const single = k.id !== null ? singles.get(k.id) : undefined;
        return {
          type: 'Feature',
          geometry: { type: 'Point', coordinates: [k.longitude, k.latitude] },
          properties: { cluster: k.count > 1, point_count: k.count, max_power_kw: k.maxPowerKw, power_class: powerClass(k.maxPowerKw), id: k.id, ...(single && symbolProperties(single, deps)) },
        };
      }),
    });
  });

  app.get('/points', (c) => {
    const view = parseMapQuery(c, PointsQuerySchema);
    if ('error' in view) return view.error;
    const { total, points } = deps.locations.points({ ...ocmFilters(view.q), box: view.box, limit: view.q.maxresults });
    c.header(TOTAL_COUNT_HEADER, String(total));
    return c.json({
      type: 'FeatureCollection',
      features: points.map((p) => ({ type: 'Feature', id: p.id, geometry: { type: 'Point', coordinates: [p.longitude, p.latitude] }, properties: symbolProperties(p, deps) })),
    });
  });
  return app;
}
