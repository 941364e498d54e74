import fs from 'node:fs';
import path from 'node:path';

/** Written last by build-basemap: its presence, with this version, says public/basemap is complete and current. */
export const BASEMAP_MARKER = 'basemap.json';
/** Bump when the basemap's files change shape, so existing checkouts rebuild it (2: vector tiles instead of GeoJSON). */
export const BASEMAP_VERSION = 2;

export function basemapIsCurrent(dir: string): boolean {
  try {
    return (JSON.parse(fs.readFileSync(path.join(dir, BASEMAP_MARKER), 'utf8')) as { version?: number }).version === BASEMAP_VERSION;
  } catch {
    return false;
  }
}
