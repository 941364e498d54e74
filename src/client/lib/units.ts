import { kmToMiles } from '../../shared/geo/distance';

export type DistanceUnit = 'km' | 'mi';

/** A distance for people: two decimals under 10, one under 100, whole above; in the chosen unit. */
export function formatDistance(km: number, unit: DistanceUnit): string {
  const v = unit === 'km' ? km : kmToMiles(km);
  const digits = v < 10 ? 2 : v < 100 ? 1 : 0;
  return `${v.toFixed(digits)} ${unit}`;
}
