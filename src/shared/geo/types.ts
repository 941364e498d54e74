/** [latitude, longitude] in degrees, the order encoded polylines use. */
export type LatLng = readonly [number, number];

export interface BBox {
  south: number;
  west: number;
  north: number;
  east: number;
}
