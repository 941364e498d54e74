import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createTestApp } from './test/test-app';
import { OcmPoiQuerySchema } from '../shared/api/ocm-poi-query';
import { OcmPoiSchema, PlugShareLocationSchema } from '../shared/api/responses';
import { ClusterFeatureCollectionSchema } from '../shared/api/map-points';

let t: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  t = await createTestApp();
});

describe('OpenAPI document', () => {
  it('lists every route and every OCM /v3/poi parameter with a description', async () => {
    const res = await t.get('/openapi.json');
    expect(res.status).toBe(200);
    const doc = (await res.json()) as { openapi: string; paths: Record<string, { get: { parameters?: Array<{ name: string; description?: string; required: boolean }> } }> };
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/v3/poi', '/v3/referencedata', '/api/locations', '/api/locations/nearby', '/api/locations/{id}', '/api/clusters']));
    const params = doc.paths['/v3/poi'].get.parameters ?? [];
    expect(params.map((p) => p.name).sort()).toEqual(Object.keys(OcmPoiQuerySchema.shape).sort());
    expect(params.every((p) => p.description && !p.required)).toBe(true);
    const clusters = doc.paths['/api/clusters'].get.parameters ?? [];
    expect(clusters.filter((p) => p.required).map((p) => p.name).sort()).toEqual(['boundingbox', 'zoom']);
  });
});

describe('responses match the shared zod contract', () => {
  it('OCM POIs (verbose and with distance)', async () => {
    const res = await t.get('/v3/poi?boundingbox=(40.80,-74.05),(40.70,-73.90)&latitude=40.75&longitude=-73.98&maxresults=50');
    z.array(OcmPoiSchema).parse(await res.json());
  });
  it('PlugShare locations, nearby and detail', async () => {
    const list = z.array(PlugShareLocationSchema).parse(await (await t.get('/api/locations/nearby?latitude=40.758&longitude=-73.9855&count=40')).json());
    PlugShareLocationSchema.parse(await (await t.get(`/api/locations/${list[0].id}`)).json());
    z.array(PlugShareLocationSchema).parse(await (await t.get('/api/locations?latitude=51.5&longitude=-0.12&spanLat=0.5&spanLng=0.8&count=40')).json());
  });
  it('clusters', async () => {
    ClusterFeatureCollectionSchema.parse(await (await t.get('/api/clusters?boundingbox=(40.4,-79.8),(45.1,-71.8)&zoom=7')).json());
  });
});
