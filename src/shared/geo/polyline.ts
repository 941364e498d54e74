import polyline from '@mapbox/polyline';
import CheapRuler from 'cheap-ruler';
import { bboxOf, expandBBox } from './bbox';
import { haversineKm } from './distance';
import type { BBox, LatLng } from './types';

/**
 * Decodes a Google/OSRM encoded polyline (precision 5) into [lat, lng] pairs, or null when the text is not a
 * valid encoding (characters outside the alphabet, a truncated chunk, or coordinates out of range).
 */
export function decodePolyline(encoded: string): LatLng[] | null {
  if (encoded.length === 0) return null;
  for (let i = 0; i < encoded.length; i++) {
    const c = encoded.charCodeAt(i) - 63;
    if (c < 0 || c > 63) return null;
  }
  // The last character of every value has the continuation bit (0x20) clear; a trailing set bit means truncation.
  if (((encoded.charCodeAt(encoded.length - 1) - 63) & 0x20) !== 0) return null;
  let points: [number, number][];
  try {
    points = polyline.decode(encoded);
  } catch {
    return null;
  }
  if (points.length === 0) return null;
  for (const [lat, lng] of points) {
    if (!Number.isFinite(lat) || !Number.isFinite(lng) || Math.abs(lat) > 90 || Math.abs(lng) > 180) return null;
  }
  return points;
}

export const encodePolyline = (points: readonly LatLng[]) => polyline.encode(points as [number, number][]);

/** Length of a line in km (haversine per segment). */
export function lineLengthKm(line: readonly LatLng[]): number {
  let km = 0;
  for (let i = 1; i < line.length; i++) km += haversineKm(line[i - 1], line[i]);
  return km;
}

export interface CorridorChunk {
  /** Index in the line of the vertex at or before the chunk's first point (long segments are cut into chunks). */
  start: number;
  points: LatLng[];
  /** Bounding box of the chunk grown by the corridor width. */
  box: BBox;
}

/**
 * Splits a route into consecutive pieces of at most `maxChunkKm`, each with a search box grown by `widthKm`.
 * Small boxes keep the spatial-index query tight on long diagonal routes, where one box would hold a whole region.
 */
export function corridorChunks(line: readonly LatLng[], widthKm: number, maxChunkKm = 25): CorridorChunk[] {
  if (line.length === 1) return [{ start: 0, points: [line[0]], box: expandBBox(bboxOf(line), widthKm) }];
  const chunks: CorridorChunk[] = [];
  let start = 0;
  let points: LatLng[] = [line[0]];
  let km = 0;
  for (let i = 1; i < line.length; i++) {
    const a = line[i - 1];
    const b = line[i];
    const seg = haversineKm(a, b);
    // A long segment (a straight line between far waypoints) is cut at even steps of at most a quarter chunk,
    // straight in latitude and longitude as the distance tests take it, so that chunks keep close to maxChunkKm and
    // no box grows with the segment: one box around a 150 km diagonal holds ten times the corridor's area.
    const parts = Math.max(1, Math.ceil(seg / (maxChunkKm / 4)));
    for (let p = 1; p <= parts; p++) {
      const q: LatLng = p === parts ? b : [a[0] + ((b[0] - a[0]) * p) / parts, a[1] + ((b[1] - a[1]) * p) / parts];
      const step = seg / parts;
      if (km + step > maxChunkKm && points.length > 1) {
        chunks.push({ start, points, box: expandBBox(bboxOf(points), widthKm) });
        start = i - 1;
        points = [points[points.length - 1]];
        km = 0;
      }
      points.push(q);
      km += step;
    }
  }
  chunks.push({ start, points, box: expandBBox(bboxOf(points), widthKm) });
  return chunks;
}

/**
 * Distance in km from a point to a line, with cheap-ruler's local flat-earth approximation taken at each segment's
 * latitude (error well under 1 % at corridor widths up to 100 km).
 */
export function distanceToLineKm(p: LatLng, line: readonly LatLng[]): number {
  if (line.length === 1) return haversineKm(p, line[0]);
  return lineProximity(line).distanceKm(p[0], p[1]);
}

/**
 * Prepared distance tests against one line (e.g. a corridor chunk): each segment's flat-earth scale is computed
 * once, and `within` stops at the first segment close enough.
 */
export function lineProximity(line: readonly LatLng[]) {
  const segs = line.length === 1 ? [{ a: line[0], b: line[0] }] : line.slice(1).map((b, i) => ({ a: line[i], b }));
  const prepared = segs.map(({ a, b }) => {
    const ruler = new CheapRuler((a[0] + b[0]) / 2, 'kilometers');
    const [kx, ky] = [ruler.kx, ruler.ky];
    return {
      ruler,
      a: [a[1], a[0]] as [number, number],
      b: [b[1], b[0]] as [number, number],
      // Segment bounds in degrees, for a cheap rejection before the exact distance.
      minLat: Math.min(a[0], b[0]),
      maxLat: Math.max(a[0], b[0]),
      minLng: Math.min(a[1], b[1]),
      maxLng: Math.max(a[1], b[1]),
      kx,
      ky,
    };
  });
  const grown = new Float64Array(prepared.length * 4);
  let grownFor = NaN;
  return {
    distanceKm(lat: number, lng: number): number {
      let best = Infinity;
      for (const s of prepared) {
        const d = s.ruler.pointToSegmentDistance([lng, lat], s.a, s.b);
        if (d < best) best = d;
      }
      return best;
    },
    within(lat: number, lng: number, km: number): boolean {
      // Each segment's box grown by km (in degrees at its latitude), computed once per width: a corridor query asks
      // this for tens of thousands of candidates with the same width.
      if (km !== grownFor) {
        grownFor = km;
        prepared.forEach((s, k) => {
          grown[k * 4] = s.minLat - km / s.ky;
          grown[k * 4 + 1] = s.maxLat + km / s.ky;
          grown[k * 4 + 2] = s.minLng - km / s.kx;
          grown[k * 4 + 3] = s.maxLng + km / s.kx;
        });
      }
      for (let k = 0; k < prepared.length; k++) {
        // Outside the grown box means farther than km.
        if (lat < grown[k * 4] || lat > grown[k * 4 + 1] || lng < grown[k * 4 + 2] || lng > grown[k * 4 + 3]) continue;
        const s = prepared[k];
        if (s.ruler.pointToSegmentDistance([lng, lat], s.a, s.b) <= km) return true;
      }
      return false;
    },
  };
}
