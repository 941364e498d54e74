import type { Statement } from 'better-sqlite3';
import type { Db } from '../db/open-db';
import { DataVersion } from '../db/data-version';
import { LruCache } from '../lib/lru-cache';
import type { Availability } from '../../shared/telemetry/availability';
import type { HourSamples } from '../../shared/telemetry/occupancy';

/** A keyset page over one EVSE's or vehicle's logs, newest first. Times are ms; bounds are inclusive, cursors not. */
export interface PageRequest {
  gte?: number;
  lte?: number;
  /** Strictly older than this time (the next page). */
  after?: number;
  /** Strictly newer than this time (the previous page). */
  before?: number;
  size: number;
}

export interface Page<T> {
  items: T[];
  hasNewer: boolean;
  hasOlder: boolean;
}

export interface EvseStatusRow {
  station_id: number;
  sampled_at_ms: number;
  logged_at_ms: number;
  is_plugged_in: number | null;
  is_charging: number | null;
  charge_rate_watts: number | null;
  is_out_of_order: number | null;
  simulated: number;
}

export interface EvseCommandRow {
  station_id: number;
  logged_at_ms: number;
  max_load_target_milliamps: number | null;
  is_enabled_target: number | null;
  always_enabled: number | null;
  reason: string | null;
  internal_command_id: string | null;
  simulated: number;
}

export interface VehicleStatusRow {
  vehicle_id: string;
  sampled_at_ms: number;
  logged_at_ms: number;
  state_of_charge_percentage: number | null;
  is_charging: number | null;
  is_plugged_in: number | null;
  charge_rate_watts: number | null;
}

export interface UserVehicleRow {
  id: string;
  user_id: number;
  name: string | null;
  created_at: string;
}

export interface EvseLatestRow {
  station_id: number;
  location_id: number;
  sampled_at_ms: number;
  state: Availability;
  simulated: number;
}

export interface EvseInfo {
  station_id: number;
  location_id: number;
  ref: string;
  network_ext_id: string | null;
  title: string;
  latitude: number;
  longitude: number;
}

export interface InsertOutcome {
  inserted: number;
  duplicates: number;
}

/** One log table: its name, key column and time column (constants, never user input), and its table of recent logs. */
interface LogTable {
  table: string;
  key: string;
  time: string;
  /** The recent table holding the newest logs, with the columns both tables share (in one order). */
  recent?: { table: string; columns: string };
}

const STATUS_COLUMNS = 'station_id, sampled_at_ms, logged_at_ms, is_plugged_in, is_charging, charge_rate_watts, is_out_of_order, simulated';
const STATUS: LogTable = { table: 'evse_status_logs', key: 'station_id', time: 'sampled_at_ms', recent: { table: 'evse_status_recent', columns: STATUS_COLUMNS } };
const WATERMARK_KEY = 'evse_status_compacted_before';
const COMMANDS: LogTable = { table: 'evse_command_logs', key: 'station_id', time: 'logged_at_ms' };
const VEHICLE: LogTable = { table: 'vehicle_status_logs', key: 'vehicle_id', time: 'sampled_at_ms' };

/** An EVSE status log's state, the same rule as evseState() in shared/telemetry/availability.ts. */
const STATE_SQL = 'CASE WHEN is_out_of_order = 1 THEN 3 WHEN is_plugged_in = 1 OR is_charging = 1 THEN 2 WHEN is_plugged_in = 0 THEN 1 ELSE 0 END';

/** All telemetry SQL. SQLite here; the PostgreSQL implementation keeps the same keyset pages. */
export class TelemetryRepository {
  private readonly statements = new Map<string, Statement<unknown[]>>();

  /** Station → location for EVSEs that report (a feed posts the same ones every tick); emptied when an import changes the database. */
  private readonly stationLocations = new LruCache<number, number>(200_000);
  private watermark: number | null = null;
  private recentRows = -1;
  private readonly version: DataVersion;
  private stationsVersion = '';

  constructor(private readonly db: Db) {
    this.version = new DataVersion(db);
  }

  private stmt(sql: string): Statement<unknown[]> {
    let s = this.statements.get(sql);
    if (!s) {
      s = this.db.prepare<unknown[]>(sql);
      this.statements.set(sql, s);
    }
    return s;
  }

  // ---- EVSEs ----

  evse(stationId: number): EvseInfo | null {
    return (
      (this.stmt(
        `SELECT s.id AS station_id, s.location_id, s.ref, s.network_ext_id, l.title, l.latitude, l.longitude
         FROM stations s JOIN locations l ON l.id = s.location_id WHERE s.id = ?`,
      ).get(stationId) as EvseInfo | undefined) ?? null
    );
  }

  evseConnectors(stationId: number): Array<{ title: string; power_kw: number | null }> {
    return this.stmt(
      `SELECT COALESCE(t.title, 'Unknown') AS title, c.power_kw FROM connectors c LEFT JOIN ref_connection_types t ON t.id = c.connection_type_id
       WHERE c.station_id = ? ORDER BY c.id`,
    ).all(stationId) as Array<{ title: string; power_kw: number | null }>;
  }

  /** Station → location for many stations at once (ingestion checks each record's EVSE). */
  locationsOfStations(stationIds: number[]): Map<number, number> {
    const version = this.version.current();
    if (version !== this.stationsVersion) {
      this.stationLocations.clear();
      this.stationsVersion = version;
    }
    const out = new Map<number, number>();
    const one = this.stmt('SELECT location_id FROM stations WHERE id = ?');
    for (const id of stationIds) {
      if (out.has(id)) continue;
      let loc = this.stationLocations.get(id);
      if (loc === undefined) {
        loc = (one.get(id) as { location_id: number } | undefined)?.location_id;
        if (loc !== undefined) this.stationLocations.set(id, loc);
      }
      if (loc !== undefined) out.set(id, loc);
    }
    return out;
  }

  /** The station (EVSE) ids of a location. */
  stationsOf(locationId: number): number[] {
    return (this.stmt('SELECT id FROM stations WHERE location_id = ? ORDER BY id').all(locationId) as Array<{ id: number }>).map((r) => r.id);
  }

  /**
   * Stores status logs (first write wins on (EVSE, sampled_at)) and moves each EVSE's newest state (each row's
   * `state`, from evseState()) forward, in one transaction. Returns the EVSEs whose newest state changed.
   */
  insertEvseStatus(rows: Array<EvseStatusRow & { location_id: number; state: Availability }>): InsertOutcome & { latest: EvseLatestRow[] } {
    // Below the watermark a log belongs in evse_status_logs (a late sample), from it on in the recent table.
    const watermark = this.compactedBefore();
    const intoLogs = this.stmt(`INSERT INTO evse_status_logs (${STATUS_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`);
    const intoRecent = this.stmt(`INSERT INTO evse_status_recent (${STATUS_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`);
    const upsertLatest = this.stmt(
      `INSERT INTO evse_latest (station_id, location_id, sampled_at_ms, state, simulated) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (station_id) DO UPDATE SET location_id = excluded.location_id, sampled_at_ms = excluded.sampled_at_ms,
         state = excluded.state, simulated = excluded.simulated
       WHERE excluded.sampled_at_ms > evse_latest.sampled_at_ms`,
    );
    return this.db.transaction(() => {
      let inserted = 0;
      const newest = new Map<number, EvseLatestRow>();
      for (const r of rows) {
        if ((r.sampled_at_ms < watermark ? intoLogs : intoRecent).run(r.station_id, r.sampled_at_ms, r.logged_at_ms, r.is_plugged_in, r.is_charging, r.charge_rate_watts, r.is_out_of_order, r.simulated).changes === 0) continue;
        inserted++;
        const prev = newest.get(r.station_id);
        if (!prev || r.sampled_at_ms > prev.sampled_at_ms) {
          newest.set(r.station_id, { station_id: r.station_id, location_id: r.location_id, sampled_at_ms: r.sampled_at_ms, state: r.state, simulated: r.simulated });
        }
      }
      const latest: EvseLatestRow[] = [];
      for (const n of newest.values()) if (upsertLatest.run(n.station_id, n.location_id, n.sampled_at_ms, n.state, n.simulated).changes > 0) latest.push(n);
      if (inserted > 0) this.recentRows += inserted;
      return { inserted, duplicates: rows.length - inserted, latest };
    })();
  }

  /** Logs sampled before this time are in evse_status_logs; the others in evse_status_recent. */
  compactedBefore(): number {
    if (this.watermark === null) {
      const row = this.stmt('SELECT value FROM meta WHERE key = ?').get(WATERMARK_KEY) as { value: string } | undefined;
      this.watermark = row ? Number(row.value) : 0;
    }
    return this.watermark;
  }

  /** The newest sample time in the recent table (its key starts with the time). */
  newestRecentSample(): number | null {
    return (this.stmt('SELECT MAX(sampled_at_ms) AS t FROM evse_status_recent').get() as { t: number | null }).t;
  }

  /** About how many logs the recent table holds (counted at start, then by inserts and compactions). */
  recentCount(): number {
    if (this.recentRows < 0) this.recentRows = (this.stmt('SELECT COUNT(*) AS n FROM evse_status_recent').get() as { n: number }).n;
    return this.recentRows;
  }

  /**
   * Moves recent logs sampled before `before` to evse_status_logs in EVSE order and raises the watermark to it, in
   * one transaction (a log is always in exactly one of the two tables). Returns the logs moved.
   */
  compactEvseStatus(before: number): number {
    const current = this.compactedBefore();
    if (before <= current) return 0;
    const moved = this.db.transaction(() => {
      const n = this.stmt(
        `INSERT INTO evse_status_logs (${STATUS_COLUMNS}) SELECT ${STATUS_COLUMNS} FROM evse_status_recent WHERE sampled_at_ms < ?
         ORDER BY station_id, sampled_at_ms ON CONFLICT DO NOTHING`,
      ).run(before).changes;
      this.stmt('DELETE FROM evse_status_recent WHERE sampled_at_ms < ?').run(before);
      this.stmt('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(WATERMARK_KEY, String(before));
      return n;
    })();
    this.watermark = before;
    this.recentRows = -1;
    return moved;
  }

  evseStatusPage(stationId: number, req: PageRequest): Page<EvseStatusRow> {
    return this.page<EvseStatusRow>(STATUS, stationId, req);
  }

  evseStatusAt(stationId: number, ms: number): EvseStatusRow | null {
    const table = ms < this.compactedBefore() ? 'evse_status_logs' : 'evse_status_recent';
    return (this.stmt(`SELECT ${STATUS_COLUMNS} FROM ${table} WHERE station_id = ? AND sampled_at_ms = ?`).get(stationId, ms) as EvseStatusRow | undefined) ?? null;
  }

  insertEvseCommands(rows: EvseCommandRow[]): InsertOutcome {
    const insert = this.stmt(
      `INSERT INTO evse_command_logs (station_id, logged_at_ms, max_load_target_milliamps, is_enabled_target, always_enabled, reason, internal_command_id, simulated)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
    );
    return this.db.transaction(() => {
      let inserted = 0;
      for (const r of rows) inserted += insert.run(r.station_id, r.logged_at_ms, r.max_load_target_milliamps, r.is_enabled_target, r.always_enabled, r.reason, r.internal_command_id, r.simulated).changes;
      return { inserted, duplicates: rows.length - inserted };
    })();
  }

  evseCommandPage(stationId: number, req: PageRequest): Page<EvseCommandRow> {
    return this.page<EvseCommandRow>(COMMANDS, stationId, req);
  }

  evseCommandAt(stationId: number, ms: number): EvseCommandRow | null {
    return (this.stmt('SELECT * FROM evse_command_logs WHERE station_id = ? AND logged_at_ms = ?').get(stationId, ms) as EvseCommandRow | undefined) ?? null;
  }

  /** Every EVSE's newest state (loaded once at start; availability is then kept in memory). */
  latestAll(): EvseLatestRow[] {
    return this.stmt('SELECT station_id, location_id, sampled_at_ms, state, simulated FROM evse_latest').all() as EvseLatestRow[];
  }

  /** Samples per UTC hour since a time, over some EVSEs: how many said "in use" and how many said anything. */
  hourlyOccupancy(stationIds: number[], sinceMs: number): { hours: HourSamples[]; simulated: boolean } {
    const q = this.stmt(
      `SELECT sampled_at_ms / 3600000 AS h, SUM(st = 2) AS occupied, SUM(st > 0) AS known, MAX(simulated) AS sim
       FROM (SELECT sampled_at_ms, simulated, ${STATE_SQL} AS st FROM evse_status_logs WHERE station_id = ? AND sampled_at_ms >= ?
             UNION ALL
             SELECT sampled_at_ms, simulated, ${STATE_SQL} AS st FROM evse_status_recent WHERE station_id = ? AND sampled_at_ms >= ?)
       GROUP BY h`,
    );
    const hours: HourSamples[] = [];
    let simulated = false;
    for (const id of stationIds) {
      for (const r of q.all(id, sinceMs, id, sinceMs) as Array<{ h: number; occupied: number; known: number; sim: number }>) {
        hours.push({ hourMs: r.h * 3_600_000, occupied: r.occupied, known: r.known });
        if (r.sim === 1) simulated = true;
      }
    }
    return { hours, simulated };
  }

  /**
   * Deletes EVSE logs older than a time, a few hundred EVSEs per transaction (each delete is a key range), so a
   * large history is pruned without holding the database for long. Returns the logs deleted.
   */
  async pruneEvseLogsBefore(ms: number, perTransaction = 500): Promise<number> {
    const stations = (this.stmt('SELECT DISTINCT station_id FROM evse_latest ORDER BY station_id').all() as Array<{ station_id: number }>).map((r) => r.station_id);
    const status = this.stmt('DELETE FROM evse_status_logs WHERE station_id = ? AND sampled_at_ms < ?');
    const commands = this.stmt('DELETE FROM evse_command_logs WHERE station_id = ? AND logged_at_ms < ?');
    // Recent logs are keyed by time: one range.
    let deleted = this.stmt('DELETE FROM evse_status_recent WHERE sampled_at_ms < ?').run(ms).changes;
    if (deleted > 0) this.recentRows = -1;
    for (let i = 0; i < stations.length; i += perTransaction) {
      deleted += this.db.transaction(() => {
        let n = 0;
        for (const id of stations.slice(i, i + perTransaction)) n += status.run(id, ms).changes + commands.run(id, ms).changes;
        return n;
      })();
      // Let requests in between transactions.
      await new Promise((r) => setImmediate(r));
    }
    return deleted;
  }

  // ---- vehicles ----

  createVehicle(v: UserVehicleRow) {
    this.stmt('INSERT INTO user_vehicles (id, user_id, name, created_at) VALUES (?, ?, ?, ?)').run(v.id, v.user_id, v.name, v.created_at);
  }

  vehicle(id: string): UserVehicleRow | null {
    return (this.stmt('SELECT id, user_id, name, created_at FROM user_vehicles WHERE id = ?').get(id) as UserVehicleRow | undefined) ?? null;
  }

  vehiclesOf(userId: number): UserVehicleRow[] {
    return this.stmt('SELECT id, user_id, name, created_at FROM user_vehicles WHERE user_id = ? ORDER BY created_at, id').all(userId) as UserVehicleRow[];
  }

  insertVehicleStatus(rows: VehicleStatusRow[]): InsertOutcome {
    const insert = this.stmt(
      `INSERT INTO vehicle_status_logs (vehicle_id, sampled_at_ms, logged_at_ms, state_of_charge_percentage, is_charging, is_plugged_in, charge_rate_watts)
       VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
    );
    return this.db.transaction(() => {
      let inserted = 0;
      for (const r of rows) inserted += insert.run(r.vehicle_id, r.sampled_at_ms, r.logged_at_ms, r.state_of_charge_percentage, r.is_charging, r.is_plugged_in, r.charge_rate_watts).changes;
      return { inserted, duplicates: rows.length - inserted };
    })();
  }

  vehicleStatusPage(vehicleId: string, req: PageRequest): Page<VehicleStatusRow> {
    return this.page<VehicleStatusRow>(VEHICLE, vehicleId, req);
  }

  vehicleStatusAt(vehicleId: string, ms: number): VehicleStatusRow | null {
    return (this.stmt('SELECT * FROM vehicle_status_logs WHERE vehicle_id = ? AND sampled_at_ms = ?').get(vehicleId, ms) as VehicleStatusRow | undefined) ?? null;
  }

  // ---- keyset pages ----

  /**
   * Newest first. A page after a cursor reads down from it, a page before reads up from it (then reversed), so
   * logs that arrive meanwhile never shift a page: nothing is skipped or repeated while a client walks the list.
   */
  private page<T>(t: LogTable, key: number | string, req: PageRequest): Page<T> {
    const where = [`${t.key} = ?`];
    const params: unknown[] = [key];
    if (req.gte !== undefined) {
      where.push(`${t.time} >= ?`);
      params.push(req.gte);
    }
    if (req.lte !== undefined) {
      where.push(`${t.time} <= ?`);
      params.push(req.lte);
    }
    const range = where.join(' AND ');
    // The first `limit` logs in one direction with a condition on their time: from the log table and, for status
    // logs, the recent table, each arm ordered and limited on its own index before the two are merged.
    const select = (cond: string, dir: 'ASC' | 'DESC', extra: unknown[], limit: number): T[] => {
      const arm = (table: string, cols: string) => `SELECT * FROM (SELECT ${cols} FROM ${table} WHERE ${range}${cond} ORDER BY ${t.time} ${dir} LIMIT ?)`;
      if (!t.recent) return this.stmt(`${arm(t.table, '*')}`).all(...params, ...extra, limit) as T[];
      const sql = `${arm(t.table, t.recent.columns)} UNION ALL ${arm(t.recent.table, t.recent.columns)} ORDER BY ${t.time} ${dir} LIMIT ?`;
      return this.stmt(sql).all(...params, ...extra, limit, ...params, ...extra, limit, limit) as T[];
    };
    const exists = (op: string, at: number) => select(` AND ${t.time} ${op} ?`, 'DESC', [at], 1).length > 0;
    let items: T[];
    let hasNewer: boolean;
    let hasOlder: boolean;
    if (req.before !== undefined) {
      const rows = select(` AND ${t.time} > ?`, 'ASC', [req.before], req.size + 1);
      hasNewer = rows.length > req.size;
      items = rows.slice(0, req.size).reverse();
      hasOlder = exists('<=', req.before);
    } else {
      const after = req.after;
      const rows = after !== undefined ? select(` AND ${t.time} < ?`, 'DESC', [after], req.size + 1) : select('', 'DESC', [], req.size + 1);
      hasOlder = rows.length > req.size;
      items = rows.slice(0, req.size);
      hasNewer = after !== undefined && exists('>=', after);
    }
    return { items, hasNewer, hasOlder };
  }
}
