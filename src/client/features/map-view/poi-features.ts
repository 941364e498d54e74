import type { FeatureCollection, Point } from 'geojson';
import { powerClass } from '../../../shared/power-class';
import { statusOf } from '../../../shared/location-status';
import type { ChargerProperties } from '../../../shared/api/map-points';

export interface CompactPoi {
  ID: number;
  DataProviderID?: number;
  StatusTypeID?: number | null;
  AddressInfo: { Latitude: number; Longitude: number; Title: string };
  Connections?: Array<{ PowerKW?: number | null }>;
  /** Live availability extension (absent when no EVSE of the location ever reported). */
  Availability?: { StatusID: number; IsSimulated: boolean };
}

/** OCM compact POIs → GeoJSON points with the map's properties and the name (coordinates are [lng, lat]). */
export function poisToFeatures(pois: CompactPoi[]): FeatureCollection<Point, ChargerProperties & { name: string }> {
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
