import type { LatLng } from './types';

const EARTH_RADIUS_KM = 6371.0088;

/** The point `km` away from `from` on a great circle at `bearingDeg` (clockwise from north). */
export function destination(from: LatLng, km: number, bearingDeg: number): LatLng {
  const rad = Math.PI / 180;
  const d = km / EARTH_RADIUS_KM;
  const b = bearingDeg * rad;
  const lat1 = from[0] * rad;
  const lng1 = from[1] * rad;
  const lat2 = Math.asin(Math.sin(lat1) * Math.cos(d) + Math.cos(lat1) * Math.sin(d) * Math.cos(b));
  const lng2 = lng1 + Math.atan2(Math.sin(b) * Math.sin(d) * Math.cos(lat1), Math.cos(d) - Math.sin(lat1) * Math.sin(lat2));
  return [lat2 / rad, ((((lng2 / rad) + 540) % 360) - 180)];
}

/** A closed GeoJSON ring ([lng, lat] pairs) of points `km` from `center`. */
export function circleRing(center: LatLng, km: number, steps = 96): Array<[number, number]> {
  const ring: Array<[number, number]> = [];
  for (let i = 0; i <= steps; i++) {
    const [lat, lng] = destination(center, km, (360 * (i % steps)) / steps);
    ring.push([lng, lat]);
  }
  return ring;
}
