import { decodePolyline, encodePolyline, lineLengthKm } from '../../shared/geo/polyline';
import type { LatLng } from '../../shared/geo/types';
import type { RouteResponse } from '../../shared/api/route';

export interface RouterOptions {
  /** Base URL of an OSRM-compatible service, e.g. https://router.project-osrm.org; none = straight lines. */
  url?: string;
  profile: string;
  timeoutMs: number;
  fetch?: typeof fetch;
}

const straight = (points: readonly LatLng[], notice: string): RouteResponse => ({
  source: 'straight',
  polyline: encodePolyline(points),
  distance_km: Math.round(lineLengthKm(points) * 10) / 10,
  duration_min: null,
  notice,
});

/**
 * Road routing through an OSRM-compatible `/route/v1/{profile}/{lng,lat;…}` service when one is configured and
 * answers; otherwise straight segments between the waypoints, with a notice saying why.
 */
export async function routeThrough(points: readonly LatLng[], options: RouterOptions): Promise<RouteResponse> {
  if (!options.url) return straight(points, 'No road routing service is configured (OSRM_URL): the route is straight lines between your points.');
  const coords = points.map(([lat, lng]) => `${lng.toFixed(6)},${lat.toFixed(6)}`).join(';');
  const url = `${options.url.replace(/\/+$/, '')}/route/v1/${encodeURIComponent(options.profile)}/${coords}?overview=full&geometries=polyline&steps=false`;
  try {
    const res = await (options.fetch ?? fetch)(url, { signal: AbortSignal.timeout(options.timeoutMs) });
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    const body = (await res.json()) as { code?: string; message?: string; routes?: Array<{ geometry?: string; distance?: number; duration?: number }> };
    const route = body.routes?.[0];
    const line = typeof route?.geometry === 'string' ? decodePolyline(route.geometry) : null;
    if (body.code !== 'Ok' || !route || !line || line.length < 2) throw new Error(body.message ?? body.code ?? 'no route');
    return {
      source: 'osrm',
      polyline: route.geometry as string,
      distance_km: Math.round(((route.distance ?? lineLengthKm(line) * 1000) / 1000) * 10) / 10,
      duration_min: typeof route.duration === 'number' ? Math.round(route.duration / 6) / 10 : null,
      notice: null,
    };
  } catch (err) {
    return straight(points, `The road routing service did not answer (${(err as Error).message}): the route is straight lines between your points.`);
  }
}
