import CheapRuler from 'cheap-ruler';
import { haversineKm } from './distance';
import type { LatLng } from './types';

/**
 * Measures points against a route: how far along it (from its start) their nearest point on the route is, and how far
 * off the route they are. Each segment uses cheap-ruler's flat-earth scale at its own latitude.
 */
export function routeMeasure(line: readonly LatLng[]) {
  const segs: Array<{ ruler: CheapRuler; a: [number, number]; b: [number, number]; startKm: number; km: number; minX: number; maxX: number; minY: number; maxY: number }> = [];
  let total = 0;
  for (let i = 1; i < line.length; i++) {
    const a: [number, number] = [line[i - 1][1], line[i - 1][0]];
    const b: [number, number] = [line[i][1], line[i][0]];
    const ruler = new CheapRuler((a[1] + b[1]) / 2, 'kilometers');
    const km = ruler.distance(a, b);
    segs.push({ ruler, a, b, startKm: total, km, minX: Math.min(a[0], b[0]), maxX: Math.max(a[0], b[0]), minY: Math.min(a[1], b[1]), maxY: Math.max(a[1], b[1]) });
    total += km;
  }
  return {
    lengthKm: total,
    locate(p: LatLng): { alongKm: number; offKm: number } {
      if (segs.length === 0) return { alongKm: 0, offKm: line.length ? new CheapRuler(p[0], 'kilometers').distance([p[1], p[0]], [line[0][1], line[0][0]]) : 0 };
      let best = { alongKm: 0, offKm: Infinity };
      const pt: [number, number] = [p[1], p[0]];
      for (const s of segs) {
        // A segment whose box is already farther than the best match cannot be nearer.
        const dx = Math.max(s.minX - pt[0], 0, pt[0] - s.maxX) * s.ruler.kx;
        const dy = Math.max(s.minY - pt[1], 0, pt[1] - s.maxY) * s.ruler.ky;
        if (dx * dx + dy * dy >= best.offKm * best.offKm) continue;
        const on = s.ruler.pointOnLine([s.a, s.b], pt);
        const off = s.ruler.distance(pt, on.point);
        if (off < best.offKm) best = { alongKm: s.startKm + on.t * s.km, offKm: off };
      }
      return best;
    },
  };
}

/**
 * Where a new waypoint goes: between the two consecutive waypoints it lengthens the route least, or before the
 * first / after the last when that adds less.
 */
export function insertionIndex(waypoints: readonly LatLng[], p: LatLng): number {
  if (waypoints.length < 2) return waypoints.length;
  const d = (a: LatLng, b: LatLng) => haversineKm(a, b);
  let best = waypoints.length;
  let cost = d(waypoints[waypoints.length - 1], p);
  if (d(p, waypoints[0]) < cost) {
    best = 0;
    cost = d(p, waypoints[0]);
  }
  for (let i = 0; i + 1 < waypoints.length; i++) {
    const added = d(waypoints[i], p) + d(p, waypoints[i + 1]) - d(waypoints[i], waypoints[i + 1]);
    if (added < cost) {
      best = i + 1;
      cost = added;
    }
  }
  return best;
}
