import { Hono, type Context } from 'hono';
import { requestInput } from '../request-input';
import type { AppDeps } from '../../app-deps';
import { badRequest } from '../http-errors';
import { parsePoiRequest } from './poi-query';
import { toOcmPoi } from './poi-serializer';
import { PoiJsonCache } from './poi-json-cache';
import { toCsv, toGeoJson, toKml, toXml } from './poi-formats';
import { ocmMediaItem, ocmUserComment } from '../checkin-serializers';
import { baseUrlOf } from '../plugshare/locations.routes';

/** UserComments and MediaItems of each location, newest first (OCM's includecomments). */
function commentsFor(deps: AppDeps, ids: number[], compact: boolean, baseUrl: string) {
  const refs = deps.references.all();
  const checkins = deps.checkins.forLocations(ids);
  const photos = deps.checkins.photosForLocations(ids);
  return new Map(
    ids.map((id) => [
      id,
      {
        UserComments: (checkins.get(id) ?? []).map((row) => ocmUserComment(row, refs, compact)),
        MediaItems: (photos.get(id) ?? []).map((p) => ocmMediaItem(p, baseUrl)),
      },
    ]),
  );
}

/** Header carrying the number of matches before `maxresults`, so a UI can say "N match, showing M". */
export const TOTAL_COUNT_HEADER = 'X-Total-Count';

export function ocmPoiRoutes(deps: AppDeps) {
  const app = new Hono({ strict: false });
  const jsonCache = new PoiJsonCache(() => deps.locations.dataVersion());
  app.get('/poi', (c) => answer(c, c.req.queries() as Record<string, string[]>));
  // The same query as a form or JSON body (merged over the query string): a long route's polyline does not fit in
  // the URL limits of browsers and proxies (about 8 kB).
  app.post('/poi', async (c) => {
    const input = await requestInput(c);
    if (input === null) return badRequest(c, [{ parameter: 'body', message: 'expected form fields or a JSON object' }]);
    const params: Record<string, string[]> = {};
    for (const [k, v] of Object.entries(input)) if (v !== undefined && v !== null && typeof v !== 'object') params[k] = [String(v)];
    return answer(c, params);
  });

  function answer(c: Context, params: Record<string, string[]>) {
    const req = parsePoiRequest(params, deps.env.MAX_RESULTS_LIMIT);
    if (!req.ok) return badRequest(c, req.errors);
    const { query: q, search } = req;
    const result = deps.locations.search(search);
    const details = deps.locations.details(result.hits.map((h) => h.id));
    const refs = deps.references.all();
    const scores = deps.checkins.scores();
    const comments = q.includecomments ? commentsFor(deps, details.map((d) => d.id), q.compact, baseUrlOf(c, deps.env.PUBLIC_BASE_URL)) : undefined;
    const options = { compact: q.compact, verbose: q.verbose, camelcase: q.camelcase, distanceUnit: q.distanceunit, comments, scores, live: (id: number) => deps.availability.location(id) };
    c.header(TOTAL_COUNT_HEADER, String(result.total));
    // Plain JSON without distances or comments (map views, bounding boxes): from the cache of POI texts.
    if (q.output === 'json' && !q.callback && !comments && !search.origin) {
      jsonCache.refresh();
      // Every option toOcmPoi reads (AddressInfo.DistanceUnit is written even without a distance).
      const form = `${q.compact}${q.verbose}${q.camelcase}${q.distanceunit}`;
      const texts = details.map((d) => {
        const live = deps.availability.location(d.id);
        return jsonCache.json(d.id, form, scores.get(d.id), live, () => toOcmPoi(d, refs, null, { ...options, live: () => live }));
      });
      return c.body(`[${texts.join(',')}]`, 200, { 'Content-Type': 'application/json' });
    }
    const distance = new Map(result.hits.map((h) => [h.id, h.distanceKm]));
    const pois = details.map((d) => toOcmPoi(d, refs, distance.get(d.id) ?? null, options));
    switch (q.output) {
      case 'geojson':
        return c.json(toGeoJson(pois), 200, { 'Content-Type': 'application/geo+json; charset=utf-8' });
      case 'xml':
        return c.body(toXml(pois), 200, { 'Content-Type': 'application/xml; charset=utf-8' });
      case 'csv':
        return c.body(toCsv(pois), 200, { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': 'inline; filename="poi.csv"' });
      case 'kml':
        return c.body(toKml(pois), 200, { 'Content-Type': 'application/vnd.google-earth.kml+xml; charset=utf-8' });
      default:
        if (q.callback) return c.body(`/**/${q.callback}(${JSON.stringify(pois)});`, 200, { 'Content-Type': 'application/javascript; charset=utf-8' });
        return c.json(pois);
    }
  }
  return app;
}
