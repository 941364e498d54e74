import path from 'node:path';
import type { Db } from '../db/open-db';
import { deferIndexesForBulkLoad, restoreDeferredIndexes } from '../db/deferred-indexes';
import { LocationWriter } from '../repositories/location-writer';
import { CheckinRepository } from '../repositories/checkin-repository';
import { ReferenceRepository } from '../repositories/reference-repository';
import { VehicleRepository } from '../repositories/vehicle-repository';
import { parseAfdc } from './afdc';
import { parseBnetza } from './bnetza';
import { parseNcr } from './ncr';
import { OPEN_EV_DATA_LICENCE, parseOpenEvData } from './open-ev-data';
import { parseOcmJson, parseOcmNdjson, type OcmImportContext } from './ocm-poi';
import { openInput, readAllText, type InputFile } from './read-input';
import type { ParsedItem } from './types';
import { parseInWorker } from './parse-in-worker';
import { TariffRepository } from '../repositories/tariff-repository';
import { leccyRows, networkList, storeLeccyRows } from '../tariffs/leccy-tariffs';
import { markTariffsStale } from '../tariffs/derive-tariffs';

export const FORMATS = ['afdc', 'ncr', 'bnetza', 'ocm-json', 'ocm-ndjson', 'ocm-reference', 'open-ev-data', 'leccy-tariffs'] as const;
export type ImportFormat = (typeof FORMATS)[number];

export interface ImportSummary {
  file: string;
  format: ImportFormat;
  read: number;
  inserted: number;
  updated: number;
  unchanged: number;
  /** Check-ins (OCM UserComments) stored with the records. */
  checkins: number;
  skipped: number;
  skippedByReason: Record<string, number>;
  /** The first MAX_REPORTED skipped rows with their line (or record) number. */
  skippedRows: Array<{ line: number; reason: string }>;
  seconds: number;
}

const MAX_REPORTED = 1000;
/** Below this size a worker thread costs more to start than it saves. */
const WORKER_MIN_BYTES = 4 * 1024 * 1024;
const BATCH = 5000;

/** Detects the format from the first bytes of content (never from the file name). */
export function detectFormat(head: string): ImportFormat | null {
  const t = head.trimStart();
  const firstLine = t.split(/\r?\n/, 1)[0] ?? '';
  // Leccy networks: Network objects with services (and rates), as an array or under "networks".
  if ((t.startsWith('[') || /^\{\s*"networks"\s*:/.test(t)) && /"services"\s*:/.test(t.slice(0, 20000)) && /"supportedSpeeds"|"rates"\s*:/.test(t.slice(0, 20000))) return 'leccy-tariffs';
  if (t.startsWith('{')) {
    if (/"ConnectionTypes"\s*:/.test(t.slice(0, 200000)) || /"ChargerTypes"\s*:/.test(t)) return 'ocm-reference';
    if (/"usable_battery_size"\s*:|"brands"\s*:/.test(t) && /"data"\s*:/.test(t)) return 'open-ev-data';
    if (/"AddressInfo"\s*:|"addressInfo"\s*:/i.test(firstLine)) return 'ocm-ndjson';
    return null;
  }
  if (t.startsWith('[')) return /"AddressInfo"|"addressInfo"/i.test(t) || /^\[\s*\]/.test(t) ? 'ocm-json' : null;
  if (/Fuel Type Code/.test(firstLine) && /EV Network/.test(firstLine)) return 'afdc';
  if (/chargeDeviceID/.test(firstLine)) return 'ncr';
  if (/Betreiber/.test(firstLine) && /(Breitengrad|Längengrad)/.test(firstLine)) return 'bnetza';
  return null;
}

export interface ImportOptions {
  format?: ImportFormat;
  /** Called with the fraction of the file read so far (0..1). */
  onProgress?: (fraction: number) => void;
}

function newSummary(file: string, format: ImportFormat): ImportSummary {
  return { file, format, read: 0, inserted: 0, updated: 0, unchanged: 0, checkins: 0, skipped: 0, skippedByReason: {}, skippedRows: [], seconds: 0 };
}

/** Reasons are grouped with their numbers masked, so "duplicate of AFDC station 123" counts as one kind. */
export const reasonKind = (reason: string) => reason.replace(/\d+(\.\d+)?/g, '#');

function recordSkip(s: ImportSummary, line: number, reason: string) {
  s.skipped++;
  const kind = reasonKind(reason);
  s.skippedByReason[kind] = (s.skippedByReason[kind] ?? 0) + 1;
  if (s.skippedRows.length < MAX_REPORTED) s.skippedRows.push({ line, reason });
}

export async function importFile(db: Db, filePath: string, options: ImportOptions = {}): Promise<ImportSummary> {
  const started = performance.now();
  const input = openInput(filePath);
  const head = await input.head();
  const format = options.format ?? detectFormat(head);
  if (format === null) {
    throw new Error(`${filePath}: could not tell the format from its content; pass --format (one of ${FORMATS.join(', ')})`);
  }
  const progress = (n: number) => options.onProgress?.(Math.min(1, n / Math.max(1, input.totalBytes)));
  const summary = newSummary(path.basename(filePath), format);
  const refs = new ReferenceRepository(db);
  const startedAt = new Date().toISOString();

  if (format === 'ocm-reference') {
    const doc = JSON.parse(await readAllText(input, progress)) as Record<string, unknown>;
    const r = refs.upsert(doc);
    Object.assign(summary, { read: r.read, inserted: r.inserted, updated: r.updated, unchanged: r.unchanged });
    for (const s of r.skipped) recordSkip(summary, s.line, s.reason);
  } else if (format === 'open-ev-data') {
    const vehicles = new VehicleRepository(db);
    const doc = JSON.parse(await readAllText(input, progress)) as { meta?: { updated_at?: unknown } };
    db.transaction(() => {
      if (typeof doc?.meta?.updated_at === 'string') vehicles.setDataDate(doc.meta.updated_at);
      for (const item of parseOpenEvData(doc)) {
        summary.read++;
        if (item.skip !== undefined) recordSkip(summary, item.line, item.skip);
        else summary[vehicles.upsert(item.record, 'open-ev-data', OPEN_EV_DATA_LICENCE)]++;
      }
    })();
  } else if (format === 'leccy-tariffs') {
    const tariffs = new TariffRepository(db);
    const list = networkList(JSON.parse(await readAllText(input, progress)) as unknown);
    if (list === null) throw new Error(`${filePath}: expected an array of Leccy Network objects or {"networks": [...]}`);
    const rows = leccyRows(list, tariffs.operatorIdsByName());
    const before = new Set(tariffs.networks().map((n) => n.id));
    storeLeccyRows(tariffs, rows, 'ids');
    summary.read = rows.read;
    for (const n of rows.networks) summary[before.has(n.id) ? 'updated' : 'inserted']++;
    for (const s of rows.skipped) recordSkip(summary, s.line, s.reason);
  } else {
    if (refs.isEmpty()) throw new Error('reference data is missing: import OCM CoreReferenceData.json first (npm start does this from data/)');
    await writeLocations(db, input, format, head, summary, progress);
  }
  refs.invalidate();
  summary.seconds = (performance.now() - started) / 1000;
  db.prepare(
    `INSERT INTO import_runs (format, file, started_at, finished_at, read_count, inserted_count, updated_count, unchanged_count, skipped_count, skipped_report)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(format, filePath, startedAt, new Date().toISOString(), summary.read, summary.inserted, summary.updated, summary.unchanged, summary.skipped,
    JSON.stringify({ byReason: summary.skippedByReason, rows: summary.skippedRows }));
  options.onProgress?.(1);
  return summary;
}

/** Groups an item stream for the writer, which takes the worker's batches as they come. */
async function* inBatches(items: AsyncIterable<ParsedItem> | Iterable<ParsedItem>, size = 500): AsyncGenerator<ParsedItem[]> {
  let batch: ParsedItem[] = [];
  for await (const item of items) {
    batch.push(item);
    if (batch.length >= size) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}

async function writeLocations(db: Db, input: InputFile, format: ImportFormat, head: string, summary: ImportSummary, progress: (n: number) => void) {
  // Large CSV files are parsed in a worker thread while this thread writes (see parse-worker.ts). It starts first,
  // so that it boots while the writer loads what it needs, and it is stopped however the writing ends.
  const fromWorker =
    (format === 'afdc' || format === 'ncr' || format === 'bnetza') && input.totalBytes >= WORKER_MIN_BYTES
      ? parseInWorker({ path: input.path, format, headerLine: head.split(/\r?\n/, 1)[0] }, progress)
      : null;
  try {
    await writeFrom(db, input, format, head, summary, progress, fromWorker);
  } finally {
    await fromWorker?.return(undefined);
  }
}

async function writeFrom(
  db: Db,
  input: InputFile,
  format: ImportFormat,
  head: string,
  summary: ImportSummary,
  progress: (n: number) => void,
  fromWorker: AsyncIterable<readonly ParsedItem[]> | null,
) {
  const writer = new LocationWriter(db);
  const refs = new ReferenceRepository(db).all();
  const ctx: OcmImportContext = {
    provider: (id) => {
      const p = refs.dataProviders.get(id);
      return p ? { title: String(p.Title), license: (p.License as string | null) ?? null, isOpenData: (p.IsOpenDataLicensed as boolean | null) ?? null } : undefined;
    },
    hasAfdcStation: (id) => writer.has('afdc', id),
  };
  let batches: AsyncIterable<readonly ParsedItem[]>;
  if (fromWorker) batches = fromWorker;
  else switch (format) {
    case 'afdc':
      batches = inBatches(parseAfdc(input.open(progress)));
      break;
    case 'ncr':
      batches = inBatches(parseNcr(input.open(progress)));
      break;
    case 'bnetza':
      batches = inBatches(parseBnetza(input.open(progress), head.split(/\r?\n/, 1)[0]));
      break;
    case 'ocm-ndjson':
      batches = inBatches(parseOcmNdjson(input.open(progress), ctx));
      break;
    case 'ocm-json':
      batches = inBatches(parseOcmJson(await readAllText(input, progress), ctx));
      break;
    default:
      throw new Error(`unsupported location format ${format}`);
  }
  const source = path.basename(input.path);
  const checkins = new CheckinRepository(db);
  const isPositive = (statusTypeId: number | null) => (statusTypeId === null ? null : (refs.checkinStatusTypes.get(statusTypeId)?.IsPositive as boolean | null | undefined));
  const withNewCheckins = new Set<number>();
  let inBatch = 0;
  // An import can be re-run, so its commits need not wait for the disk: NORMAL in WAL mode is still safe
  // against crashes of this process. The previous level is restored at the end.
  const synchronous = db.pragma('synchronous', { simple: true }) as number;
  const cacheSize = db.pragma('cache_size', { simple: true }) as number;
  db.pragma('synchronous = NORMAL');
  // A larger page cache keeps the index pages of big imports in memory.
  db.pragma('cache_size = -262144');
  db.exec('BEGIN');
  // Into an empty database (the first start's bundled data, a new deployment): the R*Tree is packed at the end.
  const bulk = deferIndexesForBulkLoad(db);
  let committed = false;
  if (bulk) writer.beginBulkLoad();
  try {
    for await (const batch of batches) for (const item of batch) {
      summary.read += item.rows ?? 1;
      if (item.skip !== undefined) recordSkip(summary, item.line, item.skip);
      else {
        const outcome = writer.write(item.record, source, item.hash);
        if (typeof outcome === 'object') recordSkip(summary, item.line, outcome.skip);
        else {
          summary[outcome]++;
          // Unchanged records carry unchanged comments (the content hash covers them).
          const id = item.community && outcome !== 'unchanged' ? writer.idOf(item.record.source, item.record.sourceId) : undefined;
          if (id !== undefined && item.community) {
            const added = checkins.addImported(id, item.community, isPositive);
            summary.checkins += added;
            if (added > 0) withNewCheckins.add(id);
          }
        }
      }
      if (++inBatch >= BATCH) {
        db.exec('COMMIT; BEGIN');
        inBatch = 0;
      }
    }
    for (const id of withNewCheckins) checkins.refreshStats(id);
    // Prices are read again from every location's text when imports are done (ensureTariffs), not per file; in the
    // same transaction, so changed locations and the stale mark are stored together.
    if (summary.inserted + summary.updated > 0) markTariffsStale(new TariffRepository(db));
    db.exec('COMMIT');
    committed = true;
  } catch (err) {
    db.exec('ROLLBACK');
    throw err;
  } finally {
    // After a failure too: rows committed by earlier batches stay, and so must their spatial index (read from the
    // table then, as the writer's list holds rolled-back rows too).
    if (bulk) restoreDeferredIndexes(db, committed ? writer.deferredSpatialEntries() : undefined);
    db.pragma(`synchronous = ${synchronous}`);
    db.pragma(`cache_size = ${cacheSize}`);
  }
}
