import { TYPE1_COUNTRY_CODES } from '../../shared/vehicles/ports';
import KDBush from 'kdbush';
import type { Db } from '../db/open-db';
import { bboxAround, bboxOf, crossesAntimeridian } from '../../shared/geo/bbox';
import { haversineKm } from '../../shared/geo/distance';
import { corridorChunks, lineProximity } from '../../shared/geo/polyline';
import { polygonTester } from '../../shared/geo/polygon';
import { GridClusterer } from '../../shared/geo/grid-clusterer';
import type { BBox, LatLng } from '../../shared/geo/types';
import type { Cluster, ClusterQuery, LocationSearch, MapPoint, PointsQuery, SearchHit, SearchResult } from './location-search';
import { COST_CODE_SQL } from './sql-fragments';
import { effectiveAvailability, type Availability } from '../../shared/telemetry/availability';

const NONE = -1;

/**
 * A read-only, in-memory columnar snapshot of every location's searchable fields with a KD-tree over coordinates.
 * It answers searches and map clusters in milliseconds on a million locations, where SQLite's R*Tree join plus
 * GROUP BY takes seconds. SQLite stays the source of truth: the snapshot is rebuilt when the database changes
 * (`PRAGMA data_version` for other processes, `invalidate()` for this one). Filters mean exactly what the SQL
 * filters in location-repository.ts mean; a property test checks the two agree.
 */
export class LocationIndex {
  private constructor(
    readonly n: number,
    private readonly id: Float64Array,
    private readonly lat: Float64Array,
    private readonly lng: Float64Array,
    private readonly maxPower: Float64Array,
    private readonly status: Int32Array,
    private readonly usage: Int32Array,
    private readonly operator: Int32Array,
    private readonly country: Int32Array,
    private readonly provider: Int32Array,
    private readonly open: Uint8Array,
    /** 0 cost not stated, 1 free, 2 fee (same CASE as COST_CODE_SQL). */
    private readonly cost: Uint8Array,
    private readonly created: Float64Array,
    private readonly modified: Float64Array,
    private readonly connStart: Int32Array,
    private readonly connType: Int32Array,
    private readonly connLevel: Int32Array,
    private readonly connCurrent: Int32Array,
    private readonly connPower: Float64Array,
    private readonly kd: KDBush,
    private readonly countryByIso: Map<string, number>,
    private readonly operationalStatus: Set<number>,
    private readonly type1Countries: Set<number>,
  ) {}

  static build(db: Db): LocationIndex {
    const n = (db.prepare('SELECT COUNT(*) AS n FROM locations').get() as { n: number }).n;
    const id = new Float64Array(n);
    const lat = new Float64Array(n);
    const lng = new Float64Array(n);
    const maxPower = new Float64Array(n);
    const status = new Int32Array(n);
    const usage = new Int32Array(n);
    const operator = new Int32Array(n);
    const country = new Int32Array(n);
    const provider = new Int32Array(n);
    const open = new Uint8Array(n);
    const cost = new Uint8Array(n);
    const created = new Float64Array(n);
    const modified = new Float64Array(n);
    const position = new Map<number, number>();
    const rows = db
      .prepare(
        `SELECT id, latitude, longitude, max_power_kw, status_type_id, usage_type_id, operator_id, country_id, data_provider_id, is_open_data,
           ${COST_CODE_SQL}, date_created, date_last_status_update
         FROM locations l ORDER BY id`,
      )
      .raw();
    let i = 0;
    for (const r of rows.iterate() as Iterable<unknown[]>) {
      if (i >= n) break;
      id[i] = r[0] as number;
      lat[i] = r[1] as number;
      lng[i] = r[2] as number;
      maxPower[i] = r[3] === null ? NaN : (r[3] as number);
      status[i] = r[4] === null ? NONE : (r[4] as number);
      usage[i] = r[5] === null ? NONE : (r[5] as number);
      operator[i] = r[6] === null ? NONE : (r[6] as number);
      country[i] = r[7] === null ? NONE : (r[7] as number);
      provider[i] = r[8] as number;
      open[i] = r[9] as number;
      cost[i] = r[10] as number;
      created[i] = r[11] === null ? NaN : Date.parse(r[11] as string);
      modified[i] = r[12] === null ? NaN : Date.parse(r[12] as string);
      position.set(id[i], i);
      i++;
    }
    const count = i;
    // Connectors grouped per location in the same order (CSR layout).
    const connectorCount = (db.prepare('SELECT COUNT(*) AS n FROM connectors').get() as { n: number }).n;
    const perLocation = new Int32Array(count + 1);
    const cType = new Int32Array(connectorCount);
    const cLevel = new Int32Array(connectorCount);
    const cCurrent = new Int32Array(connectorCount);
    const cPower = new Float64Array(connectorCount);
    const owner = new Int32Array(connectorCount);
    let c = 0;
    for (const r of db.prepare('SELECT location_id, connection_type_id, level_id, current_type_id, power_kw FROM connectors').raw().iterate() as Iterable<unknown[]>) {
      if (c >= connectorCount) break;
      const p = position.get(r[0] as number);
      if (p === undefined) continue;
      owner[c] = p;
      cType[c] = r[1] as number;
      cLevel[c] = r[2] === null ? NONE : (r[2] as number);
      cCurrent[c] = r[3] === null ? NONE : (r[3] as number);
      cPower[c] = r[4] === null ? NaN : (r[4] as number);
      perLocation[p + 1]++;
      c++;
    }
    for (let k = 0; k < count; k++) perLocation[k + 1] += perLocation[k];
    const fill = perLocation.slice(0, count);
    const connType = new Int32Array(c);
    const connLevel = new Int32Array(c);
    const connCurrent = new Int32Array(c);
    const connPower = new Float64Array(c);
    for (let k = 0; k < c; k++) {
      const at = fill[owner[k]]++;
      connType[at] = cType[k];
      connLevel[at] = cLevel[k];
      connCurrent[at] = cCurrent[k];
      connPower[at] = cPower[k];
    }
    const kd = new KDBush(Math.max(1, count), 64, Float64Array);
    for (let k = 0; k < count; k++) kd.add(lng[k], lat[k]);
    if (count === 0) kd.add(0, 0); // KDBush needs one point; index 0 is never reported because n = 0
    kd.finish();
    const countryByIso = new Map((db.prepare('SELECT iso_code, id FROM ref_countries').all() as Array<{ iso_code: string; id: number }>).map((r) => [r.iso_code, r.id]));
    const operationalStatus = new Set((db.prepare('SELECT id FROM ref_status_types WHERE is_operational = 1 OR id = 0').all() as Array<{ id: number }>).map((r) => r.id));
    const type1Countries = new Set(TYPE1_COUNTRY_CODES.map((iso) => countryByIso.get(iso)).filter((c): c is number => c !== undefined));
    const index = new LocationIndex(count, id, lat, lng, maxPower, status, usage, operator, country, provider, open, cost, created, modified, perLocation, connType, connLevel, connCurrent, connPower, kd, countryByIso, operationalStatus, type1Countries);
    index.powerRanks(); // map views and corridors sort by power: built with the snapshot, not on a first request
    return index;
  }

  /** Each position's rank in (highest power first, then id) order, and the position at each rank. */
  private powerOrder: { rank: Int32Array; at: Int32Array } | null = null;

  /**
   * The power order in O(n): positions already follow ids, so a counting sort over the few hundred distinct power
   * values (no power last) gives every position its rank, stable by id.
   */
  private powerRanks() {
    if (this.powerOrder) return this.powerOrder;
    const distinct = [...new Set(this.maxPower.subarray(0, this.n))].filter((p) => !Number.isNaN(p)).sort((a, b) => b - a);
    const bucketOf = new Map(distinct.map((p, b) => [p, b]));
    const none = distinct.length;
    const start = new Int32Array(none + 2);
    const bucket = new Int32Array(this.n);
    for (let i = 0; i < this.n; i++) {
      const p = this.maxPower[i];
      bucket[i] = Number.isNaN(p) ? none : (bucketOf.get(p) as number);
      start[bucket[i] + 1]++;
    }
    for (let b = 0; b <= none; b++) start[b + 1] += start[b];
    const rank = new Int32Array(this.n);
    const at = new Int32Array(this.n);
    for (let i = 0; i < this.n; i++) {
      const r = start[bucket[i]]++;
      rank[i] = r;
      at[r] = i;
    }
    return (this.powerOrder = { rank, at });
  }

  /** Positions in (highest power first, then id) order: a native sort of their ranks. */
  private byPower(idx: number[]): Int32Array {
    const { rank, at } = this.powerRanks();
    const ranks = new Int32Array(idx.length);
    for (let k = 0; k < idx.length; k++) ranks[k] = rank[idx[k]];
    ranks.sort();
    for (let k = 0; k < ranks.length; k++) ranks[k] = at[ranks[k]];
    return ranks;
  }

  /** True when this snapshot can evaluate every filter of the query. */
  static supports(q: Partial<LocationSearch>): boolean {
    return !q.facilityTypes?.length;
  }

  /** Builds the per-location test for every non-spatial filter. */
  private predicate(q: Omit<LocationSearch, 'area' | 'sort' | 'limit' | 'origin'>): (i: number) => boolean {
    const tests: Array<(i: number) => boolean> = [];
    const set = (l: readonly number[] | undefined) => (l && l.length ? new Set(l) : null);
    const ids = set(q.ids);
    if (ids) tests.push((i) => ids.has(this.id[i]));
    const countries = set([...(q.countryIds ?? []), ...(q.countryIsoCodes ?? []).map((c) => this.countryByIso.get(c) ?? NONE - 1)]);
    if (countries || q.countryIsoCodes?.length) {
      const cs = countries ?? new Set<number>();
      tests.push((i) => cs.has(this.country[i]));
    }
    const ops = set(q.operatorIds);
    if (ops) tests.push((i) => ops.has(this.operator[i]));
    const exOps = set(q.excludeOperatorIds);
    if (exOps) tests.push((i) => this.operator[i] === NONE || !exOps.has(this.operator[i]));
    const usage = set(q.usageTypeIds);
    if (usage) tests.push((i) => usage.has(this.usage[i] === NONE ? 0 : this.usage[i]));
    const status = set(q.statusTypeIds);
    if (status) tests.push((i) => status.has(this.status[i] === NONE ? 0 : this.status[i]));
    if (q.operationalOnly) tests.push((i) => this.status[i] === NONE || this.operationalStatus.has(this.status[i]));
    if (q.minScore !== undefined) {
      const min = q.minScore;
      const scores = q.scoreTable ?? new Map<number, number>();
      tests.push((i) => (scores.get(this.id[i]) ?? -1) >= min);
    }
    const providers = set(q.dataProviderIds);
    if (providers) tests.push((i) => providers.has(this.provider[i]));
    if (q.modifiedSince) {
      const since = Date.parse(q.modifiedSince);
      tests.push((i) => this.modified[i] >= since);
    }
    if (q.openData !== undefined) {
      const want = q.openData ? 1 : 0;
      tests.push((i) => this.open[i] === want);
    }
    if (q.cost === 'free') tests.push((i) => this.cost[i] === 1);
    else if (q.cost === 'paid') tests.push((i) => this.cost[i] === 2);
    else if (q.cost === 'no_known_fee') tests.push((i) => this.cost[i] !== 2);
    if (q.greaterThanId !== undefined) {
      const g = q.greaterThanId;
      tests.push((i) => this.id[i] > g);
    }
    if (q.availability) {
      const want = new Set<number>(q.availability);
      const live = q.liveTable ?? new Map<number, Availability>();
      tests.push((i) => want.has(effectiveAvailability(live.get(this.id[i]), this.status[i] === NONE ? null : this.status[i])));
    }
    if (q.outletsAnyOf?.length) {
      const descriptors = q.outletsAnyOf.map((d) => ({ types: set(d.connectionTypeIds), currents: set(d.currentTypeIds) }));
      tests.push((i) => {
        for (let k = this.connStart[i]; k < this.connStart[i + 1]; k++) {
          for (const d of descriptors) {
            if ((!d.types || d.types.has(this.connType[k])) && (!d.currents || d.currents.has(this.connCurrent[k]))) return true;
          }
        }
        return false;
      });
    }
    const types = set(q.connectionTypeIds);
    const levels = set(q.levelIds);
    const min = q.minPowerKw;
    const max = q.maxPowerKw;
    const compat = q.compatibleWith && { type1: new Set(q.compatibleWith.type1), type2: new Set(q.compatibleWith.type2) };
    if (types || levels || min !== undefined || max !== undefined || compat) {
      tests.push((i) => {
        const region = compat && (this.type1Countries.has(this.country[i]) ? compat.type1 : compat.type2);
        for (let k = this.connStart[i]; k < this.connStart[i + 1]; k++) {
          if (types && !types.has(this.connType[k])) continue;
          if (region && !region.has(this.connType[k])) continue;
          if (levels && !levels.has(this.connLevel[k])) continue;
          const p = this.connPower[k];
          if (min !== undefined && !(p >= min)) continue;
          if (max !== undefined && !(p <= max)) continue;
          return true;
        }
        return false;
      });
    }
    if (tests.length === 0) return () => true;
    if (tests.length === 1) return tests[0];
    return (i) => {
      for (const t of tests) if (!t(i)) return false;
      return true;
    };
  }

  private inBox(box: BBox, visit: (i: number) => void) {
    // Views that hold a large share of all locations (country views) are faster as one linear scan than as a
    // KD-tree range that first collects every index.
    if (!crossesAntimeridian(box) && (box.north - box.south) * (box.east - box.west) > 200) {
      const { south, north, west, east } = box;
      for (let i = 0; i < this.n; i++) {
        const la = this.lat[i];
        const lo = this.lng[i];
        if (la >= south && la <= north && lo >= west && lo <= east) visit(i);
      }
      return;
    }
    if (crossesAntimeridian(box)) {
      for (const i of this.kd.range(box.west, box.south, 180, box.north)) visit(i);
      for (const i of this.kd.range(-180, box.south, box.east, box.north)) if (this.lng[i] !== 180) visit(i);
    } else {
      for (const i of this.kd.range(box.west, box.south, box.east, box.north)) visit(i);
    }
  }

  private hit(i: number, origin: LatLng | undefined): SearchHit {
    return { id: this.id[i], latitude: this.lat[i], longitude: this.lng[i], distanceKm: origin ? haversineKm(origin, [this.lat[i], this.lng[i]]) : null };
  }

  /** Indices of locations passing the filters and the search area. */
  private matches(q: LocationSearch): number[] {
    if (this.n === 0) return [];
    const pass = this.predicate(q);
    const out: number[] = [];
    const area = q.area;
    if (!area) {
      for (let i = 0; i < this.n; i++) if (pass(i)) out.push(i);
    } else if (area.kind === 'bbox') {
      this.inBox(area.box, (i) => pass(i) && out.push(i));
    } else if (area.kind === 'radius') {
      this.inBox(bboxAround(area.center, area.km), (i) => {
        if (pass(i) && haversineKm(area.center, [this.lat[i], this.lng[i]]) <= area.km) out.push(i);
      });
    } else if (area.kind === 'polygon') {
      const inside = polygonTester(area.ring);
      this.inBox(bboxOf(area.ring), (i) => pass(i) && inside([this.lat[i], this.lng[i]]) && out.push(i));
    } else {
      const seen = new Set<number>();
      for (const chunk of corridorChunks(area.line, area.km)) {
        const near = lineProximity(chunk.points);
        // The chunk's box holds several times the corridor's area: the distance test (a few multiplications)
        // rejects most candidates before the filters (connector loops) are asked.
        this.inBox(chunk.box, (i) => {
          if (!near.within(this.lat[i], this.lng[i], area.km) || seen.has(i) || !pass(i)) return;
          seen.add(i);
          out.push(i);
        });
      }
    }
    return out;
  }

  search(q: LocationSearch): SearchResult {
    if (!q.area && q.origin && q.sort === 'distance') return this.nearest(q);
    const idx = this.matches(q);
    const total = idx.length;
    const sort = q.sort;
    const byId = sort === 'id_asc' || sort === 'id_desc' || (sort === 'distance' && !q.origin);
    if (byId || sort === 'power_desc') {
      // Positions follow ids (the snapshot is read ORDER BY id), and power ranks are precomputed: native numeric
      // sorts, several times faster than a comparator over tens of thousands of corridor matches.
      const sorted = byId ? Int32Array.from(idx).sort() : this.byPower(idx);
      const n = Math.min(q.limit, total);
      const hits: SearchHit[] = new Array(n);
      for (let k = 0; k < n; k++) hits[k] = this.hit(sort === 'id_desc' ? sorted[total - 1 - k] : sorted[k], q.origin);
      return { total, hits };
    }
    idx.sort(this.comparator({ sort, origin: q.origin }));
    return { total, hits: idx.slice(0, q.limit).map((i) => this.hit(i, q.origin)) };
  }

  /** The orders without a native sort (search() sorts by id and by power itself): distance from an origin, dates. */
  private comparator(q: { sort: 'distance' | 'created_desc' | 'modified_desc'; origin?: LatLng }): (a: number, b: number) => number {
    const id = this.id;
    const descNum = (arr: Float64Array) => (a: number, b: number) => {
      const x = arr[a];
      const y = arr[b];
      const xn = Number.isNaN(x);
      const yn = Number.isNaN(y);
      if (xn || yn) return xn === yn ? 0 : xn ? 1 : -1;
      return y - x;
    };
    if (q.sort === 'distance') {
      const o = q.origin as LatLng;
      const d = new Map<number, number>();
      const dist = (i: number) => {
        let v = d.get(i);
        if (v === undefined) d.set(i, (v = haversineKm(o, [this.lat[i], this.lng[i]])));
        return v;
      };
      return (a, b) => dist(a) - dist(b) || id[a] - id[b];
    }
    const c = descNum(q.sort === 'created_desc' ? this.created : this.modified);
    return (a, b) => c(a, b) || id[b] - id[a];
  }

  /** Nearest-first without a radius: widen the ring until it holds enough matches. */
  private nearest(q: LocationSearch): SearchResult {
    const origin = q.origin as LatLng;
    const pass = this.predicate(q);
    let total = 0;
    for (let i = 0; i < this.n; i++) if (pass(i)) total++;
    for (let km = 10; ; km *= 4) {
      const found: Array<{ i: number; d: number }> = [];
      this.inBox(bboxAround(origin, km), (i) => {
        if (!pass(i)) return;
        const d = haversineKm(origin, [this.lat[i], this.lng[i]]);
        if (d <= km) found.push({ i, d });
      });
      if (found.length >= Math.min(q.limit, total) || km >= 20_000) {
        found.sort((a, b) => a.d - b.d || this.id[a.i] - this.id[b.i]);
        return { total, hits: found.slice(0, q.limit).map((f) => this.hit(f.i, origin)) };
      }
    }
  }

  /** Grid clusters of the matching locations in a map view (see GridClusterer). */
  clusters(q: ClusterQuery): { total: number; clusters: Cluster[] } {
    const pass = this.predicate(q);
    const grid = new GridClusterer(q.box, q.zoom);
    this.inBox(q.box, (i) => {
      if (pass(i)) grid.add(this.lat[i], this.lng[i], Number.isNaN(this.maxPower[i]) ? null : this.maxPower[i], this.id[i]);
    });
    return { total: grid.total, clusters: grid.result() };
  }

  /** A map view's matching locations, strongest first (the `power_desc` order of search), with their symbol data. */
  points(q: PointsQuery): { total: number; points: MapPoint[] } {
    const pass = this.predicate(q);
    const idx: number[] = [];
    this.inBox(q.box, (i) => pass(i) && idx.push(i));
    return { total: idx.length, points: Array.from(this.byPower(idx).subarray(0, q.limit), (i) => this.point(i)) };
  }

  /** The symbol data of these locations (ids not in the snapshot are left out). */
  symbolsOf(ids: readonly number[]): MapPoint[] {
    const out: MapPoint[] = [];
    for (const id of ids) {
      // Positions follow ids: a binary search.
      let lo = 0;
      let hi = this.n - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        if (this.id[mid] < id) lo = mid + 1;
        else if (this.id[mid] > id) hi = mid - 1;
        else {
          out.push(this.point(mid));
          break;
        }
      }
    }
    return out;
  }

  private point(i: number): MapPoint {
    return {
      id: this.id[i],
      latitude: this.lat[i],
      longitude: this.lng[i],
      maxPowerKw: Number.isNaN(this.maxPower[i]) ? null : this.maxPower[i],
      statusTypeId: this.status[i] === NONE ? null : this.status[i],
      dataProviderId: this.provider[i],
    };
  }
}
