import { Hono } from 'hono';
import { ClustersQuerySchema } from '../../shared/api/clusters-query';
import { lowerCaseQuery, paramErrors } from '../../shared/api/query-params';
import { parseOcmBoundingBox } from '../../shared/geo/bbox';
import { powerClass } from '../../shared/power-class';
import { GridClusterer } from '../../shared/geo/grid-clusterer';
import type { AppDeps } from '../app-deps';
import { badRequest } from './http-errors';
import { TOTAL_COUNT_HEADER } from './ocm/poi.routes';
import { ocmFilters } from './ocm/poi-query';

/** Map clusters: a country view never downloads tens of thousands of points. */
export function clustersRoutes(deps: AppDeps) {
  const app = new Hono({ strict: false });
  app.get('/clusters', (c) => {
    const parsed = ClustersQuerySchema.safeParse(lowerCaseQuery(c.req.queries() as Record<string, string[]>));
    if (!parsed.success) return badRequest(c, paramErrors(parsed.error));
    const q = parsed.data;
    const box = parseOcmBoundingBox(q.boundingbox);
    if (!box) return badRequest(c, [{ parameter: 'boundingbox', message: 'expected (lat,lng),(lat2,lng2)' }]);
    if (GridClusterer.layout(box, q.zoom).cells > GridClusterer.MAX_CELLS) {
      return badRequest(c, [{ parameter: 'zoom', message: 'the bounding box is far larger than a map view at this zoom: zoom out or send a smaller box' }]);
    }
    if (q.minpowerkw !== undefined && q.maxpowerkw !== undefined && q.minpowerkw > q.maxpowerkw) {
      return badRequest(c, [{ parameter: 'maxpowerkw', message: 'must not be less than minpowerkw' }]);
    }
    const { total, clusters } = deps.locations.clusters({
      ...ocmFilters(q),
      box,
      zoom: q.zoom,
    });
    c.header(TOTAL_COUNT_HEADER, String(total));
    return c.json({
      type: 'FeatureCollection',
      features: clusters.map((k) => ({
        type: 'Feature',
        geometry: { type: 'Point', coordinates: [k.longitude, k.latitude] },
        properties: { cluster: k.count > 1, point_count: k.count, max_power_kw: k.maxPowerKw, power_class: powerClass(k.maxPowerKw), id: k.id },
      })),
    });
  });
  return app;
}
