import type { Db } from '../db/open-db';
import { DataVersion } from '../db/data-version';

/** OCM reference objects exactly as OCM names them; kept as parsed JSON for output. */
export type RefObject = Record<string, unknown> & { ID: number; Title?: string };

export interface ReferenceData {
  connectionTypes: Map<number, RefObject>;
  currentTypes: Map<number, RefObject>;
  levels: Map<number, RefObject>;
  usageTypes: Map<number, RefObject>;
  statusTypes: Map<number, RefObject>;
  submissionStatusTypes: Map<number, RefObject>;
  countries: Map<number, RefObject>;
  countriesByIso: Map<string, RefObject>;
  operators: Map<number, RefObject>;
  dataProviders: Map<number, RefObject>;
  checkinStatusTypes: Map<number, RefObject>;
  commentTypes: Map<number, RefObject>;
}

/** Maps OCM's CoreReferenceData keys to tables and the columns pulled out of each object for SQL use. */
const TABLES = {
  ConnectionTypes: { table: 'ref_connection_types', cols: { title: 'Title', formal_name: 'FormalName', is_discontinued: 'IsDiscontinued', is_obsolete: 'IsObsolete' } },
  CurrentTypes: { table: 'ref_current_types', cols: { title: 'Title', description: 'Description' } },
  ChargerTypes: { table: 'ref_levels', cols: { title: 'Title', comments: 'Comments', is_fast_charge_capable: 'IsFastChargeCapable' } },
  UsageTypes: {
    table: 'ref_usage_types',
    cols: { title: 'Title', is_pay_at_location: 'IsPayAtLocation', is_membership_required: 'IsMembershipRequired', is_access_key_required: 'IsAccessKeyRequired' },
  },
  StatusTypes: { table: 'ref_status_types', cols: { title: 'Title', is_operational: 'IsOperational', is_user_selectable: 'IsUserSelectable' } },
  SubmissionStatusTypes: { table: 'ref_submission_status_types', cols: { title: 'Title', is_live: 'IsLive' } },
  Countries: { table: 'ref_countries', cols: { title: 'Title', iso_code: 'ISOCode', continent_code: 'ContinentCode' } },
  Operators: { table: 'ref_operators', cols: { title: 'Title', website_url: 'WebsiteURL', phone_primary: 'PhonePrimaryContact', is_private_individual: 'IsPrivateIndividual' } },
  DataProviders: { table: 'ref_data_providers', cols: { title: 'Title', website_url: 'WebsiteURL', license: 'License', is_open_data_licensed: 'IsOpenDataLicensed' } },
  CheckinStatusTypes: { table: 'ref_checkin_status_types', cols: { title: 'Title', is_positive: 'IsPositive', is_automated_checkin: 'IsAutomatedCheckin' } },
  UserCommentTypes: { table: 'ref_comment_types', cols: { title: 'Title' } },
} as const;

export type ReferenceKey = keyof typeof TABLES;
export const REFERENCE_KEYS = Object.keys(TABLES) as ReferenceKey[];

const sqlValue = (v: unknown) => (typeof v === 'boolean' ? (v ? 1 : 0) : v === undefined ? null : (v as string | number | null));

export interface ReferenceUpsertResult {
  read: number;
  inserted: number;
  updated: number;
  unchanged: number;
  skipped: Array<{ line: number; reason: string }>;
}

export class ReferenceRepository {
  private cache: ReferenceData | null = null;
  private cacheVersion = '';
  private readonly version: DataVersion;

  constructor(private readonly db: Db) {
    this.version = new DataVersion(db);
  }

  /** Upserts an OCM CoreReferenceData document; each list's items are keyed by ID. */
  upsert(doc: Record<string, unknown>): ReferenceUpsertResult {
    const result: ReferenceUpsertResult = { read: 0, inserted: 0, updated: 0, unchanged: 0, skipped: [] };
    this.db.transaction(() => {
      for (const key of REFERENCE_KEYS) {
        const list = doc[key];
        if (!Array.isArray(list)) continue;
        const { table, cols } = TABLES[key];
        const names = Object.keys(cols);
        const existing = this.db.prepare(`SELECT json FROM ${table} WHERE id = ?`);
        const upsert = this.db.prepare(
          `INSERT INTO ${table} (id, ${names.join(', ')}, json) VALUES (?, ${names.map(() => '?').join(', ')}, ?)
           ON CONFLICT (id) DO UPDATE SET ${names.map((n) => `${n} = excluded.${n}`).join(', ')}, json = excluded.json`,
        );
        list.forEach((item, i) => {
          result.read++;
          const o = item as Record<string, unknown>;
          if (!o || typeof o !== 'object' || typeof o.ID !== 'number' || (key !== 'Countries' && typeof o.Title !== 'string')) {
            result.skipped.push({ line: i + 1, reason: `${key}[${i}]: missing numeric ID or Title` });
            return;
          }
          if (key === 'Countries' && typeof o.ISOCode !== 'string') {
            result.skipped.push({ line: i + 1, reason: `Countries[${i}]: missing ISOCode` });
            return;
          }
          const json = JSON.stringify(o);
          const old = existing.get(o.ID) as { json: string } | undefined;
          if (old?.json === json) {
            result.unchanged++;
            return;
          }
          upsert.run(o.ID, ...Object.values(cols).map((c) => sqlValue(o[c])), json);
          if (old) result.updated++;
          else result.inserted++;
        });
      }
    })();
    this.cache = null;
    return result;
  }

  /** Drops the cache; needed after writes on this same connection, which `data_version` does not report. */
  invalidate() {
    this.cache = null;
  }

  isEmpty(): boolean {
    return this.db.prepare('SELECT 1 FROM ref_connection_types LIMIT 1').get() === undefined;
  }

  /** All reference data as OCM objects, cached until the database changes (imports run in another process). */
  all(): ReferenceData {
    const version = this.version.current();
    if (this.cache && version === this.cacheVersion) return this.cache;
    const load = (table: string) => {
      const m = new Map<number, RefObject>();
      for (const r of this.db.prepare(`SELECT json FROM ${table} ORDER BY id`).all() as Array<{ json: string }>) {
        const o = JSON.parse(r.json) as RefObject;
        m.set(o.ID, o);
      }
      return m;
    };
    const countries = load('ref_countries');
    this.cache = {
      connectionTypes: load('ref_connection_types'),
      currentTypes: load('ref_current_types'),
      levels: load('ref_levels'),
      usageTypes: load('ref_usage_types'),
      statusTypes: load('ref_status_types'),
      submissionStatusTypes: load('ref_submission_status_types'),
      countries,
      countriesByIso: new Map([...countries.values()].map((c) => [String(c.ISOCode), c])),
      operators: load('ref_operators'),
      dataProviders: load('ref_data_providers'),
      checkinStatusTypes: load('ref_checkin_status_types'),
      commentTypes: load('ref_comment_types'),
    };
    this.cacheVersion = version;
    return this.cache;
  }
}

/** Ids of operators, connection types and data providers used by locations in the given countries. */
export function referenceIdsUsedIn(db: Db, countryIds: number[]) {
  const ph = countryIds.map(() => '?').join(', ');
  const ids = (sql: string) => new Set((db.prepare(sql).all(...countryIds) as Array<{ id: number }>).map((r) => r.id));
  return {
    operators: ids(`SELECT DISTINCT operator_id AS id FROM locations WHERE country_id IN (${ph}) AND operator_id IS NOT NULL`),
    dataProviders: ids(`SELECT DISTINCT data_provider_id AS id FROM locations WHERE country_id IN (${ph})`),
    connectionTypes: ids(`SELECT DISTINCT c.connection_type_id AS id FROM connectors c JOIN locations l ON l.id = c.location_id WHERE l.country_id IN (${ph})`),
  };
}
