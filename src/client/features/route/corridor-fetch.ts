import { corridorChunks, encodePolyline } from '../../../shared/geo/polyline';
import type { LatLng } from '../../../shared/geo/types';
import type { CorridorPoi } from './corridor';

export const MAX_CORRIDOR = 1000;
/** The corridor is asked for in pieces of this length (7 for 1,000 km: within the browser's 6 connections and one more), each capped at its share of MAX_CORRIDOR. */
const PIECE_KM = 150;

type Post = (fields: Record<string, string>) => Promise<{ data: CorridorPoi[]; headers: Headers }>;

/**
 * Chargers within `km` of a (simplified) route: in pieces of about 150 km asked for in parallel by POST, each keeping
 * (up to its share of MAX_CORRIDOR, more than the 4 per 5 km the planner considers)
 * its most powerful chargers, so a dense corridor stays covered along its whole length instead of the cap going to
 * one city. `query` carries the map's filters.
 */
export async function fetchCorridor(line: LatLng[], km: number, query: Record<string, string>, post: Post): Promise<{ pois: CorridorPoi[]; total: number }> {
  const pieces = corridorChunks(line, km, PIECE_KM);
  const each = Math.max(100, Math.ceil(MAX_CORRIDOR / pieces.length));
  const answers = await Promise.all(
    pieces.map((piece) =>
      post({ ...query, polyline: encodePolyline(piece.points), distance: String(km), distanceunit: 'km', maxresults: String(each), compact: 'true', verbose: 'false', sortby: 'power_desc' }),
    ),
  );
  const byId = new Map<number, CorridorPoi>();
  let total = 0;
  for (const a of answers) {
    total += Number(a.headers.get('X-Total-Count') ?? a.data.length);
    for (const poi of a.data) byId.set(poi.ID, poi);
  }
  // Pieces share their joints, so the sum can count a few chargers twice; never below what was returned.
  return { pois: [...byId.values()], total: Math.max(total, byId.size) };
}
