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
  /** Index of the chunk's first vertex in the line. */
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
    const seg = haversineKm(line[i - 1], line[i]);
    if (km + seg > maxChunkKm && points.length > 1) {
      chunks.push({ start, points, box: expandBBox(bboxOf(points), widthKm) });
      start = i - 1;
      points = [line[i - 1]];
      km = 0;
    }
    points.push(line[i]);
    km += seg;
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
  let best = Infinity;
  const pt: [number, number] = [p[1], p[0]];
  for (let i = 1; i < line.length; i++) {
    const a = line[i - 1];
    const b = line[i];
    const ruler = new CheapRuler((a[0] + b[0]) / 2, 'kilometers');
    const d = ruler.pointToSegmentDistance(pt, [a[1], a[0]], [b[1], b[0]]);
    if (d < best) best = d;
  }
  return best;
}
