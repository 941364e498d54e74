import type { FeatureCollection, Point } from 'geojson';
import { powerClass, type PowerClass } from '../../../shared/power-class';

export type LocationStatus = 'operational' | 'not_operational' | 'planned' | 'unknown';

/** OCM status type → the four states the map shows. Temporarily unavailable counts as not operational for drivers. */
export function statusOf(statusTypeId: number | null | undefined): LocationStatus {
  if (statusTypeId === 150) return 'planned';
  if (statusTypeId === 30 || statusTypeId === 100 || statusTypeId === 200 || statusTypeId === 210) return 'not_operational';
  if (statusTypeId === 10 || statusTypeId === 20 || statusTypeId === 50 || statusTypeId === 75) return 'operational';
  return 'unknown';
}

export interface CompactPoi {
  ID: number;
  DataProviderID?: number;
  StatusTypeID?: number | null;
  AddressInfo: { Latitude: number; Longitude: number; Title: string };
  Connections?: Array<{ PowerKW?: number | null }>;
  /** Live availability extension (absent when no EVSE of the location ever reported). */
  Availability?: { StatusID: number; IsSimulated: boolean };
}

export interface ChargerProperties {
  id: number;
  name: string;
  power_class: PowerClass | null;
  max_power_kw: number | null;
  status: LocationStatus;
  /** OCM data provider id, for crediting the sources on screen. */
  provider: number | null;
  /** Live availability: 1 available, 2 in use, 3 offline; 0 stale or never reported. */
  availability: number;
  simulated: boolean;
  point_count?: number;
}

/** OCM compact POIs → GeoJSON points for the map (coordinates are [lng, lat]). */
export function poisToFeatures(pois: CompactPoi[]): FeatureCollection<Point, ChargerProperties> {
  return {
    type: 'FeatureCollection',
    features: pois.map((p) => {
      const powers = (p.Connections ?? []).map((c) => c.PowerKW ?? 0).filter((kw) => kw > 0);
      const max = powers.length > 0 ? Math.max(...powers) : null;
      return {
        type: 'Feature',
        id: p.ID,
        geometry: { type: 'Point', coordinates: [p.AddressInfo.Longitude, p.AddressInfo.Latitude] },
        properties: { id: p.ID, name: p.AddressInfo.Title, power_class: powerClass(max), max_power_kw: max, status: statusOf(p.StatusTypeID), provider: p.DataProviderID ?? null, availability: p.Availability?.StatusID ?? 0, simulated: p.Availability?.IsSimulated ?? false },
      };
    }),
  };
}
