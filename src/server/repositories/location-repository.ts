import { TYPE1_COUNTRY_CODES } from '../../shared/vehicles/ports';
import type { Statement } from 'better-sqlite3';
import type { Db } from '../db/open-db';
import { bboxAround, crossesAntimeridian } from '../../shared/geo/bbox';
import { haversineKm } from '../../shared/geo/distance';
import { corridorChunks, lineProximity } from '../../shared/geo/polyline';
import { polygonTester } from '../../shared/geo/polygon';
import { bboxOf } from '../../shared/geo/bbox';
import type { BBox, LatLng } from '../../shared/geo/types';
import type { Cluster, ClusterQuery, LocationSearch, MapPoint, PointsQuery, SearchHit, SearchResult } from './location-search';
import { LocationIndex } from './location-index';
import { COST_CODE_SQL } from './sql-fragments';
import { GridClusterer } from '../../shared/geo/grid-clusterer';
import { LruCache } from '../lib/lru-cache';
import { DataVersion } from '../db/data-version';
import { STATUS_AVAILABILITY, type Availability } from '../../shared/telemetry/availability';

export interface LocationRow {
  id: number;
  uuid: string;
  source: string;
  source_id: string;
  source_file: string | null;
  source_updated_at: string | null;
  data_provider_id: number;
  data_providers_reference: string | null;
  licence: string;
  is_open_data: number;
  title: string;
  address_line1: string | null;
  address_line2: string | null;
  town: string | null;
  state_or_province: string | null;
  postcode: string | null;
  country_id: number | null;
  latitude: number;
  longitude: number;
  contact_telephone1: string | null;
  contact_email: string | null;
  related_url: string | null;
  access_comments: string | null;
  facility_type: string | null;
  general_comments: string | null;
  operator_id: number | null;
  usage_type_id: number | null;
  status_type_id: number | null;
  submission_status_type_id: number;
  usage_cost: string | null;
  number_of_points: number | null;
  data_quality_level: number | null;
  date_created: string | null;
  date_last_status_update: string | null;
  date_last_verified: string | null;
  date_last_confirmed: string | null;
  date_planned: string | null;
  imported_at: string;
  updated_at: string;
  max_power_kw: number | null;
}

export interface StationRow {
  id: number;
  location_id: number;
  ref: string;
  network_ext_id: string | null;
  manufacturer: string | null;
  model: string | null;
  status_type_id: number | null;
  created_at: string;
}

export interface ConnectorRow {
  id: number;
  station_id: number;
  location_id: number;
  ref: string;
  connection_type_id: number;
  current_type_id: number | null;
  level_id: number | null;
  power_kw: number | null;
  power_estimated: number;
  amps: number | null;
  voltage: number | null;
  quantity: number | null;
  status_type_id: number | null;
  comments: string | null;
}

// Explicit column lists: only what the APIs show (materialising unused columns costs time on every map view).
const LOCATION_COLUMNS = `id, uuid, source, source_id, source_file, source_updated_at, data_provider_id, data_providers_reference, licence,
  is_open_data, title, address_line1, address_line2, town, state_or_province, postcode, country_id, latitude, longitude, contact_telephone1,
  contact_email, related_url, access_comments, facility_type, general_comments, operator_id, usage_type_id, status_type_id,
  submission_status_type_id, usage_cost, number_of_points, data_quality_level, date_created, date_last_status_update, date_last_verified,
  date_last_confirmed, date_planned, imported_at, updated_at, max_power_kw`;
const STATION_COLUMNS = 'id, location_id, ref, network_ext_id, manufacturer, model, status_type_id, created_at';
const CONNECTOR_COLUMNS =
  'id, station_id, location_id, ref, connection_type_id, current_type_id, level_id, power_kw, power_estimated, amps, voltage, quantity, status_type_id, comments';

export interface LocationDetails extends LocationRow {
  stations: Array<StationRow & { connectors: ConnectorRow[] }>;
}

/** Repository interface; SQLite below, PostgreSQL/PostGIS later. */
export interface LocationRepository {
  search(q: LocationSearch): SearchResult;
  clusters(q: ClusterQuery): { total: number; clusters: Cluster[] };
  /** A map view's locations, strongest first, with what a map symbol needs. */
  points(q: PointsQuery): { total: number; points: MapPoint[] };
  /** What a map symbol needs of these locations, in the given order. */
  symbolsOf(ids: readonly number[]): MapPoint[];
  details(ids: number[]): LocationDetails[];
  /** Changes whenever the locations (or their reference data) may have changed: for caches of derived data. */
  dataVersion(): string;
}

interface Where {
  sql: string[];
  params: unknown[];
}

const placeholders = (n: number) => Array.from({ length: n }, () => '?').join(', ');

const ORDER: Record<Exclude<LocationSearch['sort'], 'distance'>, string> = {
  id_asc: 'l.id ASC',
  id_desc: 'l.id DESC',
  created_desc: 'l.date_created DESC, l.id DESC',
  modified_desc: 'l.date_last_status_update DESC, l.id DESC',
  power_desc: 'l.max_power_kw DESC NULLS LAST, l.id ASC',
};

/** Applies every non-spatial filter; spatial ones are handled by the R*Tree join and exact tests in JS. */
function filters(q: LocationSearch): Where {
  const w: Where = { sql: [], params: [] };
  const inList = (col: string, list: readonly (number | string)[] | undefined) => {
    if (!list || list.length === 0) return;
    w.sql.push(`${col} IN (${placeholders(list.length)})`);
    w.params.push(...list);
  };
  inList('l.id', q.ids);
  inList('l.country_id', q.countryIds);
  if (q.countryIsoCodes?.length) {
    w.sql.push(`l.country_id IN (SELECT id FROM ref_countries WHERE iso_code IN (${placeholders(q.countryIsoCodes.length)}))`);
    w.params.push(...q.countryIsoCodes);
  }
  inList('l.operator_id', q.operatorIds);
  if (q.excludeOperatorIds?.length) {
    w.sql.push(`(l.operator_id IS NULL OR l.operator_id NOT IN (${placeholders(q.excludeOperatorIds.length)}))`);
    w.params.push(...q.excludeOperatorIds);
  }
  // A missing usage or status type is OCM's "Unknown" (id 0).
  inList('COALESCE(l.usage_type_id, 0)', q.usageTypeIds);
  inList('COALESCE(l.status_type_id, 0)', q.statusTypeIds);
  if (q.minScore !== undefined) {
    w.sql.push('l.id IN (SELECT location_id FROM location_stats WHERE score >= ?)');
    w.params.push(q.minScore);
  }
  if (q.operationalOnly) w.sql.push('(l.status_type_id IS NULL OR l.status_type_id IN (SELECT id FROM ref_status_types WHERE is_operational = 1 OR id = 0))');
  inList('l.data_provider_id', q.dataProviderIds);
  if (q.modifiedSince) {
    w.sql.push('l.date_last_status_update >= ?');
    w.params.push(q.modifiedSince);
  }
  if (q.openData !== undefined) w.sql.push(`l.is_open_data = ${q.openData ? 1 : 0}`);
  if (q.cost) w.sql.push(`${COST_CODE_SQL} ${q.cost === 'free' ? '= 1' : q.cost === 'paid' ? '= 2' : '!= 2'}`);
  if (q.greaterThanId !== undefined) {
    w.sql.push('l.id > ?');
    w.params.push(q.greaterThanId);
  }
  if (q.outletsAnyOf?.length) {
    const ors = q.outletsAnyOf.map((d) => {
      const parts: string[] = [];
      if (d.connectionTypeIds?.length) {
        parts.push(`o.connection_type_id IN (${placeholders(d.connectionTypeIds.length)})`);
        w.params.push(...d.connectionTypeIds);
      }
      if (d.currentTypeIds?.length) {
        parts.push(`o.current_type_id IN (${placeholders(d.currentTypeIds.length)})`);
        w.params.push(...d.currentTypeIds);
      }
      return parts.length ? `(${parts.join(' AND ')})` : '1';
    });
    w.sql.push(`EXISTS (SELECT 1 FROM connectors o WHERE o.location_id = l.id AND (${ors.join(' OR ')}))`);
  }
  if (q.facilityTypes?.length) {
    w.sql.push(`l.facility_type IN (${placeholders(q.facilityTypes.length)})`);
    w.params.push(...q.facilityTypes);
  }
  if (q.availability) {
    // The rule of effectiveAvailability(): fresh EVSE states first (any available, else any in use, else any
    // offline), else the location's OCM status (staticAvailability()'s table, constants). An empty list of codes
    // matches nothing, as in the index.
    const statusCase = STATUS_AVAILABILITY.map(([code, ids]) => `WHEN l.status_type_id IN (${ids.join(', ')}) THEN ${code}`).join(' ');
    const codes = q.availability.length ? placeholders(q.availability.length) : 'NULL';
    w.sql.push(`COALESCE(
      (SELECT CASE WHEN SUM(e.state = 1) > 0 THEN 1 WHEN SUM(e.state = 2) > 0 THEN 2 WHEN SUM(e.state = 3) > 0 THEN 3 END
       FROM evse_latest e WHERE e.location_id = l.id AND e.sampled_at_ms >= ?),
      CASE ${statusCase} ELSE 0 END
    ) IN (${codes})`);
    w.params.push(q.freshSinceMs ?? Date.now(), ...q.availability);
  }
  const c: string[] = [];
  const cp: unknown[] = [];
  if (q.connectionTypeIds?.length) {
    c.push(`c.connection_type_id IN (${placeholders(q.connectionTypeIds.length)})`);
    cp.push(...q.connectionTypeIds);
  }
  if (q.levelIds?.length) {
    c.push(`c.level_id IN (${placeholders(q.levelIds.length)})`);
    cp.push(...q.levelIds);
  }
  if (q.compatibleWith) {
    const { type1, type2 } = q.compatibleWith;
    const type1Countries = `(SELECT id FROM ref_countries WHERE iso_code IN (${TYPE1_COUNTRY_CODES.map((iso) => `'${iso}'`).join(', ')}))`;
    c.push(
      `CASE WHEN l.country_id IN ${type1Countries} THEN c.connection_type_id IN (${placeholders(type1.length) || 'NULL'}) ELSE c.connection_type_id IN (${placeholders(type2.length) || 'NULL'}) END`,
    );
    cp.push(...type1, ...type2);
  }
  if (q.minPowerKw !== undefined) {
    c.push('c.power_kw >= ?');
    cp.push(q.minPowerKw);
  }
  if (q.maxPowerKw !== undefined) {
    c.push('c.power_kw <= ?');
    cp.push(q.maxPowerKw);
  }
  if (c.length > 0) {
    // One EXISTS: every connector condition must hold on the same connector ("CCS at 150 kW or more").
    w.sql.push(`EXISTS (SELECT 1 FROM connectors c WHERE c.location_id = l.id AND ${c.join(' AND ')})`);
    w.params.push(...cp);
  }
  return w;
}

function boxWhere(box: BBox): Where {
  if (crossesAntimeridian(box)) {
    return {
      sql: ['r.min_lat >= ? AND r.max_lat <= ? AND (r.min_lng >= ? OR r.max_lng <= ?)'],
      params: [box.south, box.north, box.west, box.east],
    };
  }
  return { sql: ['r.min_lat >= ? AND r.max_lat <= ? AND r.min_lng >= ? AND r.max_lng <= ?'], params: [box.south, box.north, box.west, box.east] };
}

export class SqliteLocationRepository implements LocationRepository {
  private readonly cache = new Map<string, Statement<unknown[]>>();

  private readonly detailsCache: LruCache<number, LocationDetails>;
  private detailsVersion = '';
  private index: LocationIndex | null = null;
  private indexVersion = '';
  private readonly version: DataVersion;

  private readonly scores: () => ReadonlyMap<number, number>;
  private readonly liveAvailability: () => ReadonlyMap<number, Availability>;
  private readonly freshSinceMs: () => number;

  constructor(
    private readonly db: Db,
    options: {
      detailsCacheSize?: number;
      scores?: () => ReadonlyMap<number, number>;
      /** Fresh live statuses by location (the availability service). */
      liveAvailability?: () => ReadonlyMap<number, Availability>;
      freshSinceMs?: () => number;
    } = {},
  ) {
    this.detailsCache = new LruCache(options.detailsCacheSize ?? 20_000);
    this.scores = options.scores ?? (() => new Map());
    this.liveAvailability = options.liveAvailability ?? (() => new Map());
    this.freshSinceMs = options.freshSinceMs ?? (() => Date.now());
    this.version = new DataVersion(db);
  }

  /** The in-memory search index, rebuilt when another connection (an import) has changed the database. */
  private currentIndex(): LocationIndex {
    const version = this.version.current();
    if (!this.index || version !== this.indexVersion) {
      this.index = LocationIndex.build(this.db);
      this.indexVersion = version;
    }
    return this.index;
  }

  dataVersion(): string {
    return this.version.current();
  }

  /** Forces a rebuild after writes on this connection (which `data_version` does not report). */
  invalidate() {
    this.version.bump();
  }

  /** Empties the details cache only (benchmarks measure cold reads with it). */
  clearDetailsCache() {
    this.detailsCache.clear();
  }

  /** Builds the index now (server start), so the first request does not pay for it. */
  warmUp() {
    this.currentIndex();
  }

  /** Adds the tables some filters read (scores, live availability) to a query. */
  private withTables<T extends Partial<LocationSearch>>(q: T): T {
    if (q.minScore !== undefined) q = { ...q, scoreTable: this.scores() };
    if (q.availability && q.liveTable === undefined) q = { ...q, liveTable: this.liveAvailability(), freshSinceMs: this.freshSinceMs() };
    return q;
  }

  search(q: LocationSearch): SearchResult {
    q = this.withTables(q);
    return LocationIndex.supports(q) ? this.currentIndex().search(q) : this.searchSql(q);
  }

  clusters(q: ClusterQuery): { total: number; clusters: Cluster[] } {
    q = this.withTables(q);
    if (!LocationIndex.supports(q)) {
      // Rare filters the index does not hold: cluster the SQL matches in memory.
      const { hits } = this.searchSql({ ...q, area: { kind: 'bbox', box: q.box }, sort: 'id_asc', limit: Number.MAX_SAFE_INTEGER });
      const grid = new GridClusterer(q.box, q.zoom);
      for (const h of hits) grid.add(h.latitude, h.longitude, h.sortKeys?.power ?? null, h.id);
      return { total: grid.total, clusters: grid.result() };
    }
    return this.currentIndex().clusters(q);
  }

  points(q: PointsQuery): { total: number; points: MapPoint[] } {
    q = this.withTables(q);
    if (LocationIndex.supports(q)) return this.currentIndex().points(q);
    // Rare filters the index does not hold: which locations match comes from SQL, their symbol data from the index.
    const { total, hits } = this.searchSql({ ...q, area: { kind: 'bbox', box: q.box }, sort: 'power_desc' });
    return { total, points: this.symbolsOf(hits.map((h) => h.id)) };
  }

  symbolsOf(ids: readonly number[]): MapPoint[] {
    return this.currentIndex().symbolsOf(ids);
  }

  private stmt(sql: string): Statement<unknown[]> {
    let s = this.cache.get(sql);
    if (!s) {
      s = this.db.prepare<unknown[]>(sql);
      if (this.cache.size > 500) this.cache.clear();
      this.cache.set(sql, s);
    }
    return s;
  }

  /** Candidate rows (id, coordinates) inside a box that pass the filters. */
  private candidates(box: BBox | null, w: Where, extraOrder?: string, limit?: number): SearchHit[] {
    const where = box ? { sql: [...boxWhere(box).sql, ...w.sql], params: [...boxWhere(box).params, ...w.params] } : w;
    const from = box ? 'locations_rtree r JOIN locations l ON l.id = r.id' : 'locations l';
    const sql = `SELECT l.id, l.latitude, l.longitude, l.max_power_kw AS p, l.date_created AS c, l.date_last_status_update AS m FROM ${from}${where.sql.length ? ` WHERE ${where.sql.join(' AND ')}` : ''}${extraOrder ? ` ORDER BY ${extraOrder}` : ''}${limit !== undefined ? ' LIMIT ?' : ''}`;
    const rows = this.stmt(sql).all(...where.params, ...(limit !== undefined ? [limit] : [])) as Array<{ id: number; latitude: number; longitude: number; p: number | null; c: string | null; m: string | null }>;
    return rows.map((r) => ({ id: r.id, latitude: r.latitude, longitude: r.longitude, distanceKm: null, sortKeys: { power: r.p, created: r.c, modified: r.m } }));
  }

  private count(box: BBox | null, w: Where): number {
    const where = box ? { sql: [...boxWhere(box).sql, ...w.sql], params: [...boxWhere(box).params, ...w.params] } : w;
    const from = box ? 'locations_rtree r JOIN locations l ON l.id = r.id' : 'locations l';
    const sql = `SELECT COUNT(*) AS n FROM ${from}${where.sql.length ? ` WHERE ${where.sql.join(' AND ')}` : ''}`;
    return (this.stmt(sql).get(...where.params) as { n: number }).n;
  }

  /** The same search in SQL (R*Tree + filters): the reference for the index and the fallback for rare filters. */
  searchSql(q: LocationSearch): SearchResult {
    q = this.withTables(q);
    const w = filters(q);
    const area = q.area;
    const withDistance = (hits: SearchHit[]) => {
      if (q.origin) for (const h of hits) h.distanceKm = haversineKm(q.origin, [h.latitude, h.longitude]);
      return hits;
    };
    const finish = (hits: SearchHit[]): SearchResult => {
      withDistance(hits);
      sortHits(hits, q);
      return { total: hits.length, hits: hits.slice(0, q.limit) };
    };

    if (!area) {
      if (q.origin && q.sort === 'distance') return this.nearest(q, w);
      const total = this.count(null, w);
      return { total, hits: withDistance(this.candidates(null, w, ORDER[q.sort === 'distance' ? 'id_asc' : q.sort], q.limit)) };
    }
    if (area.kind === 'bbox') {
      if (q.sort !== 'distance') {
        const total = this.count(area.box, w);
        return { total, hits: withDistance(this.candidates(area.box, w, ORDER[q.sort], q.limit)) };
      }
      return finish(this.candidates(area.box, w));
    }
    if (area.kind === 'radius') {
      const hits = this.candidates(bboxAround(area.center, area.km), w).filter((h) => haversineKm(area.center, [h.latitude, h.longitude]) <= area.km);
      return finish(hits);
    }
    if (area.kind === 'polygon') {
      const inside = polygonTester(area.ring);
      return finish(this.candidates(bboxOf(area.ring), w).filter((h) => inside([h.latitude, h.longitude])));
    }
    // Corridor: query each piece of the route with its own small box; a hit near any piece is in the corridor.
    const seen = new Map<number, SearchHit>();
    for (const chunk of corridorChunks(area.line, area.km)) {
      const near = lineProximity(chunk.points);
      for (const h of this.candidates(chunk.box, w)) {
        if (seen.has(h.id)) continue;
        if (near.within(h.latitude, h.longitude, area.km)) seen.set(h.id, h);
      }
    }
    return finish([...seen.values()]);
  }

  /** Nearest-first without a radius: widen the search ring until it holds enough matches. */
  private nearest(q: LocationSearch, w: Where): SearchResult {
    const origin = q.origin as LatLng;
    const total = this.count(null, w);
    let km = 10;
    for (;;) {
      const hits = this.candidates(bboxAround(origin, km), w)
        .map((h) => ({ ...h, distanceKm: haversineKm(origin, [h.latitude, h.longitude]) }))
        .filter((h) => h.distanceKm <= km);
      if (hits.length >= Math.min(q.limit, total) || km >= 20_000) {
        hits.sort((a, b) => a.distanceKm - b.distanceKm || a.id - b.id);
        return { total, hits: hits.slice(0, q.limit) };
      }
      km *= 4;
    }
  }

  /**
   * Locations with their stations and connectors, in the order of `ids`. Served from an LRU cache of recently
   * read locations (materialising rows dominates the cost of a map view); the cache is dropped whenever the
   * database changes.
   */
  details(ids: number[]): LocationDetails[] {
    if (ids.length === 0) return [];
    const version = this.version.current();
    if (version !== this.detailsVersion) {
      this.detailsCache.clear();
      this.detailsVersion = version;
    }
    const missing = ids.filter((id) => !this.detailsCache.has(id));
    if (missing.length > 0) for (const d of this.loadDetails(missing)) this.detailsCache.set(d.id, d);
    const out: LocationDetails[] = [];
    for (const id of ids) {
      const d = this.detailsCache.get(id);
      if (d) out.push(d);
    }
    return out;
  }

  private loadDetails(ids: number[]): LocationDetails[] {
    const out: LocationDetails[] = [];
    // Chunks keep the parameter count under SQLite's limit for large maxresults.
    for (let i = 0; i < ids.length; i += 900) {
      const chunk = ids.slice(i, i + 900);
      const ph = placeholders(chunk.length);
      const locations = this.stmt(`SELECT ${LOCATION_COLUMNS} FROM locations WHERE id IN (${ph})`).all(...chunk) as LocationRow[];
      const stations = this.stmt(`SELECT ${STATION_COLUMNS} FROM stations WHERE location_id IN (${ph}) ORDER BY location_id, id`).all(...chunk) as StationRow[];
      const connectors = this.stmt(`SELECT ${CONNECTOR_COLUMNS} FROM connectors WHERE location_id IN (${ph}) ORDER BY station_id, id`).all(...chunk) as ConnectorRow[];
      const byStation = new Map<number, ConnectorRow[]>();
      for (const c of connectors) {
        const list = byStation.get(c.station_id);
        if (list) list.push(c);
        else byStation.set(c.station_id, [c]);
      }
      const byLocation = new Map<number, LocationDetails['stations']>();
      for (const s of stations) {
        const entry = { ...s, connectors: byStation.get(s.id) ?? [] };
        const list = byLocation.get(s.location_id);
        if (list) list.push(entry);
        else byLocation.set(s.location_id, [entry]);
      }
      for (const l of locations) out.push({ ...l, stations: byLocation.get(l.id) ?? [] });
    }
    return out;
  }
}

/** Descending on a nullable key, nulls last, then by id: the same order as the SQL ORDER BY clauses above. */
const desc = <T extends string | number>(a: T | null | undefined, b: T | null | undefined) =>
  a === b ? 0 : a === null || a === undefined ? 1 : b === null || b === undefined ? -1 : a < b ? 1 : -1;

function sortHits(hits: SearchHit[], q: LocationSearch) {
  const cmp: Record<LocationSearch['sort'], (a: SearchHit, b: SearchHit) => number> = {
    distance: (a, b) => (a.distanceKm ?? 0) - (b.distanceKm ?? 0) || a.id - b.id,
    id_asc: (a, b) => a.id - b.id,
    id_desc: (a, b) => b.id - a.id,
    created_desc: (a, b) => desc(a.sortKeys?.created, b.sortKeys?.created) || b.id - a.id,
    modified_desc: (a, b) => desc(a.sortKeys?.modified, b.sortKeys?.modified) || b.id - a.id,
    power_desc: (a, b) => desc(a.sortKeys?.power, b.sortKeys?.power) || a.id - b.id,
  };
  hits.sort(q.sort === 'distance' && !q.origin ? cmp.id_asc : cmp[q.sort]);
}
