import type { BBox, LatLng } from './types';

const KM_PER_DEG_LAT = 111.32;

/** A box around `center` that contains every point within `km` (great-circle), clamped at the poles. */
export function bboxAround(center: LatLng, km: number): BBox {
  const dLat = km / KM_PER_DEG_LAT;
  const south = Math.max(-90, center[0] - dLat);
  const north = Math.min(90, center[0] + dLat);
  const maxAbsLat = Math.max(Math.abs(south), Math.abs(north));
  if (maxAbsLat >= 89.9) return { south, north, west: -180, east: 180 };
  const dLng = km / (KM_PER_DEG_LAT * Math.cos((maxAbsLat * Math.PI) / 180));
  if (dLng >= 180) return { south, north, west: -180, east: 180 };
  return { south, north, west: wrapLng(center[1] - dLng), east: wrapLng(center[1] + dLng) };
}

export const wrapLng = (lng: number) => ((((lng + 180) % 360) + 360) % 360) - 180;

/** Boxes whose west edge is east of their east edge cross the antimeridian. */
export const crossesAntimeridian = (b: BBox) => b.west > b.east;

export function bboxContains(b: BBox, p: LatLng): boolean {
  if (p[0] < b.south || p[0] > b.north) return false;
  return crossesAntimeridian(b) ? p[1] >= b.west || p[1] <= b.east : p[1] >= b.west && p[1] <= b.east;
}

/** Bounding box of points (no antimeridian handling: routes and polygons are expected not to cross it). */
export function bboxOf(points: readonly LatLng[]): BBox {
  let south = 90, north = -90, west = 180, east = -180;
  for (const [lat, lng] of points) {
    if (lat < south) south = lat;
    if (lat > north) north = lat;
    if (lng < west) west = lng;
    if (lng > east) east = lng;
  }
  return { south, west, north, east };
}

/** Grows a box by `km` on every side. */
export function expandBBox(b: BBox, km: number): BBox {
  const sw = bboxAround([b.south, b.west], km);
  const ne = bboxAround([b.north, b.east], km);
  return { south: sw.south, west: sw.west, north: ne.north, east: ne.east };
}

/** Parses OCM's `boundingbox=(lat,lng),(lat2,lng2)`: any two opposite corners, in either order. */
export function parseOcmBoundingBox(value: string): BBox | null {
  const m = /^\s*\(\s*(-?\d+(?:\.\d+)?)\s*,\s*(-?\d+(?:\.\d+)?)\s*\)\s*,\s*\(\s*(-?\d+(?:\.\d+)?)\s*,\s*(-?\d+(?:\.\d+)?)\s*\)\s*$/.exec(value);
  if (!m) return null;
  const [lat1, lng1, lat2, lng2] = m.slice(1, 5).map(Number);
  if ([lat1, lat2].some((v) => v < -90 || v > 90) || [lng1, lng2].some((v) => v < -180 || v > 180)) return null;
  return { south: Math.min(lat1, lat2), north: Math.max(lat1, lat2), west: Math.min(lng1, lng2), east: Math.max(lng1, lng2) };
}
