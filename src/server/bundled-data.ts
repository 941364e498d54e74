import path from 'node:path';
import type { Db } from './db/open-db';
import { importFile, type ImportSummary } from './importers/run-import';

/**
 * The open data shipped in data/, in import order: reference data first (everything maps onto it), then AFDC
 * before OCM so OCM's re-published AFDC records are recognised as duplicates.
 */
export const BUNDLED_FILES = [
  'ocm-reference/CoreReferenceData.json',
  'afdc-us-states/afdc_NY_2025-04.csv.gz',
  'afdc-us-states/afdc_MA_2025-11.csv.gz',
  'ocm-austin-2025/ocm_austin_2025-11.json.gz',
  'ocm-sample-2020/ocm_poi_2020-11_open-licensed.ndjson.gz',
  'uk-ncr-2017/national-charge-point-registry_2017-11.csv.gz',
  'bnetza-ladesaeulen/bnetza_berlin_2018-09.csv',
  'bnetza-ladesaeulen/bnetza_koeln_2022-07.csv',
  'ev-vehicles-open-ev-data/ev-data.json',
] as const;

export function databaseIsEmpty(db: Db): boolean {
  return db.prepare('SELECT 1 FROM locations LIMIT 1').get() === undefined;
}

export interface BundledImportEvents {
  onFileStart?(file: string, index: number, total: number): void;
  onProgress?(file: string, fraction: number): void;
  onFileDone?(summary: ImportSummary): void;
}

export async function importBundledData(db: Db, dataDir: string, events: BundledImportEvents = {}, files: readonly string[] = BUNDLED_FILES): Promise<ImportSummary[]> {
  const summaries: ImportSummary[] = [];
  for (const [i, rel] of files.entries()) {
    events.onFileStart?.(rel, i, files.length);
    const summary = await importFile(db, path.join(dataDir, rel), { onProgress: (f) => events.onProgress?.(rel, f) });
    summaries.push(summary);
    events.onFileDone?.(summary);
  }
  return summaries;
}
