import simplify from 'simplify-js';
import type { LatLng } from './types';

const KM_PER_DEG = 111.32;

/**
 * Simplifies a route (Douglas–Peucker, simplify-js) to at most `maxPoints`, starting at `toleranceKm` and doubling it
 * until the line is short enough. Longitudes are scaled by the route's mean latitude so the tolerance is in km.
 */
export function simplifyLine(line: readonly LatLng[], toleranceKm = 0.05, maxPoints = 1000): LatLng[] {
  if (line.length <= 2) return [...line];
  const meanLat = line.reduce((s, p) => s + p[0], 0) / line.length;
  const kx = Math.cos((meanLat * Math.PI) / 180) * KM_PER_DEG;
  const pts = line.map((p) => ({ x: p[1] * kx, y: p[0] * KM_PER_DEG }));
  let tolerance = toleranceKm;
  for (;;) {
    const out = simplify(pts, tolerance, true);
    if (out.length <= maxPoints || tolerance > 1000) return out.map((p) => [p.y / KM_PER_DEG, p.x / kx] as LatLng);
    tolerance *= 2;
  }
}
