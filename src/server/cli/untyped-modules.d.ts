// Minimal types for build-time modules that ship none (used by build-basemap.ts only).
declare module 'd3-geo-projection' {
  import type { GeoProjection } from 'd3-geo';
  export function geoProject(object: unknown, projection: GeoProjection): unknown;
}
declare module '@mapbox/geojson-rewind' {
  export default function rewind<T>(geojson: T, clockwise?: boolean): T;
}
