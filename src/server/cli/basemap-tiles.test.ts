import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import { describe, expect, it } from 'vitest';
import { writeVectorTiles } from './basemap-tiles';

const read = (dir: string, z: number, x: number, y: number) => new VectorTile(new PbfReader(fs.readFileSync(path.join(dir, `${z}/${x}/${y}.pbf`))));

describe('writeVectorTiles', () => {
  it('writes every non-empty tile with each layer that has features there, and no empty tiles', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tiles-'));
    // A square of land around Washington and the city in it, away from zoom 3's tile edges (and their buffers).
    const land = { type: 'FeatureCollection' as const, features: [{ type: 'Feature' as const, properties: {}, geometry: { type: 'Polygon' as const, coordinates: [[[-78, 37], [-76, 37], [-76, 39.5], [-78, 39.5], [-78, 37]]] } }] };
    const cities = { type: 'FeatureCollection' as const, features: [{ type: 'Feature' as const, properties: { name: 'Washington', population: 5_000_000 }, geometry: { type: 'Point' as const, coordinates: [-77.037, 38.907] } }] };
    const { tiles } = writeVectorTiles(path.join(dir, 'tiles'), { land, cities }, 3);
    // One tile per zoom (0–3) holds the square: at zoom 3 it is in tile x 2, y 3.
    expect(tiles).toBe(4);
    const z3 = read(path.join(dir, 'tiles'), 3, 2, 3);
    expect(Object.keys(z3.layers).sort()).toEqual(['cities', 'land']);
    const city = z3.layers.cities.feature(0).toGeoJSON(2, 3, 3);
    expect(city.properties).toEqual({ name: 'Washington', population: 5_000_000 });
    const [lng, lat] = (city.geometry as { coordinates: number[] }).coordinates;
    expect(lng).toBeCloseTo(-77.037, 1);
    expect(lat).toBeCloseTo(38.907, 1);
    expect(fs.existsSync(path.join(dir, 'tiles/3/0/0.pbf'))).toBe(false);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
