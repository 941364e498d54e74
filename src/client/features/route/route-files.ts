import { gpx } from '@tmcw/togeojson';
import type { Geometry } from 'geojson';
import { decodePolyline } from '../../../shared/geo/polyline';
import type { LatLng } from '../../../shared/geo/types';

/** The lines of a geometry, as [lat, lng] lists. */
function linesOf(g: Geometry | null | undefined): LatLng[][] {
  if (!g) return [];
  switch (g.type) {
    case 'LineString':
      return [g.coordinates.map(([lng, lat]) => [lat, lng] as LatLng)];
    case 'MultiLineString':
      return g.coordinates.map((l) => l.map(([lng, lat]) => [lat, lng] as LatLng));
    case 'GeometryCollection':
      return g.geometries.flatMap(linesOf);
    default:
      return [];
  }
}

const valid = (line: LatLng[]) => line.length >= 2 && line.every(([lat, lng]) => Math.abs(lat) <= 90 && Math.abs(lng) <= 180);

/**
 * A route from what a driver pastes or imports: an encoded polyline (Google / OSRM, precision 5), GPX (tracks or
 * routes, via @tmcw/togeojson) or GeoJSON (LineString, MultiLineString, a Feature or FeatureCollection of them).
 * Several lines are joined in order. Throws an Error saying what was wrong.
 */
export function routeFromText(text: string): LatLng[] {
  const t = text.trim();
  if (t.startsWith('<')) {
    const doc = new DOMParser().parseFromString(t, 'application/xml');
    if (doc.getElementsByTagName('parsererror').length > 0) throw new Error('This GPX file is not valid XML.');
    const line = gpx(doc).features.flatMap((f) => linesOf(f.geometry)).flat();
    if (!valid(line)) throw new Error('No track or route with at least two points in this GPX file.');
    return line;
  }
  if (t.startsWith('{')) {
    let doc: { type?: string; geometry?: Geometry; features?: Array<{ geometry?: Geometry }> };
    try {
      doc = JSON.parse(t) as typeof doc;
    } catch {
      throw new Error('This GeoJSON is not valid JSON.');
    }
    const geometries = doc.type === 'FeatureCollection' ? (doc.features ?? []).map((f) => f.geometry) : doc.type === 'Feature' ? [doc.geometry] : [doc as unknown as Geometry];
    const line = geometries.flatMap(linesOf).flat();
    if (!valid(line)) throw new Error('No LineString with at least two points in this GeoJSON.');
    return line;
  }
  const line = decodePolyline(t);
  if (!line || !valid(line)) throw new Error('Not an encoded polyline (Google / OSRM format), GPX or GeoJSON.');
  return line;
}

const xml = (s: string) => s.replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c] as string);

export interface GpxStop {
  name: string;
  latitude: number;
  longitude: number;
  description: string;
}

/** GPX 1.1: the route as a track, the charging stops as waypoints (state of charge and time in the description). */
export function planToGpx(line: LatLng[], stops: GpxStop[], name: string): string {
  const wpts = stops
    .map((s) => `  <wpt lat="${s.latitude.toFixed(6)}" lon="${s.longitude.toFixed(6)}"><name>${xml(s.name)}</name><desc>${xml(s.description)}</desc></wpt>`)
    .join('\n');
  const trkpts = line.map(([lat, lng]) => `      <trkpt lat="${lat.toFixed(6)}" lon="${lng.toFixed(6)}"/>`).join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<gpx version="1.1" creator="EV charging map" xmlns="http://www.topografix.com/GPX/1/1">
  <metadata><name>${xml(name)}</name></metadata>
${wpts}
  <trk><name>${xml(name)}</name><trkseg>
${trkpts}
  </trkseg></trk>
</gpx>
`;
}

export function download(filename: string, type: string, content: string) {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
