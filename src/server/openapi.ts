import { z } from 'zod';
import { ClustersQuerySchema } from '../shared/api/clusters-query';
import { OcmPoiQuerySchema } from '../shared/api/ocm-poi-query';
import { PlugShareNearbyQuery, PlugShareRegionQuery } from '../shared/api/plugshare-query';
import { BadRequestSchema, ClusterFeatureCollectionSchema, NotFoundSchema, OcmPoiSchema, PlugShareLocationSchema } from '../shared/api/responses';
import { ReferenceDataQuerySchema } from './routes/ocm/referencedata.routes';
import { SearchQuerySchema } from '../shared/api/search-query';
import { TOTAL_COUNT_HEADER } from './routes/ocm/poi.routes';

const jsonSchema = (s: z.ZodType, io: 'input' | 'output' = 'output') => {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(s, { io, unrepresentable: 'any' }) as Record<string, unknown>;
  return rest;
};

/** Query parameters from a zod object schema: names, descriptions, types and whether they are required. */
function queryParameters(schema: z.ZodObject) {
  return Object.entries(schema.shape).map(([name, field]) => {
    const f = field as z.ZodType;
    return { name, in: 'query', required: !f.safeParse(undefined).success, description: f.description, schema: jsonSchema(f, 'input') };
  });
}

const json = (s: z.ZodType, description: string) => ({ description, content: { 'application/json': { schema: jsonSchema(s) } } });
const totalHeader = { [TOTAL_COUNT_HEADER]: { description: 'Number of matches before the result limit', schema: { type: 'integer' } } };
const errors = { 400: json(BadRequestSchema, 'A parameter is invalid; the body names it') };

/** The OpenAPI 3.1 document, built from the same zod schemas that validate requests. */
export function openApiDocument() {
  return {
    openapi: '3.1.0',
    info: {
      title: 'EV charging map API',
      version: '1',
      description:
        'Open Charge Map v3-compatible POI search under /v3, PlugShare-shaped locations under /api, and map clusters. Bad parameters get HTTP 400 naming the parameter.',
    },
    paths: {
      '/v3/poi': {
        get: {
          summary: 'Open Charge Map v3 POI search',
          description:
            'Every documented OCM parameter. With latitude/longitude results are sorted by distance and carry AddressInfo.Distance in distanceunit. Connector filters (connectiontypeid, levelid, minpowerkw, maxpowerkw) must all hold on the same connector.',
          parameters: queryParameters(OcmPoiQuerySchema),
          responses: {
            200: {
              description: 'POIs (JSON by default; output=geojson|xml|csv|kml)',
              headers: totalHeader,
              content: {
                'application/json': { schema: { type: 'array', items: jsonSchema(OcmPoiSchema) } },
                'application/geo+json': { schema: { type: 'object' } },
                'application/xml': { schema: { type: 'string' } },
                'text/csv': { schema: { type: 'string' } },
                'application/vnd.google-earth.kml+xml': { schema: { type: 'string' } },
                'application/javascript': { schema: { type: 'string', description: 'JSONP when callback is given' } },
              },
            },
            ...errors,
          },
        },
      },
      '/v3/referencedata': {
        get: {
          summary: 'Open Charge Map core reference data',
          parameters: queryParameters(ReferenceDataQuerySchema),
          responses: { 200: { description: 'ConnectionTypes, Operators, Countries, StatusTypes, UsageTypes, CheckinStatusTypes, …', content: { 'application/json': { schema: { type: 'object' } } } }, ...errors },
        },
      },
      '/api/locations': {
        get: {
          summary: 'PlugShare-style region search (centre and span), highest power first',
          parameters: queryParameters(PlugShareRegionQuery),
          responses: { 200: { ...json(z.array(PlugShareLocationSchema), 'Locations → stations → outlets'), headers: totalHeader }, ...errors },
        },
      },
      '/api/locations/nearby': {
        get: {
          summary: 'PlugShare-style nearby search with distance_meters and compass_bearing',
          parameters: queryParameters(PlugShareNearbyQuery),
          responses: { 200: { ...json(z.array(PlugShareLocationSchema), 'Nearest first'), headers: totalHeader }, ...errors },
        },
      },
      '/api/locations/{id}': {
        get: {
          summary: 'One location with stations, outlets, reviews and photos',
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'integer' } }],
          responses: { 200: json(PlugShareLocationSchema, 'The location'), 404: json(NotFoundSchema, 'No such location'), ...errors },
        },
      },
      '/api/clusters': {
        get: {
          summary: 'Server-side clusters for a map view',
          parameters: queryParameters(ClustersQuerySchema),
          responses: { 200: { ...json(ClusterFeatureCollectionSchema, 'GeoJSON points: clusters and single locations'), headers: totalHeader }, ...errors },
        },
      },
      '/api/search': {
        get: {
          summary: 'Places (bundled world cities, towns in the data) and locations by name or id',
          parameters: queryParameters(SearchQuerySchema),
          responses: { 200: { description: '{ places: [...], locations: [...] }', content: { 'application/json': { schema: { type: 'object' } } } }, ...errors },
        },
      },
      '/health': { get: { summary: 'Liveness', responses: { 200: { description: 'ok' } } } },
    },
  };
}
