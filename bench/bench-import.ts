import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import Papa from 'papaparse';
import { openDb } from '../src/server/db/open-db';
import { importFile } from '../src/server/importers/run-import';
import { writeResults, type Row } from './stats';

/**
 * Import speed for AFDC CSV: the bundled NY and MA exports are repeated with shifted station ids to about
 * BENCH_IMPORT_ROWS rows (default 100,000), then imported into a fresh database (first import = inserts) and
 * again (re-import = nothing changes).
 */
const targetRows = Number(process.env.BENCH_IMPORT_ROWS ?? 100_000);
const dir = path.resolve('bench/tmp');
fs.mkdirSync(dir, { recursive: true });
const csvFile = path.join(dir, `afdc-${targetRows}.csv.gz`);

if (!fs.existsSync(csvFile)) {
  const sources = ['data/afdc-us-states/afdc_NY_2025-04.csv.gz', 'data/afdc-us-states/afdc_MA_2025-11.csv.gz'].map((f) =>
    Papa.parse<string[]>(zlib.gunzipSync(fs.readFileSync(f)).toString('utf8').replace(/^\uFEFF/, ''), { skipEmptyLines: true }),
  );
  const header = sources[0].data[0];
  const idCol = header.indexOf('ID');
  const rows = sources.flatMap((s) => s.data.slice(1).map((r) => Object.fromEntries(header.map((h) => [h, r[s.data[0].indexOf(h)] ?? '']))));
  const out: string[][] = [];
  for (let k = 0; out.length < targetRows; k++) {
    for (const r of rows) {
      if (out.length >= targetRows) break;
      const copy = header.map((h) => r[h]);
      copy[idCol] = String(Number(r.ID) + k * 10_000_000);
      out.push(copy);
    }
  }
  fs.writeFileSync(csvFile, zlib.gzipSync(`\uFEFF${Papa.unparse({ fields: header, data: out })}\n`));
}

// Each run imports into a fresh database; the median of RUNS is reported because these shared 2-core machines
// vary by ±20 % from run to run (and the range is shown).
const RUNS = Number(process.env.BENCH_IMPORT_RUNS ?? 5);
const dbFile = path.join(dir, 'import-bench.sqlite');
type Summary = Awaited<ReturnType<typeof importFile>>;
const firsts: Summary[] = [];
const agains: Summary[] = [];
for (let run = 0; run < RUNS; run++) {
  for (const f of [dbFile, `${dbFile}-wal`, `${dbFile}-shm`]) fs.rmSync(f, { force: true });
  const db = openDb(dbFile);
  await importFile(db, 'data/ocm-reference/CoreReferenceData.json');
  firsts.push(await importFile(db, csvFile));
  agains.push(await importFile(db, csvFile));
  db.close();
}
const median = (xs: Summary[]) => [...xs].sort((a, b) => a.seconds - b.seconds)[Math.floor(xs.length / 2)];
const first = median(firsts);
const again = median(agains);

const rate = (s: Summary) => Math.round(s.read / s.seconds);
const range = (xs: Summary[]) => `${Math.min(...xs.map(rate)).toLocaleString()}–${Math.max(...xs.map(rate)).toLocaleString()}`;
const rows: Row[] = [
  {
    measure: `AFDC CSV first import: ${first.read.toLocaleString()} rows (${first.inserted.toLocaleString()} inserted, ${first.skipped} non-electric skipped)`,
    value: `${rate(first).toLocaleString()} rows/s median of ${RUNS} (${first.seconds.toFixed(2)} s; range ${range(firsts)})`,
    target: '≥ 20,000 rows/s',
    ok: rate(first) >= 20_000,
  },
  {
    measure: `AFDC CSV re-import of the same file (${again.unchanged.toLocaleString()} unchanged)`,
    value: `${rate(again).toLocaleString()} rows/s median of ${RUNS} (${again.seconds.toFixed(2)} s; range ${range(agains)})`,
    target: '',
    ok: null,
  },
];
writeResults('import', { machine: `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, node ${process.version}`, file: path.basename(csvFile) }, rows);
