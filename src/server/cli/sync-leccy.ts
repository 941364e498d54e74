import { loadEnv } from '../env';
import { openDb } from '../db/open-db';
import { TariffRepository } from '../repositories/tariff-repository';
import { syncLeccy } from '../tariffs/leccy-sync';

/** npm run sync:leccy — copies networks, services and rates from the Leccy API (LECCY_API_URL, LECCY_TOKEN). */
async function main() {
  const env = loadEnv();
  if (!env.LECCY_TOKEN) {
    console.error('Set LECCY_TOKEN to a Leccy API token (sign in at LECCY_API_URL/auth), then run this again.');
    process.exit(2);
  }
  const db = openDb(env.DATABASE_PATH);
  try {
    const r = await syncLeccy(new TariffRepository(db), { baseUrl: env.LECCY_API_URL, token: env.LECCY_TOKEN });
    console.log(`Synced ${r.networks} networks with ${r.rates} rates from ${env.LECCY_API_URL}.`);
    for (const s of r.skipped) console.log(`  skipped ${s.reason}`);
  } catch (err) {
    console.error(`Leccy sync failed: ${(err as Error).message}`);
    process.exitCode = 1;
  } finally {
    db.close();
  }
}

void main();
