import type { AppEnv } from '../../auth/caller';
import { OPEN_DATA_SOURCE } from '../../tariffs/derive-tariffs';
import { Hono, type Context } from 'hono';
import { PlugShareNearbyQuery, PlugShareRegionQuery } from '../../../shared/api/plugshare-query';
import { paramErrors } from '../../../shared/api/query-params';
import { bearingDeg } from '../../../shared/geo/distance';
import { wrapLng } from '../../../shared/geo/bbox';
import type { AppDeps } from '../../app-deps';
import { badRequest, notFound } from '../http-errors';
import { TOTAL_COUNT_HEADER } from '../ocm/poi.routes';
import { plugshareFilters } from './filters';
import { toPlugShareLocation } from './location-serializer';
import { plugsharePhoto, plugshareReview } from '../checkin-serializers';

const query = (c: Context) => Object.fromEntries(Object.entries(c.req.queries()).map(([k, v]) => [k, v[0]]));

export const baseUrlOf = (c: Context, configured?: string) => configured?.replace(/\/$/, '') ?? new URL(c.req.url).origin;

/** PlugShare-shaped locations API (location → stations → outlets). */
export function plugshareRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>({ strict: false });
  const ctx = (c: Context) => ({ refs: deps.references.all(), baseUrl: baseUrlOf(c, deps.env.PUBLIC_BASE_URL), scores: deps.checkins.scores(), live: deps.availability });

  app.get('/locations/nearby', (c) => {
    const parsed = PlugShareNearbyQuery.safeParse(query(c));
    if (!parsed.success) return badRequest(c, paramErrors(parsed.error));
    const q = parsed.data;
    const origin = [q.latitude, q.longitude] as const;
    const result = deps.locations.search({
      ...plugshareFilters(q),
      area: { kind: 'radius', center: [q.latitude, q.longitude], km: q.radius / 1000 },
      origin: [q.latitude, q.longitude],
      sort: 'distance',
      limit: q.count,
    });
    const details = new Map(deps.locations.details(result.hits.map((h) => h.id)).map((d) => [d.id, d]));
    const sc = ctx(c);
    c.header(TOTAL_COUNT_HEADER, String(result.total));
    return c.json(
      result.hits.map((h) =>
        toPlugShareLocation(details.get(h.id)!, sc, { distanceKm: h.distanceKm, bearing: bearingDeg(origin, [h.latitude, h.longitude]) }),
      ),
    );
  });

  /** The location named in the path, or the 400 / 404 response. */
  const locationOf = (c: Context) => {
    const raw = c.req.param('id') ?? '';
    if (!/^\d{1,15}$/.test(raw)) return badRequest(c, [{ parameter: 'id', message: 'expected a numeric location id' }]);
    const [location] = deps.locations.details([Number(raw)]);
    return location ?? notFound(c, `No location with id ${raw}`);
  };

  // Extension: occupancy by local hour of week (status logs of the last 30 days plus check-ins).
  app.get('/locations/:id/occupancy', (c) => {
    const location = locationOf(c);
    if (location instanceof Response) return location;
    return c.json(deps.telemetry.occupancy(location));
  });

  app.get('/locations/:id', (c) => {
    const location = locationOf(c);
    if (location instanceof Response) return location;
    const sc = ctx(c);
    const photos = deps.checkins.photosForLocations([location.id]).get(location.id) ?? [];
    const community = {
      reviews: (deps.checkins.forLocations([location.id]).get(location.id) ?? []).map((r) => plugshareReview(r, sc.refs, photos, sc.baseUrl)),
      photos: photos.map((p) => plugsharePhoto(p, sc.baseUrl)),
      stats: deps.checkins.stats(location.id),
    };
    const t = deps.tariffs.locationTariff(location.id);
    const tariff = t && {
      text: t.source_text,
      text_date: t.text_date,
      status: t.status,
      currency: t.currency,
      per_kwh: t.per_kwh,
      per_hour: t.per_hour,
      session_fee: t.session_fee,
      idle_per_hour: t.idle_per_hour,
      parking_per_hour: t.parking_per_hour,
      parking_fee_applies: t.parking_fee_applies === 1,
      notes: JSON.parse(t.notes) as string[],
    };
    // Prices the location's own text gives are in `tariff`; networks imported for its operator add theirs.
    const networkRates =
      location.operator_id === null ? [] : deps.networks.ofOperator(location.operator_id, { registered: c.get('caller').level !== 'public', status: 'current' }).filter((n) => n.source !== OPEN_DATA_SOURCE);
    return c.json({ ...toPlugShareLocation(location, sc, { detail: true, community }), tariff: tariff ?? null, network_rates: networkRates });
  });

  app.get('/locations', (c) => {
    const parsed = PlugShareRegionQuery.safeParse(query(c));
    if (!parsed.success) return badRequest(c, paramErrors(parsed.error));
    const q = parsed.data;
    const south = Math.max(-90, q.latitude - q.spanLat / 2);
    const north = Math.min(90, q.latitude + q.spanLat / 2);
    const box = q.spanLng >= 360 ? { south, north, west: -180, east: 180 } : { south, north, west: wrapLng(q.longitude - q.spanLng / 2), east: wrapLng(q.longitude + q.spanLng / 2) };
    const result = deps.locations.search({ ...plugshareFilters(q), area: { kind: 'bbox', box }, sort: 'power_desc', limit: q.count });
    const details = new Map(deps.locations.details(result.hits.map((h) => h.id)).map((d) => [d.id, d]));
    const sc = ctx(c);
    c.header(TOTAL_COUNT_HEADER, String(result.total));
    return c.json(result.hits.map((h) => toPlugShareLocation(details.get(h.id)!, sc)));
  });

  return app;
}
