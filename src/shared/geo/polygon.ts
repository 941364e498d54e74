import inside from 'point-in-polygon-hao';
import type { LatLng } from './types';

/** Closes a ring (OCM: "Polygon will be automatically closed from the last point to the first point"). */
export function closeRing(ring: readonly LatLng[]): LatLng[] {
  const first = ring[0];
  const last = ring[ring.length - 1];
  return first[0] === last[0] && first[1] === last[1] ? [...ring] : [...ring, first];
}

/** Point-in-polygon test for many points against one ring of [lat, lng] pairs (auto-closed; boundary counts as inside). */
export function polygonTester(ring: readonly LatLng[]): (p: LatLng) => boolean {
  const closed = [closeRing(ring).map(([lat, lng]) => [lng, lat])];
  return (p) => inside([p[1], p[0]], closed) !== false;
}
