import { randomFillSync } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import type { Db } from '../db/open-db';
import type { LocationRecord } from '../importers/types';
import { contentHash } from '../importers/content-hash';
import type { RtreeEntry } from '../db/rtree-bulk-load';

export type WriteOutcome = 'inserted' | 'updated' | 'unchanged' | { skip: string };

/** Ids for locations whose source has no OCM id start here, far above OCM's own ids, so OCM ids stay stable. */
export const LOCAL_LOCATION_ID_BASE = 100_000_000;
/** Operators created for networks OCM does not list. */
export const LOCAL_OPERATOR_ID_BASE = 1_000_000;

/**
 * Random bytes for new locations' UUIDs, drawn 4 KB at a time: uuid's own pool asks the system every 16 UUIDs,
 * a measurable share of a 100,000-row import.
 */
const uuidRandom = new Uint8Array(4096);
let uuidRandomAt = uuidRandom.length;
function newUuid(): string {
  if (uuidRandomAt + 16 > uuidRandom.length) {
    randomFillSync(uuidRandom);
    uuidRandomAt = 0;
  }
  return uuidv7({ random: uuidRandom.subarray(uuidRandomAt, (uuidRandomAt += 16)) }).toUpperCase();
}

/** True when no two stations of the record, and no two connectors of a station, share a ref (a handful each). */
function childRefsUnique(r: LocationRecord): boolean {
  const stations = r.stations;
  for (let i = 0; i < stations.length; i++) {
    for (let j = i + 1; j < stations.length; j++) if (stations[i].ref === stations[j].ref) return false;
    const connectors = stations[i].connectors;
    for (let a = 0; a < connectors.length; a++) for (let b = a + 1; b < connectors.length; b++) if (connectors[a].ref === connectors[b].ref) return false;
  }
  return true;
}

const nowIso = () => new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');

/**
 * Writes normalised location records: insert or update in place keyed by (source, source_id), children synced by
 * their stable refs, unchanged records (same content hash) left alone so a re-import changes nothing.
 */
export class LocationWriter {
  private readonly stmts;
  private readonly locationColumns: string[];
  private readonly known = new Map<string, Map<string, { id: number; content_hash: string; source_updated_at: string | null }>>();
  private readonly operatorsByTitle = new Map<string, number>();
  private readonly operatorIds = new Set<number>();
  private readonly countries = new Map<string, number>();
  private nextLocationId: number;
  private nextOperatorId: number;
  /** One timestamp for everything this writer (one import) stores: formatting a date per row is measurable. */
  private readonly now = nowIso();
  private columnsChecked = false;
  /** While a bulk load defers the R*Tree: the positions written, in order (an id again when a record is updated). */
  private deferredPoints: { ids: number[]; lats: number[]; lngs: number[]; rewritten: boolean } | null = null;

  constructor(db: Db) {
    for (const r of db.prepare('SELECT id, title FROM ref_operators').all() as Array<{ id: number; title: string }>) {
      this.operatorIds.add(r.id);
      const key = r.title.toLowerCase();
      if (!this.operatorsByTitle.has(key)) this.operatorsByTitle.set(key, r.id);
    }
    for (const r of db.prepare('SELECT id, iso_code FROM ref_countries').all() as Array<{ id: number; iso_code: string }>) this.countries.set(r.iso_code, r.id);
    const maxLoc = (db.prepare('SELECT MAX(id) AS m FROM locations').get() as { m: number | null }).m ?? 0;
    this.nextLocationId = Math.max(maxLoc + 1, LOCAL_LOCATION_ID_BASE);
    const maxOp = (db.prepare('SELECT MAX(id) AS m FROM ref_operators').get() as { m: number | null }).m ?? 0;
    this.nextOperatorId = Math.max(maxOp + 1, LOCAL_OPERATOR_ID_BASE);

    const locationColumns = [
      'source', 'source_id', 'source_file', 'source_updated_at', 'data_provider_id', 'data_providers_reference', 'licence', 'is_open_data',
      'title', 'address_line1', 'address_line2', 'town', 'state_or_province', 'postcode', 'country_id', 'latitude', 'longitude',
      'contact_telephone1', 'contact_email', 'related_url', 'access_comments', 'facility_type', 'general_comments',
      'operator_id', 'usage_type_id', 'status_type_id', 'submission_status_type_id', 'usage_cost', 'number_of_points',
      'data_quality_level', 'date_created', 'date_last_status_update', 'date_last_verified', 'date_last_confirmed', 'date_planned',
      'updated_at', 'max_power_kw', 'content_hash',
    ];
    this.locationColumns = locationColumns;
    this.stmts = {
      find: db.prepare('SELECT source_id, id, content_hash, source_updated_at FROM locations WHERE source = ?'),
      idTaken: db.prepare('SELECT 1 FROM locations WHERE id = ?'),
      uuidTaken: db.prepare('SELECT 1 FROM locations WHERE uuid = ?'),
      // Positional parameters: binding 40 named parameters per row is measurably slower on large imports.
      insert: db.prepare(`INSERT INTO locations (${locationColumns.join(', ')}, id, uuid, imported_at) VALUES (${locationColumns.map(() => '?').join(', ')}, ?, ?, ?)`),
      update: db.prepare(`UPDATE locations SET ${locationColumns.map((c) => `${c} = ?`).join(', ')} WHERE id = ?`),
      rtreeUpsert: db.prepare('INSERT OR REPLACE INTO locations_rtree (id, min_lat, max_lat, min_lng, max_lng) VALUES (?, ?, ?, ?, ?)'),
      rtreeInsert: db.prepare('INSERT INTO locations_rtree (id, min_lat, max_lat, min_lng, max_lng) VALUES (?, ?, ?, ?, ?)'),
      stationsOf: db.prepare('SELECT id, ref FROM stations WHERE location_id = ?'),
      stationUpsert: db.prepare(
        `INSERT INTO stations (location_id, ref, network_ext_id, manufacturer, model, status_type_id, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (location_id, ref) DO UPDATE SET network_ext_id = excluded.network_ext_id, manufacturer = excluded.manufacturer,
           model = excluded.model, status_type_id = excluded.status_type_id
         RETURNING id`,
      ),
      stationInsert: db.prepare('INSERT INTO stations (location_id, ref, network_ext_id, manufacturer, model, status_type_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)'),
      stationDelete: db.prepare('DELETE FROM stations WHERE id = ?'),
      connectorsOf: db.prepare('SELECT id, ref FROM connectors WHERE station_id = ?'),
      connectorUpsert: db.prepare(
        `INSERT INTO connectors (station_id, location_id, ref, connection_type_id, current_type_id, level_id, power_kw, power_estimated, amps, voltage, quantity, status_type_id, comments)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (station_id, ref) DO UPDATE SET connection_type_id = excluded.connection_type_id, current_type_id = excluded.current_type_id,
           level_id = excluded.level_id, power_kw = excluded.power_kw, power_estimated = excluded.power_estimated, amps = excluded.amps,
           voltage = excluded.voltage, quantity = excluded.quantity, status_type_id = excluded.status_type_id, comments = excluded.comments`,
      ),
      connectorInsert: db.prepare(
        `INSERT INTO connectors (station_id, location_id, ref, connection_type_id, current_type_id, level_id, power_kw, power_estimated, amps, voltage, quantity, status_type_id, comments)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      connectorDelete: db.prepare('DELETE FROM connectors WHERE id = ?'),
      operatorInsert: db.prepare('INSERT INTO ref_operators (id, title, website_url, is_local, json) VALUES (?, ?, ?, 1, ?)'),
    };
  }

  /**
   * The database had no locations when this load began and its R*Tree is packed at the end (deferred-indexes.ts):
   * from now on it is not written; deferredSpatialEntries() gives what to pack.
   */
  beginBulkLoad() {
    this.deferredPoints ??= { ids: [], lats: [], lngs: [], rewritten: false };
  }

  /**
   * A new location's UUID: the source's own when it has one no other location uses (a malformed file can repeat one;
   * the row is kept under a new UUID rather than failing the import on the unique key), else a new one.
   */
  private uuidFor(r: LocationRecord): string {
    return r.uuid === null || this.stmts.uuidTaken.get(r.uuid) ? newUuid() : r.uuid;
  }

  /**
   * The R*Tree entries the deferred index lacks: each location written since beginBulkLoad(), at its last
   * position. Saves the bulk load a scan of the whole locations table; valid only when every write was committed.
   */
  *deferredSpatialEntries(): Generator<RtreeEntry> {
    const p = this.deferredPoints;
    if (!p) return;
    let at: Iterable<number> = p.ids.keys();
    if (p.rewritten) {
      // A record written twice in the load (updated by a later row) keeps its last position.
      const last = new Map<number, number>();
      p.ids.forEach((id, i) => last.set(id, i));
      at = last.values();
    }
    for (const i of at) yield { id: p.ids[i], min0: p.lats[i], max0: p.lats[i], min1: p.lngs[i], max1: p.lngs[i] };
  }

  /** The location id of a stored record, by source and source id. */
  idOf(source: string, sourceId: string): number | undefined {
    return this.existing(source).get(sourceId)?.id;
  }

  /** True when a record from `source` with this source id is stored. */
  has(source: string, sourceId: string): boolean {
    return this.existing(source).has(sourceId);
  }

  /** Stored records of a source by source id, loaded once per import: one scan instead of a lookup per row. */
  private existing(source: string) {
    let m = this.known.get(source);
    if (!m) {
      m = new Map();
      for (const r of this.stmts.find.iterate(source) as Iterable<{ source_id: string; id: number; content_hash: string; source_updated_at: string | null }>) m.set(r.source_id, r);
      this.known.set(source, m);
    }
    return m;
  }

  private resolveOperator(r: LocationRecord): number | null {
    if (r.operatorId !== null && this.operatorIds.has(r.operatorId)) return r.operatorId;
    if (r.operatorName === null) return r.operatorId;
    const key = r.operatorName.toLowerCase();
    const known = this.operatorsByTitle.get(key) ?? this.operatorsByTitle.get(key.replace(/\s*\(.*\)\s*$/, ''));
    if (known !== undefined) return known;
    const id = this.nextOperatorId++;
    const json = { ID: id, Title: r.operatorName, WebsiteURL: r.operatorWebsite, Comments: `Added by import from ${r.source}`, IsPrivateIndividual: false, IsRestrictedEdit: false };
    this.stmts.operatorInsert.run(id, r.operatorName, r.operatorWebsite, JSON.stringify(json));
    this.operatorIds.add(id);
    this.operatorsByTitle.set(key, id);
    return id;
  }

  /** `sourceHash` is the importer's contentHash() of the raw source row, when it has one. */
  write(r: LocationRecord, sourceFile: string, sourceHash?: string): WriteOutcome {
    const hash = sourceHash ?? contentHash(JSON.stringify(r));
    const known = this.existing(r.source);
    const existing = known.get(r.sourceId);
    if (existing && existing.content_hash === hash) return 'unchanged';
    // An older export must not overwrite a newer version of the same record (e.g. a 2020 OCM dump after a 2025 snapshot).
    if (existing?.source_updated_at && r.sourceUpdatedAt && r.sourceUpdatedAt < existing.source_updated_at) {
      return { skip: `older than the stored version (source updated ${r.sourceUpdatedAt.slice(0, 10)} < ${existing.source_updated_at.slice(0, 10)})` };
    }

    const now = this.now;
    let maxPower: number | null = null;
    for (const s of r.stations) for (const c of s.connectors) if (c.powerKw !== null && (maxPower === null || c.powerKw > maxPower)) maxPower = c.powerKw;
    const row = {
      source: r.source,
      source_id: r.sourceId,
      source_file: sourceFile,
      source_updated_at: r.sourceUpdatedAt,
      data_provider_id: r.dataProviderId,
      data_providers_reference: r.dataProvidersReference,
      licence: r.licence,
      is_open_data: r.isOpenData ? 1 : 0,
      title: r.title,
      address_line1: r.addressLine1,
      address_line2: r.addressLine2,
      town: r.town,
      state_or_province: r.stateOrProvince,
      postcode: r.postcode,
      country_id: r.countryIso ? (this.countries.get(r.countryIso) ?? null) : null,
      latitude: r.latitude,
      longitude: r.longitude,
      contact_telephone1: r.contactTelephone1,
      contact_email: r.contactEmail,
      related_url: r.relatedUrl,
      access_comments: r.accessComments,
      facility_type: r.facilityType,
      general_comments: r.generalComments,
      operator_id: this.resolveOperator(r),
      usage_type_id: r.usageTypeId,
      status_type_id: r.statusTypeId,
      submission_status_type_id: r.submissionStatusTypeId ?? 100,
      usage_cost: r.usageCost,
      number_of_points: r.numberOfPoints,
      data_quality_level: r.dataQualityLevel,
      date_created: r.dateCreated,
      date_last_status_update: r.sourceUpdatedAt ?? now,
      date_last_verified: r.dateLastVerified,
      date_last_confirmed: r.dateLastConfirmed,
      date_planned: r.datePlanned,
      updated_at: now,
      max_power_kw: maxPower,
      content_hash: hash,
    };

    // The literal's keys are the statements' columns in order (checked once per writer): binding its values
    // directly avoids a keyed lookup per column per row.
    if (!this.columnsChecked) {
      if (Object.keys(row).join() !== this.locationColumns.join()) throw new Error('location row keys differ from the statement columns');
      this.columnsChecked = true;
    }
    const values: unknown[] = Object.values(row);
    let id: number;
    if (existing) {
      id = existing.id;
      this.stmts.update.run(...values, id);
    } else {
      id = r.preferredId !== null && r.preferredId < LOCAL_LOCATION_ID_BASE && !this.stmts.idTaken.get(r.preferredId) ? r.preferredId : this.nextLocationId++;
      // Time-ordered UUIDs (v7) append to the uuid index instead of splitting random pages.
      this.stmts.insert.run(...values, id, this.uuidFor(r), now);
    }
    known.set(r.sourceId, { id, content_hash: hash, source_updated_at: r.sourceUpdatedAt });
    if (this.deferredPoints) {
      this.deferredPoints.ids.push(id);
      this.deferredPoints.lats.push(r.latitude);
      this.deferredPoints.lngs.push(r.longitude);
      if (existing) this.deferredPoints.rewritten = true;
    } else (existing ? this.stmts.rtreeUpsert : this.stmts.rtreeInsert).run(id, r.latitude, r.latitude, r.longitude, r.longitude);
    // Duplicate station or connector refs in one record (malformed source data) take the upsert path, which merges
    // them, instead of failing the import on a unique key.
    this.syncStations(id, r, now, existing !== undefined || !childRefsUnique(r));
    return existing ? 'updated' : 'inserted';
  }

  private syncStations(locationId: number, r: LocationRecord, now: string, hadRows: boolean) {
    const old = hadRows ? new Map((this.stmts.stationsOf.all(locationId) as Array<{ id: number; ref: string }>).map((s) => [s.ref, s.id])) : null;
    for (const s of r.stations) {
      // A new location has no children yet: plain inserts, no conflict handling.
      const stationId = hadRows
        ? (this.stmts.stationUpsert.get(locationId, s.ref, s.networkExtId, s.manufacturer, s.model, s.statusTypeId, now) as { id: number }).id
        : Number(this.stmts.stationInsert.run(locationId, s.ref, s.networkExtId, s.manufacturer, s.model, s.statusTypeId, now).lastInsertRowid);
      old?.delete(s.ref);
      const oldConnectors = hadRows ? new Map((this.stmts.connectorsOf.all(stationId) as Array<{ id: number; ref: string }>).map((c) => [c.ref, c.id])) : null;
      for (const c of s.connectors) {
        (hadRows ? this.stmts.connectorUpsert : this.stmts.connectorInsert).run(
          stationId, locationId, c.ref, c.connectionTypeId, c.currentTypeId, c.levelId, c.powerKw, c.powerEstimated ? 1 : 0,
          c.amps, c.voltage, c.quantity, c.statusTypeId, c.comments,
        );
        oldConnectors?.delete(c.ref);
      }
      if (oldConnectors) for (const cid of oldConnectors.values()) this.stmts.connectorDelete.run(cid);
    }
    if (old) for (const sid of old.values()) this.stmts.stationDelete.run(sid);
  }
}
