import type { BBox, LatLng } from './types';

/** MapLibre's tile size: zoom z shows the world 512 · 2^z pixels wide. */
const TILE_SIZE = 512;
const MAX_MERCATOR_LAT = 85.051129;

const clampLat = (lat: number) => Math.max(-MAX_MERCATOR_LAT, Math.min(MAX_MERCATOR_LAT, lat));
const mercatorY = (lat: number) => (180 - (180 / Math.PI) * Math.log(Math.tan(Math.PI / 4 + (clampLat(lat) * Math.PI) / 360))) / 360;
const latOfY = (y: number) => (360 / Math.PI) * Math.atan(Math.exp(((180 - y * 360) * Math.PI) / 180)) - 90;

/**
 * The box a north-up, unpitched Web Mercator map of `width` × `height` CSS pixels shows at `center` and `zoom` —
 * what MapLibre's getBounds() answers for such a view. Lets the first view's data be asked for before the map
 * library has even loaded.
 */
export function viewportBounds(center: LatLng, zoom: number, width: number, height: number): BBox {
  const world = TILE_SIZE * 2 ** zoom;
  const x = ((center[1] + 180) / 360) * world;
  const y = mercatorY(center[0]) * world;
  return {
    west: ((x - width / 2) / world) * 360 - 180,
    east: ((x + width / 2) / world) * 360 - 180,
    north: clampLat(latOfY((y - height / 2) / world)),
    south: clampLat(latOfY((y + height / 2) / world)),
  };
}
