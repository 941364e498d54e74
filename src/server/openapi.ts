import { z } from 'zod';
import { NetworkQuery, NetworkSchema, NetworksQuery, ServiceSchema } from '../shared/api/leccy-networks';
import { VehicleMakeSchema, VehicleQuery, VehicleSchema, VehiclesQuery } from '../shared/api/leccy-vehicles';
import { ClustersQuerySchema } from '../shared/api/clusters-query';
import { ClusterFeatureCollectionSchema, PointFeatureCollectionSchema, PointsQuerySchema } from '../shared/api/map-points';
import { OcmPoiQuerySchema } from '../shared/api/ocm-poi-query';
import { PlugShareNearbyQuery, PlugShareRegionQuery } from '../shared/api/plugshare-query';
import { BadRequestSchema, NotFoundSchema, OcmPoiSchema, PlugShareLocationSchema } from '../shared/api/responses';
import { ReferenceDataQuerySchema } from './routes/ocm/referencedata.routes';
import { SearchQuerySchema } from '../shared/api/search-query';
import { TOTAL_COUNT_HEADER } from './routes/ocm/poi.routes';
import { ApiKeyBody, ApiKeyInfo, AuthResponse, RefreshBody, RegisterBody, RequestCountResponse, SignInBody } from '../shared/api/account';
import { OcmCommentSubmission, Review, ReviewSubmission } from '../shared/api/checkins';
import { OccupancySchema } from '../shared/api/occupancy';
import {
  CreateVehicleBody,
  EvseCommandLogInput,
  EvseCommandLogSchema,
  EvseCommandLogsQuery,
  EvseSchema,
  EvseStatusLogInput,
  EvseStatusLogSchema,
  EvseStatusLogsQuery,
  ExpandEvseQuery,
  ExpandVehicleQuery,
  IngestReportSchema,
  UserVehicleSchema,
  VehicleStatusLogInput,
  VehicleStatusLogSchema,
  VehicleStatusLogsQuery,
} from '../shared/api/evenergy-logs';

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
const body = (s: z.ZodType, multipart = false) => ({
  required: true,
  content: {
    'application/json': { schema: jsonSchema(s, 'input') },
    [multipart ? 'multipart/form-data' : 'application/x-www-form-urlencoded']: { schema: jsonSchema(s, 'input') },
  },
});
const bearer = [{ bearer: [] }, { apiKey: [] }, { apiKeyQuery: [] }];
const unauthorized = { 401: { description: 'Missing, expired or revoked credentials' } };
const limited = { 429: { description: 'Rate limit or monthly limit exceeded; see Retry-After' } };
const idPath = (name = 'id') => [{ name, in: 'path', required: true, schema: { type: 'integer' } }];

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
        post: {
          summary: 'The same search with the parameters as a form or JSON body (for long route polylines that exceed URL limits)',
          requestBody: { content: { 'application/x-www-form-urlencoded': { schema: jsonSchema(OcmPoiQuerySchema, 'input') }, 'application/json': { schema: jsonSchema(OcmPoiQuerySchema, 'input') } } },
          responses: { 200: { description: 'As GET', headers: totalHeader }, ...errors },
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
      '/api/locations/{id}/occupancy': {
        get: {
          summary: 'Extension: occupancy by local hour of week from EVSE status logs (30 days) and check-ins',
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'integer' } }],
          responses: { 200: json(OccupancySchema, '168 buckets, Monday 00:00 first'), 404: json(NotFoundSchema, 'No such location'), ...errors },
        },
      },
      '/api/clusters': {
        get: {
          summary: 'Server-side clusters for a map view',
          parameters: queryParameters(ClustersQuerySchema),
          responses: { 200: { ...json(ClusterFeatureCollectionSchema, 'GeoJSON points: clusters and single locations'), headers: totalHeader }, ...errors },
        },
      },
      '/api/points': {
        get: {
          summary: 'A map view\'s locations (strongest first) with only what a map symbol needs',
          parameters: queryParameters(PointsQuerySchema),
          responses: { 200: { ...json(PointFeatureCollectionSchema, 'GeoJSON points: id, power class, status, data provider, live availability'), headers: totalHeader }, ...errors },
        },
      },
      '/api/search': {
        get: {
          summary: 'Places (bundled world cities, towns in the data) and locations by name or id',
          parameters: queryParameters(SearchQuerySchema),
          responses: { 200: { description: '{ places: [...], locations: [...] }', content: { 'application/json': { schema: { type: 'object' } } } }, ...errors },
        },
      },
      '/v1/auth': {
        post: { summary: 'Leccy sign-in: email and password → JWT and refresh token (also GET with query parameters)', requestBody: body(SignInBody), responses: { 200: json(AuthResponse, 'Session'), 401: { description: 'Wrong email or password' }, ...errors } },
      },
      '/v1/auth/register': {
        post: { summary: 'Create an account (registered access)', requestBody: body(RegisterBody), responses: { 201: json(AuthResponse, 'Session'), 409: { description: 'Email taken' }, ...errors } },
      },
      '/v1/auth/refresh': {
        post: { summary: 'Leccy refresh: a new JWT for a refresh token, which is rotated (a reused token ends its session family)', requestBody: body(RefreshBody), responses: { 200: json(AuthResponse, 'Session'), ...unauthorized, ...errors } },
      },
      '/v1/auth/revoke': { post: { summary: 'Sign out: revoke a refresh token and its family', requestBody: body(RefreshBody), responses: { 204: { description: 'Revoked' }, ...errors } } },
      '/v1/user/requestCount': {
        get: { summary: "Leccy: this month's request count with per-day figures (token= or Bearer)", security: bearer, responses: { 200: json(RequestCountResponse, 'Counts'), ...unauthorized } },
      },
      '/v1/user/apikeys': {
        get: { summary: 'Your active API keys', security: bearer, responses: { 200: json(z.array(ApiKeyInfo), 'Keys (without the secret)'), ...unauthorized } },
        post: { summary: 'Create an API key (returned once)', security: bearer, requestBody: body(ApiKeyBody), responses: { 201: json(ApiKeyInfo.extend({ key: z.string() }), 'The new key'), ...unauthorized, ...errors } },
      },
      '/v1/vehicles': {
        get: { summary: 'Leccy: vehicles from Open EV Data (variants for signed-in callers); also POST', parameters: queryParameters(VehiclesQuery), responses: { 200: json(z.array(VehicleSchema), 'Vehicles'), ...errors } },
      },
      '/v1/vehicles/{id}': {
        get: { summary: 'Leccy: one vehicle', parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }, ...queryParameters(VehicleQuery)], responses: { 200: json(VehicleSchema, 'Vehicle'), 404: json(NotFoundSchema, 'No such vehicle'), ...errors } },
      },
      '/v1/networks': {
        get: { summary: 'Leccy: charging networks with services and rates (derived from open price texts, imported, or synced from Leccy); also POST', parameters: queryParameters(NetworksQuery), responses: { 200: json(z.array(NetworkSchema), 'Networks'), ...errors } },
      },
      '/v1/networks/{id}': {
        get: { summary: "Leccy: one network with its services filtered by speed and status", parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }, ...queryParameters(NetworkQuery)], responses: { 200: json(NetworkSchema, 'Network'), 404: json(NotFoundSchema, 'No such network'), ...errors } },
      },
      '/v1/services/{id}': {
        get: { summary: 'Leccy: one service with its rates and network name', parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }], responses: { 200: json(ServiceSchema, 'Service'), 404: json(NotFoundSchema, 'No such service') } },
      },
      '/v2/vehicle_makes': {
        get: { summary: 'ev.energy: vehicle makes (Bearer token; EvEnergy-Version: 2)', security: bearer, responses: { 200: json(z.array(VehicleMakeSchema), 'Makes'), ...unauthorized } },
      },
      '/v2/vehicle_makes/{id}': {
        get: { summary: 'ev.energy: one vehicle make', security: bearer, parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }], responses: { 200: json(VehicleMakeSchema, 'Make'), 404: json(NotFoundSchema, 'No such make'), ...unauthorized } },
      },
      ...telemetryPaths(),
      '/v1/user/apikeys/{id}': { delete: { summary: 'Revoke an API key', security: bearer, parameters: idPath(), responses: { 204: { description: 'Revoked' }, 404: { description: 'No such key' }, ...unauthorized } } },
      '/v3/': {
        post: {
          summary: 'OCM check-in submission (?action=comment_submission&format=json)',
          security: bearer,
          parameters: [
            { name: 'action', in: 'query', required: true, schema: { const: 'comment_submission' } },
            { name: 'format', in: 'query', required: false, schema: { const: 'json' } },
          ],
          requestBody: body(OcmCommentSubmission),
          responses: { 200: { description: '{ status: "OK", id, UserComment }' }, 404: { description: 'No such ChargePointID' }, ...unauthorized, ...limited, ...errors },
        },
      },
      '/v3/comment': { post: { summary: 'OCM check-in submission (same body)', security: bearer, requestBody: body(OcmCommentSubmission), responses: { 200: { description: '{ status: "OK", id, UserComment }' }, ...unauthorized, ...limited, ...errors } } },
      '/api/locations/{id}/reviews': {
        get: { summary: 'Check-ins of a location, newest first (problems_only=true for failures)', parameters: [...idPath(), { name: 'problems_only', in: 'query', required: false, schema: { type: 'boolean' } }], responses: { 200: json(z.array(Review), 'Reviews'), 404: json(NotFoundSchema, 'No such location'), ...errors } },
        post: {
          summary: 'Post a PlugShare-style review (check-in); photos as multipart `photo` fields (JPEG, PNG, WebP)',
          security: bearer,
          parameters: idPath(),
          requestBody: body(ReviewSubmission, true),
          responses: { 201: json(Review, 'The stored review'), 404: { description: 'No such location' }, 413: { description: 'Photo too large' }, 415: { description: 'Not a JPEG, PNG or WebP' }, ...unauthorized, ...limited, ...errors },
        },
      },
      '/api/reviews/{id}': { delete: { summary: 'Delete your own check-in', security: bearer, parameters: idPath(), responses: { 204: { description: 'Deleted' }, 404: { description: 'Not yours or no such check-in' }, ...unauthorized } } },
      '/api/locations/{id}/photos': {
        post: { summary: 'Upload a photo of a location (multipart: photo, caption)', security: bearer, parameters: idPath(), responses: { 201: { description: 'The photo' }, 413: { description: 'Too large' }, 415: { description: 'Not a JPEG, PNG or WebP' }, ...unauthorized, ...errors } },
      },
      '/api/photos/{id}': { get: { summary: 'A photo (metadata stripped)', parameters: idPath(), responses: { 200: { description: 'Image' }, 404: { description: 'No such photo' } } } },
      '/api/photos/{id}/thumbnail': { get: { summary: 'A photo thumbnail (WebP, 320 px)', parameters: idPath(), responses: { 200: { description: 'Image' }, 404: { description: 'No such photo' } } } },
      '/health': { get: { summary: 'Liveness', responses: { 200: { description: 'ok' } } } },
    },
    components: {
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', description: 'A JWT from /v1/auth, or an API key' },
        apiKey: { type: 'apiKey', in: 'header', name: 'X-API-Key' },
        apiKeyQuery: { type: 'apiKey', in: 'query', name: 'key' },
      },
    },
  };
}

/** ev.energy telemetry routes: lists with keyset pages (Link header), single logs by time, feed ingestion. */
function telemetryPaths() {
  const path = (name: string) => ({ name, in: 'path', required: true, schema: { type: 'string' } });
  const pageHeaders = {
    Link: { description: 'rel="next" (older logs) and rel="prev previous" (newer logs) page URLs, when they exist', schema: { type: 'string' } },
    'EvEnergy-Version': { description: 'API version of the answer (2)', schema: { type: 'string' } },
    'X-RateLimit-Limit': { description: 'Requests per hour', schema: { type: 'integer' } },
    'X-RateLimit-Remaining': { description: 'Requests left this hour', schema: { type: 'integer' } },
  };
  const list = (s: z.ZodType, what: string) => ({ description: what, headers: pageHeaders, content: { 'application/json': { schema: jsonSchema(z.array(s)) } } });
  const report = { 200: json(IngestReportSchema, 'Stored; rejected records listed by position'), 400: json(IngestReportSchema, 'Nothing stored: every record (or the batch) was bad'), 403: { description: 'Not the feed token' } };
  const batchOf = (s: z.ZodType) => ({ required: true, content: { 'application/json': { schema: jsonSchema(z.union([z.array(s), z.object({ source: z.enum(['feed', 'simulator']).optional(), logs: z.array(s) })]), 'input') } } });
  const secured = { security: [{ bearer: [] }] };
  const notFound = { 404: json(NotFoundSchema, 'No such EVSE, vehicle or log') };
  return {
    '/v2/evses/status_logs': { post: { ...secured, summary: 'Extension: post EVSE status logs for many EVSEs (feed token)', requestBody: batchOf(EvseStatusLogInput), responses: report } },
    '/v2/evses/command_logs': { post: { ...secured, summary: 'Extension: post EVSE command logs for many EVSEs (feed token)', requestBody: batchOf(EvseCommandLogInput), responses: report } },
    '/v2/evses/{evse_id}': { get: { ...secured, summary: 'The EVSE (a PlugShare station) and its location', parameters: [path('evse_id')], responses: { 200: json(EvseSchema, 'EVSE'), ...notFound, ...unauthorized } } },
    '/v2/evses/{evse_id}/status_logs': {
      get: { ...secured, summary: 'ev.energy: status logs of an EVSE, newest first', parameters: [path('evse_id'), ...queryParameters(EvseStatusLogsQuery)], responses: { 200: list(EvseStatusLogSchema, 'Status logs'), ...notFound, ...unauthorized, ...errors } },
      post: { ...secured, summary: 'Extension: post status logs of this EVSE (feed token)', parameters: [path('evse_id')], requestBody: batchOf(EvseStatusLogInput), responses: report },
    },
    '/v2/evses/{evse_id}/status_logs/{sampled_at}': {
      get: { ...secured, summary: 'ev.energy: one status log of an EVSE', parameters: [path('evse_id'), path('sampled_at'), ...queryParameters(ExpandEvseQuery)], responses: { 200: json(EvseStatusLogSchema, 'Status log'), ...notFound, ...unauthorized, ...errors } },
    },
    '/v2/evses/{evse_id}/command_logs': {
      get: { ...secured, summary: 'ev.energy: command logs of an EVSE, newest first', parameters: [path('evse_id'), ...queryParameters(EvseCommandLogsQuery)], responses: { 200: list(EvseCommandLogSchema, 'Command logs'), ...notFound, ...unauthorized, ...errors } },
      post: { ...secured, summary: 'Extension: post command logs of this EVSE (feed token)', parameters: [path('evse_id')], requestBody: batchOf(EvseCommandLogInput), responses: report },
    },
    '/v2/evses/{evse_id}/command_logs/{logged_at}': {
      get: { ...secured, summary: 'ev.energy: one command log of an EVSE', parameters: [path('evse_id'), path('logged_at'), ...queryParameters(ExpandEvseQuery)], responses: { 200: json(EvseCommandLogSchema, 'Command log'), ...notFound, ...unauthorized, ...errors } },
    },
    '/v2/vehicles': {
      get: { ...secured, summary: "Extension: the signed-in driver's vehicles", responses: { 200: json(z.array(UserVehicleSchema), 'Vehicles'), ...unauthorized } },
      post: { ...secured, summary: 'Extension: register a vehicle whose telematics will post status logs', requestBody: { required: false, content: { 'application/json': { schema: jsonSchema(CreateVehicleBody, 'input') } } }, responses: { 201: json(UserVehicleSchema, 'Vehicle'), ...unauthorized } },
    },
    '/v2/vehicles/{vehicle_id}': { get: { ...secured, summary: 'Extension: one of my vehicles', parameters: [path('vehicle_id')], responses: { 200: json(UserVehicleSchema, 'Vehicle'), ...notFound, ...unauthorized } } },
    '/v2/vehicles/{vehicle_id}/status_logs': {
      get: { ...secured, summary: 'ev.energy: status logs of my vehicle, newest first', parameters: [path('vehicle_id'), ...queryParameters(VehicleStatusLogsQuery)], responses: { 200: list(VehicleStatusLogSchema, 'Status logs'), ...notFound, ...unauthorized, ...errors } },
      post: { ...secured, summary: "Extension: post my vehicle's status logs", parameters: [path('vehicle_id')], requestBody: batchOf(VehicleStatusLogInput), responses: { ...report, 403: { description: 'Not signed in' } } },
    },
    '/v2/vehicles/{vehicle_id}/status_logs/{sampled_at}': {
      get: { ...secured, summary: 'ev.energy: one status log of my vehicle', parameters: [path('vehicle_id'), path('sampled_at'), ...queryParameters(ExpandVehicleQuery)], responses: { 200: json(VehicleStatusLogSchema, 'Status log'), ...notFound, ...unauthorized, ...errors } },
    },
  };
}
