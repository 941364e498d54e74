import type { LatLng } from './types';

export const EARTH_RADIUS_KM = 6371.0088;
export const KM_PER_MILE = 1.609344;
const rad = Math.PI / 180;

/** Great-circle distance (haversine), accurate to ~0.5 % anywhere: used for sorting and reported distances. */
export function haversineKm(a: LatLng, b: LatLng): number {
  const dLat = (b[0] - a[0]) * rad;
  const dLng = (b[1] - a[1]) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a[0] * rad) * Math.cos(b[0] * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Initial compass bearing from a to b in degrees, 0 = north, clockwise, in [0, 360). */
export function bearingDeg(a: LatLng, b: LatLng): number {
  const φ1 = a[0] * rad;
  const φ2 = b[0] * rad;
  const Δλ = (b[1] - a[1]) * rad;
  const y = Math.sin(Δλ) * Math.cos(φ2);
  const x = Math.cos(φ1) * Math.sin(φ2) - Math.sin(φ1) * Math.cos(φ2) * Math.cos(Δλ);
  return (Math.atan2(y, x) / rad + 360) % 360;
}

export const milesToKm = (mi: number) => mi * KM_PER_MILE;
export const kmToMiles = (km: number) => km / KM_PER_MILE;
