import { parseArgs } from 'node:util';
import { loadEnv } from '../env';
import { openDb } from '../db/open-db';
import { FORMATS, importFile, type ImportFormat } from '../importers/run-import';
import { formatSummary, progressBar } from './progress';
import { TariffRepository } from '../repositories/tariff-repository';
import { ensureTariffs } from '../tariffs/derive-tariffs';

const usage = `Usage: npm run import -- <file> [<file> …] [--format ${FORMATS.join('|')}] [--verbose]
Imports charging data into the database at DATABASE_PATH. The format is detected from the content when not given;
.gz files are read transparently. Importing the same file again changes nothing; a newer export updates in place.`;

async function main() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { format: { type: 'string' }, verbose: { type: 'boolean', default: false }, help: { type: 'boolean', default: false } },
  });
  if (values.help || positionals.length === 0) {
    console.log(usage);
    process.exit(values.help ? 0 : 2);
  }
  if (values.format !== undefined && !(FORMATS as readonly string[]).includes(values.format)) {
    console.error(`--format must be one of ${FORMATS.join(', ')} (got ${values.format})`);
    process.exit(2);
  }
  const env = loadEnv();
  const db = openDb(env.DATABASE_PATH);
  let failed = false;
  for (const file of positionals) {
    const bar = progressBar(file);
    try {
      const summary = await importFile(db, file, { format: values.format as ImportFormat | undefined, onProgress: bar.update });
      bar.stop();
      console.log(formatSummary(summary, values.verbose));
    } catch (err) {
      bar.stop();
      console.error(`${file}: ${(err as Error).message}`);
      failed = true;
    }
  }
  const tariffs = ensureTariffs(new TariffRepository(db));
  if (tariffs) console.log(`Prices read from ${tariffs.priced} locations' price texts: ${tariffs.exact} exact, ${tariffs.free} free, ${tariffs.partial} partly understood, ${tariffs.unread} not understood; ${tariffs.rates} rates in ${tariffs.networks} networks.`);
  db.close();
  process.exit(failed ? 1 : 0);
}

void main();
