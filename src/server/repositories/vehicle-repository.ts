import { hash } from 'node:crypto';
import type { Db } from '../db/open-db';

export interface VehicleInput {
  id: string;
  brand: string;
  model: string;
  variant: string | null;
  releaseYear: number | null;
  vehicleType: string | null;
  powertrain: string | null;
  usableBatteryKwh: number | null;
  raw: unknown;
}

export interface VehicleRow {
  rowid: number;
  id: string;
  source: string;
  licence: string;
  brand: string;
  model: string;
  variant: string | null;
  release_year: number | null;
  vehicle_type: string | null;
  powertrain: string | null;
  usable_battery_kwh: number | null;
  json: string;
}

export type VehicleWriteOutcome = 'inserted' | 'updated' | 'unchanged';

/** Vehicles from Open EV Data, kept whole (`json`) for the vehicles API and the planner (issue: vehicles and tariffs). */
export class VehicleRepository {
  constructor(private readonly db: Db) {}

  upsert(v: VehicleInput, source: string, licence: string): VehicleWriteOutcome {
    const json = JSON.stringify(v.raw);
    const digest = hash('sha1', json, 'base64');
    const old = this.db.prepare('SELECT content_hash FROM vehicles WHERE id = ?').get(v.id) as { content_hash: string } | undefined;
    if (old?.content_hash === digest) return 'unchanged';
    const now = new Date().toISOString();
    this.db
      .prepare(
        `INSERT INTO vehicles (id, source, licence, brand, model, variant, release_year, vehicle_type, powertrain, usable_battery_kwh, json, content_hash, imported_at, updated_at)
         VALUES (@id, @source, @licence, @brand, @model, @variant, @releaseYear, @vehicleType, @powertrain, @usableBatteryKwh, @json, @hash, @now, @now)
         ON CONFLICT (id) DO UPDATE SET source = excluded.source, licence = excluded.licence, brand = excluded.brand, model = excluded.model,
           variant = excluded.variant, release_year = excluded.release_year, vehicle_type = excluded.vehicle_type, powertrain = excluded.powertrain,
           usable_battery_kwh = excluded.usable_battery_kwh, json = excluded.json, content_hash = excluded.content_hash, updated_at = excluded.updated_at`,
      )
      .run({ ...v, source, licence, json, hash: digest, now });
    return old ? 'updated' : 'inserted';
  }

  /** Every stored variant in import order (rowid), so variant ids are stable for the same data. */
  all(): VehicleRow[] {
    return this.db
      .prepare('SELECT rowid, id, source, licence, brand, model, variant, release_year, vehicle_type, powertrain, usable_battery_kwh, json FROM vehicles ORDER BY rowid')
      .all() as VehicleRow[];
  }

  /** Changes whenever a vehicle is written: a cheap key for caches built from all(). */
  version(): string {
    const r = this.db.prepare('SELECT COUNT(*) AS n, MAX(updated_at) AS m FROM vehicles').get() as { n: number; m: string | null };
    return `${r.n}/${r.m ?? ''}`;
  }

  /** The data set's own date (Open EV Data `meta.updated_at`), stored at import. */
  dataDate(): string | null {
    return (this.db.prepare("SELECT value FROM meta WHERE key = 'open_ev_data_updated_at'").get() as { value: string } | undefined)?.value ?? null;
  }

  setDataDate(date: string) {
    this.db.prepare("INSERT INTO meta (key, value) VALUES ('open_ev_data_updated_at', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value").run(date);
  }

  count(): number {
    return (this.db.prepare('SELECT COUNT(*) AS n FROM vehicles').get() as { n: number }).n;
  }
}
